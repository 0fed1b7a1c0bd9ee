import {
  ZAccount,
  ZAccountCreate,
  ZAccountImportPreview,
  ZAccountImportResult,
  ZAccountUpdate,
  ZIssuedPassword,
} from "@chiso/core";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorizeSomewhere, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { XLSX_TYPE } from "../exports/workbook-stream.ts";
import type { TMailer } from "../notifications/mailer.ts";
import { commitAccountImport, MAX_SHEET_BYTES, previewAccountImport, readAccountsFile } from "./import-service.ts";
import type { TAccountRow } from "./service.ts";
import * as service from "./service.ts";
import { accountSheetTemplate } from "./template.ts";

const ZIdParams = z.object({ id: z.uuid("Mã tài khoản không hợp lệ") });
const tags = ["accounts"];

export function presentAccount({ unitPath: _path, ...row }: TAccountRow) {
  return {
    ...row,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The uploaded accounts sheet (multipart field `file`) and the form's other fields. */
async function uploadedSheet(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let sheet: Awaited<ReturnType<typeof readAccountsFile>> | null = null;
  for await (const part of request.parts({ limits: { fileSize: MAX_SHEET_BYTES } })) {
    if (part.type === "file") {
      const content = await part.toBuffer().catch((err: { code?: string }) => {
        throw err.code === "FST_REQ_FILE_TOO_LARGE"
          ? new AppError(
              "PAYLOAD_TOO_LARGE",
              `Tệp danh sách tài khoản quá lớn (tối đa ${MAX_SHEET_BYTES / 1024 / 1024} MB).`,
            )
          : err;
      });
      sheet = await readAccountsFile(content, part.filename);
    } else fields[part.fieldname] = String(part.value);
  }
  if (!sheet) throw new AppError("VALIDATION_FAILED", "Vui lòng chọn tệp Excel (.xlsx) danh sách tài khoản.");
  return { sheet, fields };
}

export function accountRoutes(app: TApp, deps: TAppDeps, options: { mailer: TMailer | null } = { mailer: null }) {
  app.get(
    "/api/accounts/import/template",
    { schema: { tags, summary: "Tệp mẫu Excel để cấp tài khoản hàng loạt" } },
    async (request, reply) => {
      authorizeSomewhere(request, "account.manage");
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", 'attachment; filename="mau-cap-tai-khoan.xlsx"')
        .send(await accountSheetTemplate());
    },
  );

  app.post(
    "/api/accounts/import/preview",
    {
      schema: {
        tags,
        summary:
          "Xem trước danh sách tài khoản từ Excel (multipart, trường file): từng dòng tạo đơn vị/tài khoản, giữ nguyên hay lỗi; không lưu gì",
        consumes: ["multipart/form-data"],
        response: { 200: ZAccountImportPreview },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, deps, authorizeSomewhere(request, "account.manage"));
      const { sheet } = await uploadedSheet(request);
      return previewAccountImport(ctx, sheet);
    },
  );

  app.post(
    "/api/accounts/import",
    {
      schema: {
        tags,
        summary:
          "Cấp đơn vị và tài khoản từ Excel trong một giao dịch (multipart: file, sendEmail=true để gửi mật khẩu qua email); từ chối cả tệp nếu có dòng lỗi; mật khẩu ban đầu chỉ trả về một lần",
        consumes: ["multipart/form-data"],
        response: { 201: ZAccountImportResult },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps, authorizeSomewhere(request, "account.manage"));
      const { sheet, fields } = await uploadedSheet(request);
      const result = await commitAccountImport(ctx, sheet, {
        sendEmail: fields.sendEmail === "true",
        mailer: options.mailer,
      });
      return reply.status(201).header("cache-control", "no-store").send(result);
    },
  );

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
      const actor = authorizeSomewhere(request, "account.manage");
      const { account, lifted } = await service.unlockLogin(serviceContext(request, deps, actor), request.params.id);
      return { account: presentAccount(account), blocksLifted: lifted };
    },
  );
}
