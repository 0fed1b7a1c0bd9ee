import { ZAccount, ZAccountCreate, ZAccountUpdate, ZIssuedPassword } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorizeSomewhere, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import type { TAccountRow } from "./service.ts";
import * as service from "./service.ts";

const ZIdParams = z.object({ id: z.uuid("Mã tài khoản không hợp lệ") });
const tags = ["accounts"];

export function presentAccount({ unitPath: _path, ...row }: TAccountRow) {
  return {
    ...row,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function accountRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/accounts",
    { schema: { tags, summary: "Danh sách tài khoản", response: { 200: z.array(ZAccount) } } },
    async (request) => {
      authorizeSomewhere(request, "account.manage");
      return (await service.listAccounts(serviceContext(request, deps))).map(presentAccount);
    },
  );

  app.post(
    "/api/accounts",
    {
      schema: {
        tags,
        summary: "Cấp tài khoản (trả về mật khẩu ban đầu một lần)",
        body: ZAccountCreate,
        response: { 201: ZIssuedPassword },
      },
    },
    async (request, reply) => {
      const actor = authorizeSomewhere(request, "account.manage");
      const { account, initialPassword } = await service.createAccount(
        serviceContext(request, deps, actor),
        request.body,
      );
      return reply.status(201).send({ account: presentAccount(account), initialPassword });
    },
  );

  app.patch(
    "/api/accounts/:id",
    {
      schema: {
        tags,
        summary: "Sửa, khóa hoặc mở khóa tài khoản",
        params: ZIdParams,
        body: ZAccountUpdate,
        response: { 200: ZAccount },
      },
    },
    async (request) => {
      const actor = authorizeSomewhere(request, "account.manage");
      return presentAccount(
        await service.updateAccount(serviceContext(request, deps, actor), request.params.id, request.body),
      );
    },
  );

  app.post(
    "/api/accounts/:id/reset-password",
    { schema: { tags, summary: "Đặt lại mật khẩu", params: ZIdParams, response: { 200: ZIssuedPassword } } },
    async (request) => {
      const actor = authorizeSomewhere(request, "account.manage");
      const { account, initialPassword } = await service.resetPassword(
        serviceContext(request, deps, actor),
        request.params.id,
      );
      return { account: presentAccount(account), initialPassword };
    },
  );
}
