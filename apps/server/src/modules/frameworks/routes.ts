import {
  withCooperatingPreview,
  ZAssignmentUpdate,
  ZFrameworkCalendar,
  ZFrameworkClone,
  ZFrameworkCreate,
  ZFrameworkDetail,
  ZFrameworkSummary,
  ZFrameworkUpdate,
  ZImportCommit,
  ZImportPreview,
  ZIndicatorAssignment,
  ZIndicatorCreate,
  ZIndicatorMove,
  ZIndicatorUpdate,
} from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, authorizeSomewhere, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { presentFramework } from "./present.ts";
import * as service from "./service.ts";
import { commitImport, exportFramework, previewImport } from "./transfer-service.ts";

const tags = ["frameworks"];
const ZFrameworkParams = z.object({ id: z.uuid("Mã bộ chỉ số không hợp lệ") });
const ZIndicatorParams = z.object({ id: z.uuid("Mã chỉ số không hợp lệ") });

export function frameworkRoutes(app: TApp, deps: TAppDeps) {
  // Every answer with a framework detail lists each indicator's first cooperating units only (the API's shape).
  const detail = async (id: string) => withCooperatingPreview(await service.getFrameworkDetail(deps.db, id));
  const owner = (id: string) => service.frameworkScope(deps.db, id);
  const ownerOfIndicator = (id: string) => service.indicatorScope(deps.db, id);

  app.get(
    "/api/frameworks",
    { schema: { tags, summary: "Danh sách bộ chỉ số", response: { 200: z.array(ZFrameworkSummary) } } },
    async (request) => {
      return (await service.listFrameworks(serviceContext(request, deps))).map(presentFramework);
    },
  );

  app.get(
    "/api/frameworks/:id",
    {
      schema: {
        tags,
        summary: "Bộ chỉ số: cây chỉ số, điểm tối đa và đơn vị được phân công",
        params: ZFrameworkParams,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request, reply) => {
      authorize(request, "framework.view", await owner(request.params.id));
      // Encoded by the schema above once per version of a published framework: this reply sends that text.
      const { detail, json } = await service.getFrameworkDetailForApi(deps.db, request.params.id);
      return reply
        .type("application/json; charset=utf-8")
        .serializer(() => json)
        .send(detail);
    },
  );

  app.get(
    "/api/frameworks/:id/indicators/:indicatorId/assignment",
    {
      schema: {
        tags,
        summary:
          "Phân công của một chỉ số: cơ quan phụ trách và toàn bộ cơ quan phối hợp (bộ chỉ số chỉ gửi vài tên đầu)",
        params: ZFrameworkParams.extend({ indicatorId: z.uuid("Mã chỉ số không hợp lệ") }),
        response: { 200: ZIndicatorAssignment },
      },
    },
    async (request) => {
      authorize(request, "framework.view", await owner(request.params.id));
      return service.getIndicatorAssignment(deps.db, request.params.id, request.params.indicatorId);
    },
  );

  app.post(
    "/api/frameworks",
    {
      schema: {
        tags,
        summary: "Tạo bộ chỉ số (bản nháp)",
        body: ZFrameworkCreate,
        response: { 201: ZFrameworkDetail },
      },
    },
    async (request, reply) => {
      const created = await service.createFramework(serviceContext(request, deps), request.body);
      return reply.status(201).send(withCooperatingPreview(created));
    },
  );

  app.patch(
    "/api/frameworks/:id",
    {
      schema: {
        tags,
        summary: "Sửa thông tin bộ chỉ số (bản nháp)",
        params: ZFrameworkParams,
        body: ZFrameworkUpdate,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await owner(request.params.id));
      return withCooperatingPreview(
        await service.updateFramework(serviceContext(request, deps, actor), request.params.id, request.body),
      );
    },
  );

  app.put(
    "/api/frameworks/:id/calendar",
    {
      schema: {
        tags,
        summary: "Lịch báo cáo của bộ chỉ số (hạn quý, 6 tháng, năm) — áp dụng cho các kỳ mở sau",
        params: ZFrameworkParams,
        body: ZFrameworkCalendar,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await owner(request.params.id));
      return withCooperatingPreview(
        await service.setFrameworkCalendar(serviceContext(request, deps, actor), request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/api/frameworks/:id",
    { schema: { tags, summary: "Xóa bộ chỉ số (bản nháp)", params: ZFrameworkParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = authorize(request, "framework.edit", await owner(request.params.id));
      await service.deleteFramework(serviceContext(request, deps, actor), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/frameworks/:id/publish",
    {
      schema: {
        tags,
        summary: "Ban hành: kiểm tra toàn bộ cây (lỗi trả về trong error.details)",
        params: ZFrameworkParams,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await owner(request.params.id));
      return withCooperatingPreview(
        await service.publishFramework(serviceContext(request, deps, actor), request.params.id),
      );
    },
  );

  for (const [action, status, summary] of [
    ["unpublish", "draft", "Chuyển về bản nháp"],
    ["archive", "archived", "Lưu trữ"],
  ] as const) {
    app.post(
      `/api/frameworks/:id/${action}`,
      { schema: { tags, summary, params: ZFrameworkParams, response: { 200: ZFrameworkDetail } } },
      async (request) => {
        const actor = authorize(request, "framework.edit", await owner(request.params.id));
        return withCooperatingPreview(
          await service.setFrameworkStatus(serviceContext(request, deps, actor), request.params.id, status),
        );
      },
    );
  }

  app.post(
    "/api/frameworks/:id/clone",
    {
      schema: {
        tags,
        summary: "Sao chép thành bộ chỉ số mới (giữ mã chỉ số và phân công)",
        params: ZFrameworkParams,
        body: ZFrameworkClone,
        response: { 201: ZFrameworkDetail },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, "framework.view", await owner(request.params.id));
      const clone = await service.cloneFramework(serviceContext(request, deps, actor), request.params.id, request.body);
      return reply.status(201).send(withCooperatingPreview(clone));
    },
  );

  app.post(
    "/api/frameworks/:id/indicators",
    {
      schema: {
        tags,
        summary: "Thêm chỉ số",
        params: ZFrameworkParams,
        body: ZIndicatorCreate,
        response: { 201: ZFrameworkDetail },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, "framework.edit", await owner(request.params.id));
      await service.createIndicator(serviceContext(request, deps, actor), request.params.id, request.body);
      return reply.status(201).send(await detail(request.params.id));
    },
  );

  app.patch(
    "/api/indicators/:id",
    {
      schema: {
        tags,
        summary: "Sửa chỉ số",
        params: ZIndicatorParams,
        body: ZIndicatorUpdate,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await ownerOfIndicator(request.params.id));
      return detail(
        await service.updateIndicator(serviceContext(request, deps, actor), request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/api/indicators/:id",
    {
      schema: {
        tags,
        summary: "Xóa chỉ số (cùng các chỉ số con)",
        params: ZIndicatorParams,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await ownerOfIndicator(request.params.id));
      return detail(await service.deleteIndicator(serviceContext(request, deps, actor), request.params.id));
    },
  );

  app.post(
    "/api/indicators/:id/move",
    {
      schema: {
        tags,
        summary: "Di chuyển chỉ số",
        params: ZIndicatorParams,
        body: ZIndicatorMove,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await ownerOfIndicator(request.params.id));
      return detail(await service.moveIndicator(serviceContext(request, deps, actor), request.params.id, request.body));
    },
  );

  app.put(
    "/api/indicators/:id/assignment",
    {
      schema: {
        tags,
        summary: "Phân công: cơ quan phụ trách và cơ quan phối hợp",
        params: ZIndicatorParams,
        body: ZAssignmentUpdate,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      const actor = authorize(request, "framework.edit", await ownerOfIndicator(request.params.id));
      return detail(await service.setAssignment(serviceContext(request, deps, actor), request.params.id, request.body));
    },
  );

  app.get(
    "/api/frameworks/:id/export",
    {
      schema: {
        tags,
        summary: "Xuất bộ chỉ số cùng phân công (Excel hoặc JSON)",
        params: ZFrameworkParams,
        querystring: z.object({ format: z.enum(["xlsx", "json"]).default("xlsx") }),
      },
    },
    async (request, reply) => {
      authorize(request, "framework.view", await owner(request.params.id));
      const { body, fileName } = await exportFramework(deps.db, request.params.id, request.query.format);
      const type =
        request.query.format === "xlsx"
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "application/json; charset=utf-8";
      return reply
        .header("content-type", type)
        .header(
          "content-disposition",
          `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(body);
    },
  );

  app.post(
    "/api/frameworks/import/preview",
    {
      schema: {
        tags,
        summary:
          "Đọc thử tệp Excel/JSON (multipart, trường file): lỗi theo dòng, đơn vị khớp và chưa khớp; không lưu gì",
        consumes: ["multipart/form-data"],
        response: { 200: ZImportPreview },
      },
    },
    async (request) => {
      const actor = authorizeSomewhere(request, "framework.edit");
      const file = await request.file();
      if (!file) throw new AppError("VALIDATION_FAILED", "Vui lòng chọn một tệp .xlsx hoặc .json.");
      if (!/\.(xlsx|json)$/i.test(file.filename)) {
        throw new AppError("UNSUPPORTED_FILE", "Chỉ nhập được tệp Excel (.xlsx) hoặc JSON (.json).");
      }
      return previewImport(serviceContext(request, deps, actor), file.filename, await file.toBuffer());
    },
  );

  app.post(
    "/api/frameworks/import",
    {
      schema: {
        tags,
        summary: "Nhập bộ chỉ số đã kiểm tra (bản nháp, cùng phân công) trong một giao dịch",
        body: ZImportCommit,
        response: { 201: ZFrameworkDetail },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(withCooperatingPreview(await commitImport(serviceContext(request, deps), request.body)));
    },
  );
}
