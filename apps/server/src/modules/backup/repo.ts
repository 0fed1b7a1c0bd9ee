import { count, getTableColumns, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn } from "drizzle-orm/pg-core";
import { queryRows, type TDbOrTx } from "../../db/client.ts";
import { documents } from "../../db/schema.ts";
import type { TBackupTable } from "./tables.ts";

/**
 * One page of a table's rows in physical order (ctid), timestamps and numerics as exact text. Physical order,
 * not key order: restored rows are inserted in the same order, so a query without ORDER BY (a report's
 * cooperating units) lists them as before the backup.
 */
export function readRows(db: TDbOrTx, t: TBackupTable, offset: number, limit: number) {
  const fields: Record<string, PgColumn | SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(t.table))) {
    const kind = t.textColumns.get(key);
    // Microseconds and every decimal kept: a JS Date stops at milliseconds, a JS number at 15–17 digits.
    fields[key] =
      kind === "timestamptz"
        ? sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
        : kind === "numeric"
          ? sql`${column}::text`
          : column;
  }
  return db.select(fields).from(t.table).orderBy(sql`ctid`).limit(limit).offset(offset) as Promise<
    Record<string, unknown>[]
  >;
}

export async function countRows(db: TDbOrTx, t: TBackupTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(t.table);
  return row?.n ?? 0;
}

export async function insertRows(db: TDbOrTx, t: TBackupTable, rows: readonly Record<string, unknown>[]) {
  if (!rows.length) return;
  const values = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        const kind = t.textColumns.get(key);
        if (value === null || !kind) return [key, value];
        return [key, kind === "timestamptz" ? sql`${value}::timestamptz` : sql`${value}::numeric`];
      }),
    ),
  );
  await db.insert(t.table).values(values);
}

/** Turns the trigger that keeps `reports.evidence_count` (migration 0012) off or on, inside the restore's transaction. */
export async function setEvidenceCountTrigger(db: TDbOrTx, enabled: boolean) {
  await db.execute(
    enabled
      ? sql`alter table report_documents enable trigger report_documents_count`
      : sql`alter table report_documents disable trigger report_documents_count`,
  );
}

/** After rows with explicit ids, the next generated id continues after the largest restored one. */
export async function resetSequences(db: TDbOrTx, t: TBackupTable) {
  for (const column of getTableConfig(t.table).columns) {
    if (!column.columnType.includes("Serial")) continue;
    const table = sql.identifier(t.name);
    const name = sql.identifier(column.name);
    await db.execute(
      sql`select setval(pg_get_serial_sequence(${t.name}, ${column.name}), coalesce((select max(${name}) from ${table}), 0) + 1, false)`,
    );
  }
}

/** The evidence objects the database refers to. */
export async function listDocumentObjects(db: TDbOrTx) {
  const rows = await db
    .selectDistinct({ sha256: documents.sha256, size: documents.size })
    .from(documents)
    .orderBy(documents.sha256);
  return rows;
}

/** How far the database's schema has been migrated: the migrations Drizzle recorded. */
export async function migrationState(db: TDbOrTx) {
  const [row] = await queryRows<{ count: number; latest: string | null }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  return { count: row?.count ?? 0, latest: row?.latest ?? null };
}
