import {
  ZPlanDetail,
  ZPlanImportCommitChecked,
  ZPlanImportMapped,
  ZPlanImportPreview,
  ZPlanImportRemap,
  ZPlanInput,
  ZPlanReview,
  ZPlanReviewInput,
  ZPlanSummary,
  ZPlanUpdate,
  ZTask,
  ZTaskDetail,
  ZTaskEdit,
  ZTaskInput,
  ZTaskListQuery,
  ZTaskProgressInput,
} from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, authorizeSomewhere, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { commitPlanImport, previewPlanImport, remapPlanImport } from "./import-service.ts";
import * as reviews from "./review-service.ts";
import * as service from "./service.ts";

const tags = ["plans"];
const ZPlanParams = z.object({ id: z.uuid("Mã kế hoạch không hợp lệ") });
const ZTaskParams = z.object({ id: z.uuid("Mã nhiệm vụ không hợp lệ") });

export function planRoutes(app: TApp, deps: TAppDeps) {
  const plan = (id: string) => service.planScope(deps.db, id);
  const task = (id: string) => service.taskScope(deps.db, id);
  // The table of a large plan comes back from the browser with every cell: allow what an upload allows.
  const tableBodyLimit = Math.floor(deps.config.maxUploadMb * 1024 * 1024);

  app.get(
    "/api/plans",
    { schema: { tags, summary: "Các kế hoạch và tiến độ chung", response: { 200: z.array(ZPlanSummary) } } },
    async (request) => service.listPlans(serviceContext(request, deps)),
  );

  app.post(
    "/api/plans",
    { schema: { tags, summary: "Thêm kế hoạch", body: ZPlanInput, response: { 201: ZPlanDetail } } },
    async (request, reply) => {
      return reply.status(201).send(await service.createPlan(serviceContext(request, deps), request.body));
    },
  );

  app.post(
    "/api/plans/import/preview",
    {
      schema: {
        tags,
        summary:
          "Đọc thử kế hoạch Word (.docx) hoặc Excel (.xlsx) (multipart, trường file): bảng nhiệm vụ, cách chọn cột, đơn vị khớp/chưa khớp, cảnh báo; không lưu gì",
        consumes: ["multipart/form-data"],
        response: { 200: ZPlanImportPreview },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, deps, authorizeSomewhere(request, "plan.manage"));
      const file = await request.file();
      if (!file) throw new AppError("VALIDATION_FAILED", "Vui lòng chọn tệp kế hoạch (.docx hoặc .xlsx).");
      return previewPlanImport(ctx, file.filename, await file.toBuffer());
    },
  );

  app.post(
    "/api/plans/import/remap",
    {
      bodyLimit: tableBodyLimit,
      schema: {
        tags,
        summary: "Đọc lại bảng nhiệm vụ với bảng hoặc cách chọn cột khác; không lưu gì",
        body: ZPlanImportRemap,
        response: { 200: ZPlanImportMapped },
      },
    },
    async (request) =>
      remapPlanImport(serviceContext(request, deps, authorizeSomewhere(request, "plan.manage")), request.body),
  );

  app.post(
    "/api/plans/import",
    {
      bodyLimit: tableBodyLimit,
      schema: {
        tags,
        summary: "Nhập kế hoạch đã xem trước cùng toàn bộ nhiệm vụ trong một giao dịch",
        body: ZPlanImportCommitChecked,
        response: { 201: ZPlanDetail },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await commitPlanImport(serviceContext(request, deps), request.body));
    },
  );

  app.get(
    "/api/plans/:id",
    {
      schema: {
        tags,
        summary:
          "Kế hoạch: nhiệm vụ theo mục, tiến độ theo mục và theo đơn vị, chỉ tiêu, nhiệm vụ của kế hoạch cấp trên",
        params: ZPlanParams,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) =>
      service.getPlanDetail(
        serviceContext(request, deps, authorize(request, "plan.view", await plan(request.params.id))),
        request.params.id,
      ),
  );

  app.patch(
    "/api/plans/:id",
    {
      schema: {
        tags,
        summary: "Sửa kế hoạch và chỉ tiêu",
        params: ZPlanParams,
        body: ZPlanUpdate,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) =>
      service.updatePlan(
        serviceContext(request, deps, authorize(request, "plan.manage", await plan(request.params.id))),
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    "/api/plans/:id",
    {
      schema: {
        tags,
        summary: "Xóa kế hoạch (chỉ khi chưa có cập nhật tiến độ)",
        params: ZPlanParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, "plan.manage", await plan(request.params.id));
      await service.deletePlan(serviceContext(request, deps, actor), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/plans/:id/tasks",
    {
      schema: {
        tags,
        summary: "Thêm nhiệm vụ vào kế hoạch",
        params: ZPlanParams,
        body: ZTaskInput,
        response: { 201: ZTaskDetail },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps, authorize(request, "plan.manage", await plan(request.params.id)));
      return reply.status(201).send(await service.createTask(ctx, request.params.id, request.body));
    },
  );

  app.get(
    "/api/plans/:id/reviews",
    {
      schema: {
        tags,
        summary: "Các hội nghị sơ kết của kế hoạch và kết luận (thành nhiệm vụ)",
        params: ZPlanParams,
        response: { 200: z.array(ZPlanReview) },
      },
    },
    async (request) =>
      reviews.listReviews(
        serviceContext(request, deps, authorize(request, "plan.view", await plan(request.params.id))),
        request.params.id,
      ),
  );

  app.post(
    "/api/plans/:id/reviews",
    {
      schema: {
        tags,
        summary: "Ghi biên bản hội nghị sơ kết: ngày, thành phần, kết luận; mỗi kết luận thành một nhiệm vụ",
        params: ZPlanParams,
        body: ZPlanReviewInput,
        response: { 201: z.array(ZPlanReview) },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps, authorize(request, "plan.recordReview", await plan(request.params.id)));
      await reviews.recordReview(ctx, request.params.id, request.body);
      return reply.status(201).send(await reviews.listReviews(ctx, request.params.id));
    },
  );

  app.get(
    "/api/tasks",
    {
      schema: {
        tags,
        summary: "Nhiệm vụ trong các kế hoạch; mine=1: của đơn vị mình; overdue=1: chỉ nhiệm vụ quá hạn",
        querystring: ZTaskListQuery,
        response: { 200: z.array(ZTask) },
      },
    },
    async (request) => service.listTasks(serviceContext(request, deps), request.query),
  );

  app.get(
    "/api/tasks/:id",
    {
      schema: {
        tags,
        summary: "Nhiệm vụ và các lần cập nhật tiến độ",
        params: ZTaskParams,
        response: { 200: ZTaskDetail },
      },
    },
    async (request) =>
      service.getTaskDetail(
        serviceContext(request, deps, authorize(request, "plan.view", await task(request.params.id))),
        request.params.id,
      ),
  );

  app.patch(
    "/api/tasks/:id",
    { schema: { tags, summary: "Sửa nhiệm vụ", params: ZTaskParams, body: ZTaskEdit, response: { 200: ZTaskDetail } } },
    async (request) =>
      service.editTask(
        serviceContext(request, deps, authorize(request, "plan.manage", await task(request.params.id))),
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    "/api/tasks/:id",
    {
      schema: {
        tags,
        summary: "Xóa nhiệm vụ (chỉ khi chưa có cập nhật tiến độ)",
        params: ZTaskParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, "plan.manage", await task(request.params.id));
      await service.deleteTask(serviceContext(request, deps, actor), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/tasks/:id/updates",
    {
      schema: {
        tags,
        summary: "Đơn vị chủ trì cập nhật tiến độ: trạng thái, tỷ lệ hoàn thành, ghi chú, tài liệu kiểm chứng",
        params: ZTaskParams,
        body: ZTaskProgressInput,
        response: { 201: ZTaskDetail },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      return reply.status(201).send(await service.postProgress(ctx, request.params.id, request.body));
    },
  );
}
