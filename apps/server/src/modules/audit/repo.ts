import type { TAuditObjectFacts, TPath } from "@chiso/core";
import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { queryRows, readAll, type TDbOrTx, uuidArray } from "../../db/client.ts";
import { auditLog, units, users } from "../../db/schema.ts";
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

export interface TAuditListFilter {
  /** The acting user's unit lies in this unit's subtree. */
  unitPath?: TPath;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** Instants bounding the Vietnam days asked for: from inclusive, until exclusive. */
  from?: Date;
  until?: Date;
}

const actorUnitPath = sql`(select u.path from units u where u.id = ${users.unitId})`;

/**
 * The changes made inside these scopes, newest first: by users whose unit lies in one of them (the whole
 * province sees every change, including the command line's).
 */
function auditConditions(filter: TAuditListFilter, scopes: readonly TPath[]): SQL | undefined {
  const conditions: SQL[] = [];
  if (!scopes.some((s) => s.length === 0)) {
    conditions.push(sql`${actorUnitPath} is not null`);
    conditions.push(pathWithin(actorUnitPath, scopes));
  }
  if (filter.unitPath) conditions.push(pathWithin(actorUnitPath, [filter.unitPath]));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.until) conditions.push(lt(auditLog.at, filter.until));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listAudit(
  db: TDbOrTx,
  filter: TAuditListFilter,
  scopes: readonly TPath[],
  page: { limit: number; offset: number },
) {
  const where = auditConditions(filter, scopes);
  const [rows, [total]] = await Promise.all([
    db
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
        actorUnit: units.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type TAuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each logged object is called now, by type: one query per type on the page, keyed `type:id`.
 * Objects deleted since are missing from the map (the log's own snapshot names them).
 */
export async function findAuditObjects(
  db: TDbOrTx,
  refs: readonly { type: string; id: string | null }[],
): Promise<Map<string, TAuditObjectFacts>> {
  const byType = new Map<string, string[]>();
  for (const ref of refs) {
    if (!ref.id || !UUID.test(ref.id)) continue;
    byType.set(ref.type, [...new Set([...(byType.get(ref.type) ?? []), ref.id])]);
  }
  const queries: Record<string, (ids: string[]) => SQL> = {
    report: (ids) => sql`select r.id::text as id, i.code as "indicatorCode", p.label as "periodLabel",
        u.name as "unitName" from reports r join indicators i on i.id = r.indicator_id
        join periods p on p.id = r.period_id join units u on u.id = r.unit_id where r.id = any(${uuidArray(ids)})`,
    document: (ids) => sql`select id::text as id, doc_number as code, file_name as name from documents
        where id = any(${uuidArray(ids)})`,
    unit: (ids) => sql`select id::text as id, name from units where id = any(${uuidArray(ids)})`,
    user: (ids) => sql`select id::text as id, full_name as name, username from users where id = any(${uuidArray(ids)})`,
    period: (ids) => sql`select p.id::text as id, p.label as name, f.name as "frameworkName" from periods p
        join frameworks f on f.id = p.framework_id where p.id = any(${uuidArray(ids)})`,
    framework: (ids) => sql`select id::text as id, name from frameworks where id = any(${uuidArray(ids)})`,
    indicator: (ids) => sql`select i.id::text as id, i.code, i.name, f.name as "frameworkName" from indicators i
        join frameworks f on f.id = i.framework_id where i.id = any(${uuidArray(ids)})`,
    plan: (ids) => sql`select id::text as id, code, title as name from plans where id = any(${uuidArray(ids)})`,
    task: (ids) => sql`select t.id::text as id, t.number as code, left(t.content, 80) as name, p.code as "planCode"
        from tasks t join plans p on p.id = t.plan_id where t.id = any(${uuidArray(ids)})`,
  };
  const found = new Map<string, TAuditObjectFacts>();
  await readAll(
    db,
    [...byType].map(([type, ids]) => async () => {
      const query = queries[type];
      if (!query) return;
      for (const row of await queryRows<TAuditObjectFacts & { id: string }>(db, query(ids))) {
        const { id, ...facts } = row;
        found.set(`${type}:${id}`, facts);
      }
    }),
  );
  return found;
}

/** Names of the ids a page of the log mentions in its values (units, accounts, documents, indicators…). */
export async function findNamesByIds(db: TDbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const list = uuidArray(ids);
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text as id, name from units where id = any(${list})
        union all select id::text, full_name || ' (' || username || ')' from users where id = any(${list})
        union all select id::text, coalesce(doc_number, file_name) from documents where id = any(${list})
        union all select id::text, code || '. ' || name from indicators where id = any(${list})
        union all select id::text, name from frameworks where id = any(${list})
        union all select id::text, label from periods where id = any(${list})
        union all select id::text, code from plans where id = any(${list})`,
  );
  return new Map(rows.map((r) => [r.id.toLowerCase(), r.name]));
}
