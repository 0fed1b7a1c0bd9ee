import { ZChangePasswordRequest, ZLoginRequest, ZMe } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { clearSessionCookie, currentUser, SESSION_COOKIE, serviceContext, setSessionCookie } from "../../http/auth.ts";
import type { TAppDeps, TSessionUser } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import * as auth from "./service.ts";

const ZOk = z.object({ ok: z.literal(true) });

export function presentMe(user: TSessionUser) {
  const { sessionId: _s, ...me } = user;
  return me;
}

export function authRoutes(app: TApp, deps: TAppDeps) {
  app.post(
    "/api/auth/login",
    {
      schema: { tags: ["auth"], summary: "Đăng nhập", body: ZLoginRequest, response: { 200: ZMe } },
      config: { public: true },
    },
    async (request, reply) => {
      const { token } = await auth.login(deps.db, deps.clock, request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers["user-agent"] ?? null,
        sessionTtlHours: deps.config.sessionTtlHours,
        attemptsPerMinute: deps.config.loginAttemptsPerMinute,
      });
      const user = await auth.findSessionUser(deps.db, deps.clock, token);
      if (!user) throw new AppError("INTERNAL");
      setSessionCookie(reply, token, { secure: deps.config.cookieSecure, maxAgeHours: deps.config.sessionTtlHours });
      return user;
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Đăng xuất", response: { 200: ZOk } }, config: { public: true } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.logout(deps.db, token);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    {
      schema: { tags: ["auth"], summary: "Người dùng đang đăng nhập", response: { 200: ZMe } },
      config: { allowBeforePasswordChange: true },
    },
    async (request) => presentMe(currentUser(request)),
  );

  app.post(
    "/api/auth/change-password",
    {
      schema: { tags: ["auth"], summary: "Đổi mật khẩu", body: ZChangePasswordRequest, response: { 200: ZOk } },
      config: { allowBeforePasswordChange: true },
    },
    async (request) => {
      await auth.changePassword(serviceContext(request, deps), request.body);
      return { ok: true as const };
    },
  );
}
