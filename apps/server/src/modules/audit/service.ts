import {
  auditActionLabel,
  auditMentionedIds,
  auditObjectName,
  auditScopes,
  describeAuditChanges,
  formatNumberVi,
  requireInstant,
  type TActor,
  type TAuditEntry,
  type TAuditFilter,
  type TAuditPage,
  type TPageQuery,
} from "@chiso/core";
import { readAll, type TDbOrTx } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { findUnitPath } from "../units/repo.ts";
import * as repo from "./repo.ts";

const DAY_MS = 86_400_000;

/** The filters as the repository takes them: a unit's subtree, and Vietnam days as instants. */
async function toListFilter(db: TDbOrTx, filter: TAuditFilter): Promise<repo.TAuditListFilter> {
  if (filter.from && filter.to && filter.from > filter.to)
    throw new AppError("VALIDATION_FAILED", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
  const unitPath = filter.unitId ? await findUnitPath(db, filter.unitId) : undefined;
  if (unitPath === null) throw new AppError("VALIDATION_FAILED", "Không tìm thấy đơn vị cần lọc.");
  return {
    unitPath,
    actorId: filter.actorId,
    entityType: filter.entityType,
    entityId: filter.entityId,
    // A bare date is the start of that day in Vietnam (core parseInstant); Vietnam has no daylight saving.
    from: filter.from ? new Date(requireInstant(filter.from)) : undefined,
    until: filter.to ? new Date(requireInstant(filter.to) + DAY_MS) : undefined,
  };
}

/** Rows in words: action, object named as people name it, each change formatted. */
async function present(db: TDbOrTx, rows: readonly repo.TAuditRow[]): Promise<TAuditEntry[]> {
  const [objects, names] = await readAll(db, [
    () =>
      repo.findAuditObjects(
        db,
        rows.map((r) => ({ type: r.entityType, id: r.entityId })),
      ),
    () => repo.findNamesByIds(db, auditMentionedIds(...rows.flatMap((r) => [r.before, r.after]))),
  ]);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorName: r.actorName,
    actorUsername: r.actorUsername,
    actorUnit: r.actorUnit,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entityType: r.entityType,
    entityId: r.entityId,
    objectName: auditObjectName(
      r.entityType,
      r.entityId,
      objects.get(`${r.entityType}:${r.entityId}`) ?? null,
      r.before ?? r.after,
    ),
    changes: describeAuditChanges(r.before, r.after, names),
    before: r.before,
    after: r.after,
  }));
}

/** A page of the log inside the scopes the actor may read (core auditScopes, the list form of "audit.view"). */
export async function listAuditPage(db: TDbOrTx, actor: TActor, query: TAuditFilter & TPageQuery): Promise<TAuditPage> {
  const filter = await toListFilter(db, query);
  const { rows, total } = await repo.listAudit(db, filter, auditScopes(actor), {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: await present(db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The most rows an Excel export of the log holds; a longer log is narrowed by its filters first. */
export const AUDIT_EXPORT_LIMIT = 20_000;

/** Everything the filters select, newest first, for the Excel export; refused when it would be cut short. */
export async function auditForExport(db: TDbOrTx, actor: TActor, filter: TAuditFilter): Promise<TAuditEntry[]> {
  const { rows, total } = await repo.listAudit(db, await toListFilter(db, filter), auditScopes(actor), {
    limit: AUDIT_EXPORT_LIMIT,
    offset: 0,
  });
  if (total > AUDIT_EXPORT_LIMIT)
    throw new AppError(
      "VALIDATION_FAILED",
      `Nhật ký có ${formatNumberVi(total)} dòng, quá ${formatNumberVi(AUDIT_EXPORT_LIMIT)} dòng một tệp: hãy lọc theo đơn vị, người hoặc khoảng ngày.`,
    );
  return present(db, rows);
}
