import { getTableColumns, is } from "drizzle-orm";
import {
  getTableConfig,
  PgNumeric,
  PgNumericNumber,
  PgTable,
  PgTimestamp,
  PgTimestampString,
} from "drizzle-orm/pg-core";
import * as schema from "../../db/schema.ts";

/*
 * The tables a backup holds: every table of the app's own Drizzle schema, so a table added by a later feature
 * is backed up without anyone remembering to list it. Ordered so that a table comes after every table it
 * references; a table that references itself (units, indicators, tasks…) has its rows ordered parents first.
 */

export interface TBackupTable {
  name: string;
  table: PgTable;
  /** Columns referencing the same table, as [JS key of the column, JS key of the referenced column]. */
  selfReferences: [string, string][];
  /** JS key → how the value travels as text so nothing is lost to JS numbers and dates. */
  textColumns: Map<string, "timestamptz" | "numeric">;
}

export function backupTables(): TBackupTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const byName = new Map(tables.map((table) => [getTableConfig(table).name, table]));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`Vòng tham chiếu giữa các bảng tại "${name}"`);
    visiting.add(name);
    for (const fk of getTableConfig(byName.get(name)!).foreignKeys) {
      const target = getTableConfig(fk.reference().foreignTable).name;
      if (target !== name) visit(target);
    }
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of byName.keys()) visit(name);
  return ordered.map((name) => describe(byName.get(name)!));
}

function describe(table: PgTable): TBackupTable {
  const config = getTableConfig(table);
  const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
  const selfReferences = config.foreignKeys.flatMap((fk) => {
    const reference = fk.reference();
    if (getTableConfig(reference.foreignTable).name !== config.name) return [];
    return [
      [keyOf.get(reference.columns[0]!.name)!, keyOf.get(reference.foreignColumns[0]!.name)!] as [string, string],
    ];
  });
  const textColumns = new Map<string, "timestamptz" | "numeric">();
  for (const column of config.columns) {
    const key = keyOf.get(column.name)!;
    if (is(column, PgTimestamp) || is(column, PgTimestampString)) textColumns.set(key, "timestamptz");
    else if (is(column, PgNumeric) || is(column, PgNumericNumber)) textColumns.set(key, "numeric");
  }
  return {
    name: config.name,
    table,
    selfReferences,
    textColumns,
  };
}

/** Rows of a self-referencing table, parents before children (the database checks each insert). */
export function parentsFirst(rows: Record<string, unknown>[], selfReferences: [string, string][]) {
  if (!selfReferences.length) return rows;
  const present = new Set<unknown>();
  for (const [, target] of selfReferences) for (const row of rows) present.add(row[target]);
  const done = new Set<unknown>();
  const ordered: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length) {
    const ready = pending.filter((row) =>
      selfReferences.every(([column]) => row[column] === null || !present.has(row[column]) || done.has(row[column])),
    );
    if (!ready.length) throw new Error("Dữ liệu có vòng tham chiếu cha – con, không sao lưu được.");
    for (const row of ready) {
      ordered.push(row);
      for (const [, target] of selfReferences) done.add(row[target]);
    }
    const readySet = new Set(ready);
    pending = pending.filter((row) => !readySet.has(row));
  }
  return ordered;
}
