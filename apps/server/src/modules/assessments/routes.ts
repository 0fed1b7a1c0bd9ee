import {
  ZAdjustmentCreate,
  ZAgencyResult,
  ZAppraisal,
  ZAppraiserAssign,
  ZCorrection,
  ZCriterionTable,
  ZDifference,
  ZEntrySave,
  ZExtensionGrant,
  ZPublish,
  ZRequestAnswer,
  ZRequestCreate,
  ZResultsQuery,
  ZRound,
  ZRoundCreate,
  ZRoundResultView,
  ZRoundStatusChange,
  ZSheet,
  ZSheetAction,
} from "@chiso/core";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { contentDisposition } from "../evidence/routes.ts";
import * as service from "./service.ts";

const tags = ["assessments"];
const ZRoundParams = z.object({ id: z.uuid("Mã đợt đánh giá không hợp lệ") });
const ZSheetParams = ZRoundParams.extend({ unitId: z.uuid("Mã cơ quan không hợp lệ") });
const ZEntryParams = ZSheetParams.extend({ indicatorId: z.uuid("Mã tiêu chí không hợp lệ") });
const ZCriterionParams = ZRoundParams.extend({ indicatorId: z.uuid("Mã tiêu chí không hợp lệ") });
const ZRequestParams = z.object({ requestId: z.uuid("Mã yêu cầu không hợp lệ") });
const ZAppraisable = z.array(
  z.object({ indicatorId: z.uuid(), code: z.string(), name: z.string(), maxScore: z.number() }),
);

/** Thin handlers: the service loads the round, asks the policy and keeps each change in one transaction. */
export function assessmentRoutes(app: TApp, deps: TAppDeps) {
  const ctx = (request: Parameters<typeof serviceContext>[0]) => serviceContext(request, deps);

  app.get(
    "/api/assessment-rounds",
    {
      schema: {
        tags,
        summary: "Các đợt đánh giá mức độ chuyển đổi số của cơ quan",
        response: { 200: z.array(ZRound) },
      },
    },
    async (request) => service.listRounds(ctx(request)),
  );
  app.post(
    "/api/assessment-rounds",
    { schema: { tags, summary: "Tạo đợt đánh giá (bản nháp)", body: ZRoundCreate, response: { 201: ZRound } } },
    async (request, reply) => reply.status(201).send(await service.createRound(ctx(request), request.body)),
  );
  app.get(
    "/api/assessment-rounds/:id",
    { schema: { tags, summary: "Một đợt đánh giá", params: ZRoundParams, response: { 200: ZRound } } },
    async (request) => service.getRound(ctx(request), request.params.id),
  );
  app.post(
    "/api/assessment-rounds/:id/status",
    {
      schema: {
        tags,
        summary: "Mở tự đánh giá, rồi chuyển sang thẩm định",
        params: ZRoundParams,
        body: ZRoundStatusChange,
        response: { 200: ZRound },
      },
    },
    async (request) => service.changeStatus(ctx(request), request.params.id, request.body.status),
  );
  app.post(
    "/api/assessment-rounds/:id/extensions",
    {
      schema: {
        tags,
        summary: "Gia hạn tự đánh giá cho một cơ quan (có lý do)",
        params: ZRoundParams,
        body: ZExtensionGrant,
        response: { 200: ZRound },
      },
    },
    async (request) => service.grantExtension(ctx(request), request.params.id, request.body),
  );
  app.get(
    "/api/assessment-rounds/:id/sheets/:unitId",
    { schema: { tags, summary: "Phiếu tự đánh giá của một cơ quan", params: ZSheetParams, response: { 200: ZSheet } } },
    async (request) => service.getSheet(ctx(request), request.params.id, request.params.unitId),
  );
  app.put(
    "/api/assessment-rounds/:id/sheets/:unitId/entries/:indicatorId",
    {
      schema: {
        tags,
        summary: "Lưu một tiêu chí: giá trị, điểm đề xuất, giải trình, tài liệu kiểm chứng",
        params: ZEntryParams,
        body: ZEntrySave,
        response: { 200: ZSheet },
      },
    },
    async (request) => {
      const { id, unitId, indicatorId } = request.params;
      return service.saveEntry(ctx(request), id, unitId, indicatorId, request.body);
    },
  );
  for (const action of ["submit", "recall"] as const) {
    app.post(
      `/api/assessment-rounds/:id/sheets/:unitId/${action}`,
      {
        schema: {
          tags,
          summary: action === "submit" ? "Gửi phiếu tự đánh giá" : "Thu hồi phiếu để sửa (trước hạn)",
          params: ZSheetParams,
          body: ZSheetAction,
          response: { 200: ZSheet },
        },
      },
      async (request) =>
        service.setSheetStatus(ctx(request), request.params.id, request.params.unitId, action, request.body.version),
    );
  }
  app.get(
    "/api/assessment-rounds/:id/appraisals",
    {
      schema: {
        tags,
        summary: "Các tiêu chí người dùng được giao thẩm định",
        params: ZRoundParams,
        response: { 200: ZAppraisable },
      },
    },
    async (request) => service.listAppraisals(ctx(request), request.params.id),
  );
  app.post(
    "/api/assessment-rounds/:id/appraisers",
    {
      schema: {
        tags,
        summary: "Giao tiêu chí (hoặc chỉ số chính) cho thành viên hội đồng",
        params: ZRoundParams,
        body: ZAppraiserAssign,
        response: { 200: ZAppraisable },
      },
    },
    async (request) =>
      service.assignAppraiser(ctx(request), request.params.id, request.body.userId, request.body.indicatorIds),
  );
  app.get(
    "/api/assessment-rounds/:id/criteria/:indicatorId",
    {
      schema: {
        tags,
        summary: "Một tiêu chí của mọi cơ quan trong một bảng",
        params: ZCriterionParams,
        response: { 200: ZCriterionTable },
      },
    },
    async (request) => service.criterionTable(ctx(request), request.params.id, request.params.indicatorId),
  );
  app.put(
    "/api/assessment-rounds/:id/sheets/:unitId/entries/:indicatorId/appraisal",
    {
      schema: {
        tags,
        summary: "Chấm điểm thẩm định (có lý do)",
        params: ZEntryParams,
        body: ZAppraisal,
        response: { 200: ZCriterionTable },
      },
    },
    async (request) => {
      const { id, unitId, indicatorId } = request.params;
      return service.appraise(ctx(request), id, unitId, indicatorId, request.body);
    },
  );
  app.post(
    "/api/assessment-rounds/:id/sheets/:unitId/entries/:indicatorId/requests",
    {
      schema: {
        tags,
        summary: "Yêu cầu giải trình, bổ sung (có hạn)",
        params: ZEntryParams,
        body: ZRequestCreate,
        response: { 200: ZCriterionTable },
      },
    },
    async (request) => {
      const { id, unitId, indicatorId } = request.params;
      return service.requestExplanation(ctx(request), id, unitId, indicatorId, request.body);
    },
  );
  app.post(
    "/api/assessment-requests/:requestId/answer",
    {
      schema: {
        tags,
        summary: "Cơ quan trả lời yêu cầu giải trình",
        params: ZRequestParams,
        body: ZRequestAnswer,
        response: { 200: ZSheet },
      },
    },
    async (request) =>
      service.answerRequest(ctx(request), request.params.requestId, request.body.answer, request.body.documentIds),
  );
  app.post(
    "/api/assessment-requests/:requestId/close",
    {
      schema: {
        tags,
        summary: "Chấp nhận giải trình, đóng yêu cầu",
        params: ZRequestParams,
        response: { 200: ZCriterionTable },
      },
    },
    async (request) => service.closeRequest(ctx(request), request.params.requestId),
  );
  app.post(
    "/api/assessment-rounds/:id/adjustments",
    {
      schema: {
        tags,
        summary: "Điểm cộng/trừ cho một cơ quan (có lý do)",
        params: ZRoundParams,
        body: ZAdjustmentCreate,
        response: { 200: ZRoundResultView },
      },
    },
    async (request) => service.addAdjustment(ctx(request), request.params.id, request.body),
  );
  app.get(
    "/api/assessment-rounds/:id/results",
    {
      schema: {
        tags,
        summary: "Bảng kết quả: điểm, xếp loại, xếp hạng (bản công bố khi đã công bố)",
        params: ZRoundParams,
        querystring: ZResultsQuery,
        response: { 200: ZRoundResultView },
      },
    },
    async (request) => service.getResults(ctx(request), request.params.id, request.query),
  );
  app.get(
    "/api/assessment-rounds/:id/results/agencies/:unitId",
    {
      schema: {
        tags,
        summary: "Kết quả của một cơ quan: từng tiêu chí, so với nhóm, điểm bị mất, các năm trước",
        params: ZSheetParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: ZAgencyResult },
      },
    },
    async (request) =>
      service.getAgencyResult(ctx(request), request.params.id, request.params.unitId, request.query.version),
  );
  app.get(
    "/api/assessment-rounds/:id/results.:format",
    {
      schema: {
        tags,
        summary: "Bảng kết quả cho quyết định của UBND: Excel (.xlsx) hoặc Word theo NĐ 30/2020 (.docx)",
        params: ZRoundParams.extend({ format: z.enum(["xlsx", "docx"]) }),
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (request, reply) => {
      const file = await service.resultsFile(
        ctx(request),
        request.params.id,
        request.params.format,
        request.query.version,
      );
      return sendFile(reply, file);
    },
  );
  app.get(
    "/api/assessment-rounds/:id/differences",
    {
      schema: {
        tags,
        summary: "Chênh lệch giữa điểm tự đánh giá và điểm thẩm định",
        params: ZRoundParams,
        response: { 200: z.array(ZDifference) },
      },
    },
    async (request) => service.listDifferences(ctx(request), request.params.id),
  );
  app.get(
    "/api/assessment-rounds/:id/differences.xlsx",
    {
      schema: {
        tags,
        summary: "Danh sách chênh lệch tự đánh giá và thẩm định (Excel) cho cuộc họp hội đồng",
        params: ZRoundParams,
      },
    },
    async (request, reply) => sendFile(reply, await service.differencesFile(ctx(request), request.params.id)),
  );
  app.get(
    "/api/assessment-rounds/:id/sheets/:unitId/sheet.xlsx",
    {
      schema: {
        tags,
        summary: "Phiếu chấm điểm của một cơ quan (Excel): tự chấm, thẩm định, tài liệu kiểm chứng",
        params: ZSheetParams,
      },
    },
    async (request, reply) =>
      sendFile(reply, await service.sheetFile(ctx(request), request.params.id, request.params.unitId)),
  );
  app.post(
    "/api/assessment-rounds/:id/publish",
    {
      schema: {
        tags,
        summary: "Công bố kết quả theo quyết định (số, ngày)",
        params: ZRoundParams,
        body: ZPublish,
        response: { 200: ZRoundResultView },
      },
    },
    async (request) => service.publish(ctx(request), request.params.id, request.body),
  );
  app.post(
    "/api/assessment-rounds/:id/corrections",
    {
      schema: {
        tags,
        summary: "Đính chính: phiên bản mới có lý do, giữ phiên bản cũ",
        params: ZRoundParams,
        body: ZCorrection,
        response: { 200: ZRoundResultView },
      },
    },
    async (request) => service.correct(ctx(request), request.params.id, request.body),
  );
}

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer }) {
  return reply
    .headers({
      "content-type": file.contentType,
      "content-disposition": contentDisposition("attachment", file.fileName),
      "cache-control": "private, no-store",
    })
    .send(file.body);
}
