import {
  foldVietnamese,
  ZChaseRequest,
  ZChaseResult,
  ZCompletenessPage,
  ZCompletenessQuery,
  ZCompletenessUnitSlots,
} from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, currentUser, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { periodScope } from "../periods/service.ts";
import { writeCompletenessWorkbook } from "./excel.ts";
import * as service from "./service.ts";

const tags = ["completeness"];
const ZQuery = z.object({ periodId: z.uuid("Vui lòng chọn kỳ báo cáo") });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Tỷ lệ báo cáo: who reported, on time or late, what is missing — and "đôn đốc ngay". */
export function completenessRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/completeness",
    {
      schema: {
        tags,
        summary: "Tỷ lệ báo cáo của một kỳ: theo đơn vị, theo chỉ số (phải nộp, đã nộp, đúng hạn, muộn, chưa nộp)",
        querystring: ZCompletenessQuery,
        response: { 200: ZCompletenessPage },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps, currentUser(request));
      return deps.sharedReads.send(request, reply, ctx.actor, ZCompletenessPage, () =>
        service.getCompletenessPage(ctx, request.query),
      );
    },
  );

  app.get(
    "/api/completeness/units/:unitId",
    {
      schema: {
        tags,
        summary: "Báo cáo nộp muộn và chưa nộp của một đơn vị trong kỳ (dòng mở rộng của bảng tỷ lệ báo cáo)",
        params: z.object({ unitId: z.uuid("Mã đơn vị không hợp lệ") }),
        querystring: ZQuery,
        response: { 200: ZCompletenessUnitSlots },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, deps, currentUser(request));
      return service.getUnitOpenSlots(ctx, request.query.periodId, request.params.unitId);
    },
  );

  app.get(
    "/api/completeness/export",
    { schema: { tags, summary: "Tỷ lệ báo cáo của một kỳ, tệp Excel", querystring: ZQuery } },
    async (request, reply) => {
      const actor = currentUser(request);
      const ctx = serviceContext(request, deps, actor);
      const data = await service.getCompleteness(ctx, request.query.periodId);
      const content = await writeCompletenessWorkbook(data, ctx.clock());
      const slug = foldVietnamese(data.period.label)
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      return reply
        .headers({
          "content-type": XLSX,
          "content-disposition": `attachment; filename="ty-le-bao-cao-${slug}.xlsx"`,
          "cache-control": "private, no-cache",
        })
        .send(content);
    },
  );

  app.post(
    "/api/completeness/chase",
    {
      schema: {
        tags,
        summary:
          "Đôn đốc ngay: gửi một nhắc nhở tới mỗi đơn vị còn thiếu báo cáo (Sở KH&CN; cơ quan chủ trì với đơn vị phối hợp)",
        body: ZChaseRequest,
        response: { 200: ZChaseResult },
      },
    },
    async (request) => {
      const actor = authorize(request, "completeness.chase", await periodScope(deps.db, request.body.periodId));
      return service.chaseUnits(serviceContext(request, deps, actor), request.body);
    },
  );
}
