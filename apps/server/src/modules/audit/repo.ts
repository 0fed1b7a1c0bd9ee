import type { TPath } from "@chiso/core";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { auditLog, users } from "../../db/schema.ts";
import { pathWithin } from "../../db/scope-sql.ts";

export interface TAuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Written inside the same transaction as the change it records. */
export async function recordAudit(db: TDbOrTx, entry: TAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}

/**
 * The newest changes made inside these scopes: by users whose unit lies in one of them (the whole province sees
 * every change, including the command line's).
 */
export async function listAudit(
  db: TDbOrTx,
  filter: { entityType?: string; entityId?: string; limit: number },
  scopes: readonly TPath[],
) {
  const conditions: SQL[] = [];
  if (!scopes.some((s) => s.length === 0)) {
    conditions.push(sql`(select u.path from units u where u.id = ${users.unitId}) is not null`);
    conditions.push(pathWithin(sql`(select u.path from units u where u.id = ${users.unitId})`, scopes));
  }
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      actorUsername: users.username,
      actorName: users.fullName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
