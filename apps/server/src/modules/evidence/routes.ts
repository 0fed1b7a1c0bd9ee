import { ZDocument, ZDocumentUpdate } from "@chiso/core";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorizeSomewhere, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { fileTooLarge } from "../../storage/file-store.ts";
import * as service from "./service.ts";

const tags = ["documents"];
const ZIdParams = z.object({ id: z.uuid("Mã văn bản không hợp lệ") });

// Rules that depend on the document (its unit) are checked in the service once it is loaded.
export function documentRoutes(app: TApp, deps: TAppDeps) {
  app.post(
    "/api/documents",
    {
      schema: {
        tags,
        summary:
          "Tải lên tài liệu kiểm chứng (multipart: trường file, và docNumber, issuedOn, issuer, summary, unitId nếu cần)",
        consumes: ["multipart/form-data"],
        response: { 201: ZDocument },
      },
    },
    async (request, reply) => {
      // Checked before the file is received: the user may manage some unit's documents.
      const actor = authorizeSomewhere(request, "document.manage");
      const upload = await receiveUpload(request, deps);
      const document = await service.createDocument(serviceContext(request, deps, actor), deps.files, upload);
      return reply.status(201).send(document);
    },
  );

  app.get(
    "/api/documents",
    {
      schema: {
        tags,
        summary: "Tài liệu kiểm chứng của một đơn vị (mặc định: đơn vị của mình), mới nhất trước; q tìm không dấu",
        querystring: z.object({
          unitId: z.uuid("Mã đơn vị không hợp lệ").optional(),
          q: z.string().max(200).optional(),
        }),
        response: { 200: z.array(ZDocument) },
      },
    },
    async (request) => service.listDocuments(serviceContext(request, deps), request.query),
  );

  app.get(
    "/api/documents/:id",
    { schema: { tags, summary: "Thông tin một văn bản", params: ZIdParams, response: { 200: ZDocument } } },
    async (request) => service.getDocument(serviceContext(request, deps), request.params.id),
  );

  app.get(
    "/api/documents/:id/content",
    {
      schema: {
        tags,
        summary: "Nội dung tệp: xem trực tiếp, hoặc tải về với download=1",
        params: ZIdParams,
        querystring: z.object({ download: z.enum(["0", "1"]).optional() }),
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      const { document, content } = await service.openDocumentContent(ctx, deps.files, request.params.id);
      const disposition = request.query.download === "1" ? "attachment" : "inline";
      return reply
        .headers({
          "content-type": document.mimeType,
          "content-length": document.size,
          "content-disposition": contentDisposition(disposition, document.fileName),
          "x-content-type-options": "nosniff",
          "cache-control": "private, no-cache",
          etag: `"${document.sha256}"`,
        })
        .send(content);
    },
  );

  app.patch(
    "/api/documents/:id",
    {
      schema: {
        tags,
        summary: "Sửa thông tin văn bản",
        params: ZIdParams,
        body: ZDocumentUpdate,
        response: { 200: ZDocument },
      },
    },
    async (request) => service.updateDocument(serviceContext(request, deps), request.params.id, request.body),
  );

  app.delete(
    "/api/documents/:id",
    {
      schema: {
        tags,
        summary: "Xóa văn bản (chỉ khi chưa báo cáo nào dùng làm kiểm chứng)",
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteDocument(serviceContext(request, deps), deps.files, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/**
 * Streams the file part straight into the store (never buffered in memory) and collects the text fields,
 * whichever order the client sends them in.
 */
async function receiveUpload(request: FastifyRequest, deps: TAppDeps): Promise<service.TUpload> {
  const maxBytes = Math.floor(deps.config.maxUploadMb * 1024 * 1024);
  const fields: Record<string, string> = {};
  let file: Omit<service.TUpload, "fields"> | null = null;
  try {
    // One byte above the store's limit, so the store's own check — and its message naming the limit — trips first.
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1 } })) {
      if (part.type === "file")
        file = { fileName: part.filename, stored: await deps.files.put(part.file, { maxBytes }) };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if (file) await service.discardUpload(deps.db, deps.files, file.stored);
    throw (err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE" ? fileTooLarge(maxBytes) : err;
  }
  if (!file) throw new AppError("VALIDATION_FAILED", "Vui lòng chọn tệp tài liệu kiểm chứng để tải lên.");
  return { ...file, fields };
}

/** `inline` to preview PDFs and images in the browser, `attachment` to save; the name survives (RFC 6266/5987). */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
