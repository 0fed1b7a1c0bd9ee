import { canSomewhere, REFUSALS, type TAction, type TResourceOf } from "@chiso/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TDb } from "../db/client.ts";
import { findSessionUser } from "../modules/auth/service.ts";
import type { TClock, TServiceContext, TSessionUser } from "./context.ts";
import { AppError } from "./errors.ts";
import { ensureCan } from "./policy.ts";

export const SESSION_COOKIE = "chiso_session";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). Every other /api route requires one. */
    public?: boolean;
    /** Reachable while the user must still change the initial password. */
    allowBeforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    sessionUser: TSessionUser | null;
  }
}

/**
 * Loads the session user on every request and refuses any /api route that is not marked public
 * when nobody is signed in — so a route cannot forget to check who the user is.
 */
export function registerAuth(
  app: FastifyInstance,
  deps: { db: TDb; clock: TClock; config: { cacheMs: number } },
): void {
  app.decorateRequest("sessionUser", null);

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await findSessionUser(deps.db, deps.clock, token, deps.config.cacheMs);
    if (user) request.sessionUser = { ...user, sessionId: token };
  });

  // Before body validation, so an anonymous caller learns nothing about the shape a route expects.
  app.addHook("preValidation", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const user = request.sessionUser;
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (user.mustChangePassword && !config.allowBeforePasswordChange) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  });
}

/** The signed-in user of a non-public route (the preHandler guarantees one). */
export function currentUser(request: FastifyRequest): TSessionUser {
  if (!request.sessionUser) throw new AppError("UNAUTHENTICATED");
  return request.sessionUser;
}

/** One line per handler: `authorize(request, "framework.edit", owner)` — the policy module decides. */
export function authorize<A extends TAction>(
  request: FastifyRequest,
  action: A,
  resource: TResourceOf<A>,
): TSessionUser {
  const user = currentUser(request);
  ensureCan(user, action, resource);
  return user;
}

/** For lists: the user may do `action` in some scope; the service filters the rows by scope in SQL. */
export function authorizeSomewhere(request: FastifyRequest, action: TAction): TSessionUser {
  const user = currentUser(request);
  if (!canSomewhere(user, action)) throw new AppError("FORBIDDEN", REFUSALS[action]);
  return user;
}

export function serviceContext(
  request: FastifyRequest,
  deps: { db: TDb; clock: TClock },
  actor = currentUser(request),
): TServiceContext {
  return { db: deps.db, clock: deps.clock, actor, ip: request.ip ?? null };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeHours: number },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    maxAge: options.maxAgeHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
