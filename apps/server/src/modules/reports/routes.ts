import {
  ZAttachDocument,
  ZCommentCreate,
  ZConsolidate,
  ZDetachDocumentQuery,
  ZOfficeWork,
  ZReportActionRequest,
  ZReportDetail,
  ZReportDocument,
  ZReportListQuery,
  ZReportOpen,
  ZReportPage,
  ZReportSave,
  ZReportSaved,
  ZWorkItem,
} from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { currentUser, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { listLatestValues, listReportsForReview, listWorkItems } from "./lists.ts";
import * as service from "./service.ts";

const tags = ["reports"];
const ZParams = z.object({ id: z.uuid("Mã báo cáo không hợp lệ") });

// Every report rule depends on the report's unit, status and indicator: the services check them (policy.ts).
export function reportRoutes(app: TApp, deps: TAppDeps) {
  const ctx = (request: Parameters<typeof currentUser>[0]) => serviceContext(request, deps);
  const detail = (request: Parameters<typeof currentUser>[0], id: string) => service.getReportDetail(ctx(request), id);

  app.get(
    "/api/worklist",
    {
      schema: {
        tags,
        summary: "Việc cần làm của một đơn vị trong các kỳ đang mở",
        querystring: z.object({ unitId: z.uuid().optional() }),
        response: { 200: z.array(ZWorkItem) },
      },
    },
    async (request) => listWorkItems(ctx(request), request.query.unitId ?? currentUser(request).unitId),
  );

  app.get(
    "/api/frameworks/:id/latest-values",
    {
      schema: {
        tags,
        summary: "Số liệu gần nhất cơ quan chủ trì đã báo cáo cho từng chỉ số (điểm xuất phát của mô phỏng)",
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.array(
            z.object({
              indicatorId: z.uuid(),
              periodLabel: z.string(),
              values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
            }),
          ),
        },
      },
    },
    async (request) => {
      return listLatestValues(ctx(request), request.params.id);
    },
  );

  app.get(
    "/api/reports",
    {
      schema: {
        tags,
        summary: "Báo cáo của một kỳ để xem xét: lọc theo đơn vị, chỉ số, vai trò, trạng thái, từ khóa; phân trang",
        querystring: ZReportListQuery,
        response: { 200: ZReportPage },
      },
    },
    async (request, reply) => {
      const context = ctx(request);
      return deps.sharedReads.send(request, reply, context.actor, ZReportPage, () =>
        listReportsForReview(context, request.query),
      );
    },
  );

  app.post(
    "/api/reports",
    {
      schema: {
        tags,
        summary: "Mở (hoặc lấy) báo cáo của đơn vị cho một chỉ số trong kỳ",
        body: ZReportOpen,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => detail(request, await service.openReport(ctx(request), request.body)),
  );

  app.get(
    "/api/reports/:id",
    {
      schema: {
        tags,
        summary: "Báo cáo: số liệu, điểm tự đánh giá, tài liệu, lịch sử, trao đổi",
        params: ZParams,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    "/api/reports/:id",
    {
      schema: {
        tags,
        summary:
          "Lưu số liệu (bản nháp); trả về phiên bản, điểm tự đánh giá, trạng thái; 409 nếu người khác đã lưu trước",
        params: ZParams,
        body: ZReportSave,
        response: { 200: ZReportSaved },
      },
      config: { keepsSaveContexts: true },
    },
    async (request) => service.saveReport(ctx(request), request.params.id, request.body, deps.saveContexts),
  );

  app.post(
    "/api/reports/:id/actions",
    {
      schema: {
        tags,
        summary: "Gửi, chấp nhận, trả lại, yêu cầu giải trình, xác minh, thẩm định, chốt",
        params: ZParams,
        body: ZReportActionRequest,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => {
      await service.actOnReport(ctx(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/reports/:id/consolidation",
    {
      schema: {
        tags,
        summary: "Cơ quan chủ trì nhận số tổng hợp từ các đơn vị phối hợp, hoặc sửa có ghi lý do",
        params: ZParams,
        body: ZConsolidate,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => {
      await service.consolidateReport(ctx(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/reports/:id/comments",
    {
      schema: {
        tags,
        summary: "Trao đổi, giải trình trong báo cáo",
        params: ZParams,
        body: ZCommentCreate,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => {
      await service.addComment(ctx(request), request.params.id, request.body.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/reports/:id/documents",
    {
      schema: {
        tags,
        summary: "Đính kèm tài liệu kiểm chứng",
        params: ZParams,
        body: ZAttachDocument,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => {
      await service.attachDocument(ctx(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.get(
    "/api/reports/:id/reusable-documents",
    {
      schema: {
        tags,
        summary: "Tài liệu cơ quan phối hợp đã nộp cho cùng chỉ số và kỳ (để cơ quan chủ trì dùng lại)",
        params: ZParams,
        response: { 200: z.array(ZReportDocument) },
      },
    },
    async (request) => service.listReusableDocuments(ctx(request), request.params.id),
  );

  app.get(
    "/api/reports/:id/office-work",
    {
      schema: {
        tags,
        summary:
          "Báo cáo lên: kết quả các phòng, đơn vị thuộc cơ quan đã gửi trong chu kỳ riêng của cơ quan, cùng mã chỉ số và năm",
        params: ZParams,
        response: { 200: z.array(ZOfficeWork) },
      },
    },
    async (request) => service.listOfficeWork(ctx(request), request.params.id),
  );

  app.delete(
    "/api/reports/:id/documents/:documentId",
    {
      schema: {
        tags,
        summary: "Bỏ tài liệu khỏi báo cáo (tài liệu vẫn còn trong kho của đơn vị)",
        params: ZParams.extend({ documentId: z.uuid() }),
        querystring: ZDetachDocumentQuery,
        response: { 200: ZReportDetail },
      },
    },
    async (request) => {
      await service.detachDocument(ctx(request), request.params.id, request.params.documentId, request.query.version);
      return detail(request, request.params.id);
    },
  );
}
