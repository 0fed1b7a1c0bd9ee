import { z } from "zod";
import { AUDIT_OBJECT_TYPE_KEYS, ZAuditChange } from "../audit/present.ts";
import { ZPageQuery, zPage } from "./paging.ts";

const vietnamDay = z.iso.date("Ngày không hợp lệ (dạng yyyy-mm-dd)");

/** Filters of the audit log: who (unit, user), what (object type, one object) and when (Vietnam days, inclusive). */
export const ZAuditFilter = z.object({
  unitId: z.uuid("Mã đơn vị không hợp lệ").optional(),
  actorId: z.uuid("Mã tài khoản không hợp lệ").optional(),
  entityType: z.enum(AUDIT_OBJECT_TYPE_KEYS, "Loại đối tượng không hợp lệ").optional(),
  entityId: z.string().max(100).optional(),
  from: vietnamDay.optional(),
  to: vietnamDay.optional(),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export const ZAuditQuery = ZAuditFilter.extend(ZPageQuery.shape);
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** One line of the audit log, as people read it; `action`, `before` and `after` stay for scripts. */
export const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorUnit: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  objectName: z.string(),
  changes: z.array(ZAuditChange),
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = zPage(ZAuditEntry);
export type TAuditPage = z.infer<typeof ZAuditPage>;
