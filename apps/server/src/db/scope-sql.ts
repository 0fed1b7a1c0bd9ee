import type { TPath, TReportVisibility, TVisibleScopes } from "@chiso/core";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/*
 * Scope filters for repositories: the policy's scope rules (core/policy) said in SQL, so lists are filtered in the
 * database rather than after fetching. A unit's `path` holds the ids from its top agency down to itself.
 */

const uuidArray = (ids: readonly string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** A unit path lies inside one of these subtrees (the empty path is the whole province). */
export function pathWithin(path: AnyPgColumn | SQL, scopes: readonly TPath[]): SQL {
  if (scopes.some((s) => s.length === 0)) return sql`true`;
  if (scopes.length === 0) return sql`false`;
  return sql`${path} && ${uuidArray(scopes.map((s) => s.at(-1)!))}`;
}

/**
 * Something owned by a scope is visible: `ownerId` null is the province; `ownerPath` is the owning agency's path
 * (null for the province).
 */
export function ownerVisible(ownerId: AnyPgColumn | SQL, ownerPath: AnyPgColumn | SQL, visible: TVisibleScopes): SQL {
  if (visible.all) return sql`true`;
  const parts: SQL[] = [];
  if (visible.province) parts.push(sql`${ownerId} is null`);
  if (visible.subtreeRoots.length > 0) parts.push(sql`${ownerPath} && ${uuidArray(visible.subtreeRoots)}`);
  if (visible.scopeIds.length > 0) parts.push(sql`${ownerId} = any(${uuidArray(visible.scopeIds)})`);
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The reports of a cycle an actor may read (core reportVisibility), for a query over `reports r`.
 * Reports on indicators a member unit leads are visible once submitted. Null (the command line) sees everything.
 */
export function reportsVisible(v: TReportVisibility | null): SQL {
  if (v === null) return sql`true`;
  const own: SQL[] = [];
  if (v.memberUnitIds.length > 0) own.push(sql`r.unit_id = any(${uuidArray(v.memberUnitIds)})`);
  if (v.coordinatedRoots.length > 0) {
    own.push(sql`(select ru.path from units ru where ru.id = r.unit_id) && ${uuidArray(v.coordinatedRoots)}`);
  }
  const ownReports = own.length > 0 ? sql`(${sql.join(own, sql` or `)})` : sql`false`;
  if (v.allDrafts) return sql`true`;
  if (v.allSubmitted) return sql`(r.status <> 'draft' or ${ownReports})`;
  const led =
    v.memberUnitIds.length > 0
      ? sql`(r.status <> 'draft' and exists (select 1 from assignments a where a.indicator_id = r.indicator_id
            and a.role = 'lead' and a.unit_id = any(${uuidArray(v.memberUnitIds)})))`
      : sql`false`;
  return sql`(${ownReports} or ${led})`;
}
