import {
  can,
  cleanFileName,
  isScopeRole,
  matchesSearch,
  REFUSALS,
  type TDocument,
  type TDocumentUpdate,
  ZDocumentUploadFields,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, forbidden, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import type { TFileStore, TStoredObject } from "../../storage/file-store.ts";
import { recordAudit } from "../audit/repo.ts";
import { findUnitPath } from "../units/repo.ts";
import { detectEvidenceType } from "./file-types.ts";
import * as repo from "./repo.ts";

/** A file already in the store plus the text fields that came with it. */
export interface TUpload {
  stored: TStoredObject;
  fileName: string;
  fields: Record<string, string>;
}

/**
 * Records an uploaded file as a document of a unit. Whatever fails after the file reached the store (bad fields,
 * no right to the unit, refused type, database error), the object is removed again unless another document
 * shares it — neither an orphan row nor an orphan file is left.
 */
export async function createDocument(ctx: TServiceContext, files: TFileStore, upload: TUpload): Promise<TDocument> {
  try {
    const { unitId: requestedUnit, ...metadata } = parseUploadFields(upload.fields);
    const unitId = requestedUnit ?? ctx.actor.unitId;
    const unitPath = await findUnitPath(ctx.db, unitId);
    if (!unitPath) throw notFound("đơn vị");
    ensureCan(ctx.actor, "document.manage", { unitId, unitPath });
    const fileName = cleanFileName(upload.fileName, "tai-lieu-kiem-chung");
    const { stored } = upload;
    const { mimeType } = await detectEvidenceType(stored.head, () => files.open(stored.sha256), fileName);
    const row = { ...metadata, unitId, fileName, mimeType, sha256: stored.sha256, size: stored.size };
    return await insertDocument(ctx, files, row);
  } catch (err) {
    await discardUpload(ctx.db, files, upload.stored);
    throw err;
  }
}

async function insertDocument(
  ctx: TServiceContext,
  files: TFileStore,
  values: Omit<Parameters<typeof repo.insertDocument>[1], "uploadedBy">,
) {
  const created = await ctx.db.transaction(async (tx) => {
    await repo.lockContent(tx, values.sha256);
    // A delete of the last document with this content may have removed the object since it was stored.
    if (!(await files.exists(values.sha256))) {
      throw new AppError("CONFLICT", "Tệp vừa bị xóa khỏi kho lưu trữ trong lúc tải lên. Vui lòng tải lên lại.");
    }
    const id = await repo.insertDocument(tx, { ...values, uploadedBy: ctx.actor.id });
    const after = await repo.findDocument(tx, id);
    await audit(tx, ctx, "document.create", id, { after });
    return after!;
  });
  return presentDocument(created);
}

/** Removes a freshly stored object that no document row references (after a refused or failed upload). */
export async function discardUpload(db: TDbOrTx, files: TFileStore, stored: TStoredObject): Promise<void> {
  if (!stored.created) return;
  await db
    .transaction(async (tx) => {
      await repo.lockContent(tx, stored.sha256);
      if ((await repo.countDocumentsWithContent(tx, stored.sha256)) === 0) await files.remove(stored.sha256);
    })
    // An object left behind wastes space but loses nothing; the error that made the upload fail is what matters.
    .catch(() => undefined);
}

/** The documents of one unit (the user's own by default), newest first; `q` ignores accents and case. */
export async function listDocuments(ctx: TServiceContext, query: { unitId?: string; q?: string }) {
  const unitId = query.unitId ?? ctx.actor.unitId;
  const unitPath = await findUnitPath(ctx.db, unitId);
  if (!unitPath) throw notFound("đơn vị");
  ensureCan(ctx.actor, "document.read", { unitId, unitPath });
  const rows = await repo.listUnitDocuments(ctx.db, unitId);
  // Filtered here with the same folding as the rest of the app (NFD input, đ, tone placement): a unit's
  // documents number in the hundreds, and PostgreSQL has no Vietnamese-aware folding without extensions.
  const q = query.q?.trim();
  const found = q ? rows.filter((row) => matchesSearch(searchText(row), q)) : rows;
  return found.map(presentDocument);
}

export async function getDocument(ctx: TServiceContext, id: string): Promise<TDocument> {
  return presentDocument(await findReadable(ctx, id));
}

/** The document and a stream of its file, for a user who may read it. */
export async function openDocumentContent(ctx: TServiceContext, files: TFileStore, id: string) {
  const row = await findReadable(ctx, id);
  if (!(await files.exists(row.sha256))) throw notFound("tệp của văn bản trong kho lưu trữ");
  return { document: presentDocument(row), content: files.open(row.sha256) };
}

export async function updateDocument(ctx: TServiceContext, id: string, input: TDocumentUpdate): Promise<TDocument> {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findEditable(tx, ctx, id);
    await repo.updateDocument(tx, id, definedOnly(input));
    const after = await repo.findDocument(tx, id);
    await audit(tx, ctx, "document.update", id, { before, after });
    return after!;
  });
  return presentDocument(updated);
}

/** Only a document no report cites; its object goes too when no other document shares the content. */
export async function deleteDocument(ctx: TServiceContext, files: TFileStore, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findEditable(tx, ctx, id);
    if (!(await repo.lockDocument(tx, id))) throw notFound("văn bản");
    const citations = await repo.countCitations(tx, id);
    if (citations.reports > 0) {
      throw new AppError(
        "CONFLICT",
        `Không thể xóa văn bản "${before.fileName}": văn bản đang là tài liệu kiểm chứng của ${citations.reports} báo cáo. Hãy gỡ văn bản khỏi các báo cáo đó trước.`,
      );
    }
    if (citations.taskUpdates > 0) {
      throw new AppError(
        "CONFLICT",
        `Không thể xóa văn bản "${before.fileName}": văn bản là minh chứng của ${citations.taskUpdates} cập nhật tiến độ nhiệm vụ.`,
      );
    }
    if (citations.assessments > 0) {
      throw new AppError(
        "CONFLICT",
        `Không thể xóa văn bản "${before.fileName}": văn bản là tài liệu kiểm chứng của ${citations.assessments} tiêu chí trong phiếu tự đánh giá.`,
      );
    }
    await repo.lockContent(tx, before.sha256);
    await repo.deleteDocument(tx, id);
    await audit(tx, ctx, "document.delete", id, { before });
    // Last step inside the lock: an upload of the same content waits, then sees the object gone.
    if ((await repo.countDocumentsWithContent(tx, before.sha256)) === 0) await files.remove(before.sha256);
  });
}

async function findReadable(ctx: TServiceContext, id: string) {
  const row = await repo.findDocument(ctx.db, id);
  if (!row) throw notFound("văn bản");
  const memberUnitIds = ctx.actor.grants.filter((g) => !isScopeRole(g.role)).map((g) => g.scopeUnitId!);
  const readable =
    can(ctx.actor, "document.read", row) || (await repo.isCitedInReportReviewedBy(ctx.db, id, memberUnitIds));
  if (!readable) throw forbidden(REFUSALS["document.read"]);
  return row;
}

async function findEditable(db: TDbOrTx, ctx: TServiceContext, id: string) {
  const row = await repo.findDocument(db, id);
  if (!row) throw notFound("văn bản");
  ensureCan(ctx.actor, "document.manage", row);
  return row;
}

function parseUploadFields(fields: Record<string, string>) {
  // An empty form field means "not given", as in a browser form left blank.
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ""));
  const parsed = ZDocumentUploadFields.safeParse(given);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("VALIDATION_FAILED", details.map((d) => d.message).join("; "), details);
}

/** The last segment of what the browser sent (old browsers send a full path), without control characters. */
function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function searchText(row: repo.TDocumentRow): string {
  return [row.fileName, row.docNumber, row.summary, row.issuer].filter(Boolean).join(" ");
}

function audit(
  db: TDbOrTx,
  ctx: TServiceContext,
  action: string,
  id: string,
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(db, {
    actorId: ctx.actor.id,
    action,
    entityType: "document",
    entityId: id,
    ip: ctx.ip,
    ...change,
  });
}

/** What leaves the server: dates as ISO strings, no internal columns. */
export function presentDocument({ unitPath: _path, ...row }: repo.TDocumentRow): TDocument {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
