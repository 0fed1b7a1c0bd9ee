import { ZDashboard, ZHeatmap, ZHeatmapQuery, ZUnitRanking } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { buildDashboard, buildHeatmap, buildUnitRanking } from "./service.ts";
import { writeUnitRankingWorkbook } from "./unit-ranking-workbook.ts";

const tags = ["dashboard"];
const ZRankingQuery = z.object({
  periodId: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
  /** With `year`: the agency whose own cycles are ranked; omitted for the province's. */
  ownerUnitId: z.uuid().optional(),
});

export function dashboardRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/dashboard",
    {
      schema: {
        tags,
        summary: "Tổng quan DTI của tỉnh cho một bộ chỉ số và kỳ (một lần gọi)",
        querystring: z.object({ frameworkId: z.uuid().optional(), periodId: z.uuid().optional() }),
        response: { 200: ZDashboard },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      return deps.sharedReads.send(request, reply, ctx.actor, ZDashboard, () => buildDashboard(ctx, request.query));
    },
  );

  app.get(
    "/api/dashboard/heatmap",
    {
      schema: {
        tags,
        summary: "Tình trạng nộp báo cáo: nhóm đơn vị × chỉ số; với một nhóm, từng đơn vị (phân trang)",
        querystring: ZHeatmapQuery,
        response: { 200: ZHeatmap },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      return deps.sharedReads.send(request, reply, ctx.actor, ZHeatmap, () => buildHeatmap(ctx, request.query));
    },
  );

  app.get(
    "/api/dashboard/units",
    {
      schema: {
        tags,
        summary: "Xếp hạng đơn vị (thi đua – khen thưởng)",
        querystring: ZRankingQuery,
        response: { 200: ZUnitRanking },
      },
    },
    async (request, reply) => {
      if (!request.query.periodId && !request.query.year)
        throw new AppError("VALIDATION_FAILED", "Vui lòng chọn kỳ báo cáo hoặc năm.");
      const ctx = serviceContext(request, deps);
      return deps.sharedReads.send(request, reply, ctx.actor, ZUnitRanking, () => buildUnitRanking(ctx, request.query));
    },
  );

  app.get(
    "/api/dashboard/units/export",
    { schema: { tags, summary: "Xuất bảng xếp hạng đơn vị (.xlsx)", querystring: ZRankingQuery } },
    async (request, reply) => {
      if (!request.query.periodId && !request.query.year)
        throw new AppError("VALIDATION_FAILED", "Vui lòng chọn kỳ báo cáo hoặc năm.");
      const ranking = await buildUnitRanking(serviceContext(request, deps), request.query);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", 'attachment; filename="xep-hang-don-vi.xlsx"')
        .send(await writeUnitRankingWorkbook(ranking));
    },
  );
}
