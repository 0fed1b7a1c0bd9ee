import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { contentDisposition } from "../evidence/routes.ts";
import { canExportPlanTasks, canExportProvince, canExportUnit } from "./policy.ts";
import * as service from "./service.ts";

const tags = ["exports"];
const ZPeriodParams = z.object({ periodId: z.uuid("Mã kỳ báo cáo không hợp lệ") });
const ZUnitQuery = z.object({ unitId: z.uuid("Mã đơn vị không hợp lệ").optional() });

export function exportRoutes(app: TApp, deps: TAppDeps) {
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
      const actor = authorize(request, (a) => canExportUnit(a, request.query.unitId));
      return send(request, reply, await service.periodWorkbook(deps, { ...request.params, ...request.query }, actor));
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
      authorize(request, canExportProvince);
      return send(request, reply, await service.periodReportDocx(deps, request.params));
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
      const actor = authorize(request, (a) => canExportUnit(a, request.query.unitId));
      return send(
        request,
        reply,
        await service.periodEvidenceZip(deps, { ...request.params, ...request.query }, actor),
      );
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
      authorize(request, canExportPlanTasks);
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
