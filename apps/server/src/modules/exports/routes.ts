import { PassThrough } from "node:stream";
import { can, reportVisibility, ZAuditFilter } from "@chiso/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, authorizeSomewhere, currentUser } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { contentDisposition } from "../evidence/routes.ts";
import { periodScope } from "../periods/service.ts";
import { planScope } from "../plans/service.ts";
import { findUnitPath } from "../units/repo.ts";
import * as service from "./service.ts";

const tags = ["exports"];
const ZPeriodParams = z.object({ periodId: z.uuid("Mã kỳ báo cáo không hợp lệ") });
const ZUnitQuery = z.object({ unitId: z.uuid("Mã đơn vị không hợp lệ").optional() });

export function exportRoutes(app: TApp, deps: TAppDeps) {
  /**
   * A period's exports: the whole period for who oversees its cycle ("export.scope"); one unit's part for that
   * unit's people too ("document.read"). The reports inside are those the reader may see.
   */
  async function authorizePeriodExport(request: FastifyRequest, periodId: string, unitId: string | undefined) {
    const scope = await periodScope(deps.db, periodId);
    const actor = currentUser(request);
    const unitPath = unitId ? await findUnitPath(deps.db, unitId) : null;
    if (!(unitId && unitPath && can(actor, "document.read", { unitId, unitPath }))) {
      authorize(request, "export.scope", scope);
    }
    return reportVisibility(actor, scope.scopePath);
  }

  app.get(
    "/api/exports/period/:periodId.xlsx",
    {
      schema: {
        tags,
        summary:
          "Excel báo cáo của kỳ: tổng hợp điểm toàn tỉnh, từng báo cáo, tài liệu kiểm chứng (unitId: chỉ một đơn vị)",
        params: ZPeriodParams,
        querystring: ZUnitQuery,
      },
    },
    async (request, reply) => {
      const visibility = await authorizePeriodExport(request, request.params.periodId, request.query.unitId);
      const input = { ...request.params, ...request.query };
      return send(request, reply, await service.periodWorkbook(deps, input, visibility));
    },
  );

  app.get(
    "/api/exports/period/:periodId.docx",
    {
      schema: {
        tags,
        summary: "Báo cáo kết quả thực hiện Bộ chỉ số chuyển đổi số của kỳ (Word, thể thức Nghị định 30/2020/NĐ-CP)",
        params: ZPeriodParams,
      },
    },
    async (request, reply) => {
      const scope = await periodScope(deps.db, request.params.periodId);
      const actor = authorize(request, "export.scope", scope);
      const visibility = reportVisibility(actor, scope.scopePath);
      return send(request, reply, await service.periodReportDocx(deps, request.params, visibility));
    },
  );

  app.get(
    "/api/exports/period/:periodId/evidence.zip",
    {
      schema: {
        tags,
        summary: "Gói tài liệu kiểm chứng của kỳ (.zip): mỗi chỉ số một thư mục, kèm danh mục Excel có mã SHA-256",
        params: ZPeriodParams,
        querystring: ZUnitQuery,
      },
    },
    async (request, reply) => {
      const visibility = await authorizePeriodExport(request, request.params.periodId, request.query.unitId);
      const input = { ...request.params, ...request.query };
      return send(request, reply, await service.periodEvidenceZip(deps, input, visibility));
    },
  );

  app.get(
    "/api/exports/audit.xlsx",
    {
      schema: {
        tags,
        summary: "Excel nhật ký thay đổi, theo cùng bộ lọc với trang Nhật ký (đơn vị, người, đối tượng, ngày)",
        querystring: ZAuditFilter,
      },
    },
    async (request, reply) => {
      const actor = authorizeSomewhere(request, "audit.view");
      return send(request, reply, await service.auditWorkbook(deps, actor, request.query));
    },
  );

  app.get(
    "/api/exports/plans/:planId/tasks.xlsx",
    {
      schema: {
        tags,
        summary: "Excel nhiệm vụ của kế hoạch và tiến độ thực hiện",
        params: z.object({ planId: z.uuid("Mã kế hoạch không hợp lệ") }),
      },
    },
    async (request, reply) => {
      authorize(request, "plan.view", await planScope(deps.db, request.params.planId));
      return send(request, reply, await service.planTasksWorkbook(deps, request.params));
    },
  );
}

/**
 * Sends a prepared export: with Content-Length when the size is known, else chunked with the expected size in
 * `X-Expected-Length` for the progress bar. A failure mid-stream can only cut the download short, so it is
 * logged and the connection closed; the browser sees an incomplete download rather than a corrupt file.
 */
function send(request: FastifyRequest, reply: FastifyReply, file: service.TExportFile) {
  const body = new PassThrough();
  file.write(body).catch((err: unknown) => {
    request.log.error({ err }, "export failed while streaming");
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  reply.headers({
    "content-type": file.contentType,
    "content-disposition": contentDisposition("attachment", file.fileName),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  if (file.length !== null) reply.header("content-length", file.length);
  if (file.expectedLength !== null) reply.header("x-expected-length", file.expectedLength);
  return reply.send(body);
}
