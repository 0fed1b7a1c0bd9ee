import { can, type TRole, ZAccount, ZAccountCreate, ZAccountUpdate, ZIssuedPassword } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import * as repo from "./repo.ts";
import type { TAccountRow } from "./service.ts";
import * as service from "./service.ts";

const ZIdParams = z.object({ id: z.uuid("Mã tài khoản không hợp lệ") });
const tags = ["accounts"];

export function presentAccount(row: TAccountRow) {
  return {
    ...row,
    roles: row.roles as TRole[],
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function accountRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/accounts",
    { schema: { tags, summary: "Danh sách tài khoản", response: { 200: z.array(ZAccount) } } },
    async (request) => {
      authorize(request, can.manageAccounts);
      return (await repo.listAccounts(deps.db)).map(presentAccount);
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
      const actor = authorize(request, can.manageAccounts);
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
      const actor = authorize(request, can.manageAccounts);
      return presentAccount(
        await service.updateAccount(serviceContext(request, deps, actor), request.params.id, request.body),
      );
    },
  );

  app.post(
    "/api/accounts/:id/reset-password",
    { schema: { tags, summary: "Đặt lại mật khẩu", params: ZIdParams, response: { 200: ZIssuedPassword } } },
    async (request) => {
      const actor = authorize(request, can.manageAccounts);
      const { account, initialPassword } = await service.resetPassword(
        serviceContext(request, deps, actor),
        request.params.id,
      );
      return { account: presentAccount(account), initialPassword };
    },
  );

  app.post(
    "/api/accounts/:id/unlock-login",
    {
      schema: {
        tags,
        summary: "Mở chặn đăng nhập (sau nhiều lần nhập sai mật khẩu)",
        params: ZIdParams,
        response: { 200: z.object({ account: ZAccount, blocksLifted: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = authorize(request, can.manageAccounts);
      const { account, lifted } = await service.unlockLogin(serviceContext(request, deps, actor), request.params.id);
      return { account: presentAccount(account), blocksLifted: lifted };
    },
  );
}
