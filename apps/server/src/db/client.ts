import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { foldTranslation, searchWords } from "@chiso/core";
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema.ts";

export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type TTx = Parameters<Parameters<TDb["transaction"]>[0]>[0];
/** Either the database or an open transaction: repositories accept both. */
export type TDbOrTx = TDb | TTx;

export interface TDatabase {
  db: TDb;
  engine: "pglite" | "postgres";
  close(): Promise<void>;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** PGlite in `dataDir` (or in memory when `dataDir` is null), or a PostgreSQL server when a URL is given. */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string | null;
  poolSize?: number;
}): Promise<TDatabase> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? defaultPoolSize())
    : openPglite(options.dataDir ?? null);
}

/**
 * Connections per instance when DATABASE_POOL_SIZE is not set: a few per core of this machine. More only
 * queue inside PostgreSQL (measured: docs/performance.md); fewer leave the cores idle while rows are sent.
 */
export function defaultPoolSize(): number {
  return Math.max(10, os.availableParallelism() * 5);
}

const MIGRATION_LOCK = 727_272;

async function openPostgres(url: string, poolSize: number): Promise<TDatabase> {
  // JIT compiles the plan of every large query again and again: it added 64–89 % to the heaviest reads
  // (docs/performance.md), so the app's connections turn it off.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: "-c jit=off" });
  // An idle connection can be cut by the server (restart, failover, a dropped database): without a listener
  // that would crash the process. The pool replaces the connection on the next query.
  pool.on("error", (error) => {
    if ((error as { code?: string }).code !== "57P01")
      console.error(`PostgreSQL: idle connection lost (${error.message})`);
  });
  const db = drizzlePg({ client: pool, schema });
  // Two instances starting together must not both migrate: hold an advisory lock on one connection.
  const lockClient = await pool.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(db, { migrationsFolder: MIGRATIONS });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    lockClient.release();
  }
  return { db: db as unknown as TDb, engine: "postgres", close: () => pool.end() };
}

async function openPglite(dataDir: string | null): Promise<TDatabase> {
  // Loaded only for the embedded database: an install on a PostgreSQL server starts without them.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(path.join(dataDir, "pglite")) : await PGlite.create();
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as TDb, engine: "pglite", close: () => client.close() };
}

/**
 * Rows of a statement that PostgreSQL plans once per connection and then only executes (node-postgres names it;
 * PGlite, one connection in the process, runs it as it is). For the hot paths of the deadline-day surge, where
 * planning cost as much as executing. On the database itself, not inside a transaction. `text` uses $1, $2….
 */
export async function queryPrepared<T>(db: TDb, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool) return (await client.query({ name, text, values })).rows as T[];
  return (await client.query<T>(text, values)).rows;
}

/** A statement of every request's path, prepared once per database and kept in `kept` (no planning per request). */
export function preparedOnce<T>(kept: WeakMap<TDb, T>, db: TDb, prepare: (db: TDb) => T): T {
  let query = kept.get(db);
  if (!query) {
    query = prepare(db);
    kept.set(db, query);
  }
  return query;
}

/**
 * Independent reads at once on the pool; one after another inside a transaction, whose single connection node-postgres
 * would otherwise have to queue them on (deprecated, and refused from pg 9).
 */
export async function readAll<T extends readonly unknown[]>(
  db: TDbOrTx,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. For the few queries Drizzle's builder cannot express. */
export async function queryRows<T>(db: TDbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A list of ids as one `uuid[]` value, e.g. `where id = any(${uuidArray(ids)})`; `{}` when empty. */
export function uuidArray(ids: readonly string[]): SQL {
  if (!ids.length) return sql`'{}'::uuid[]`;
  return sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

/**
 * A timestamp column or expression as an ISO string in UTC, the same on both drivers (raw queries otherwise
 * get a Date from node-postgres and Postgres' own text form from PGlite). Only for trusted SQL text.
 */
export function isoUtc(expression: string): SQL {
  return sql.raw(`to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

const FOLD = foldTranslation();

/**
 * A search box on the server, as `matchesSearch` in the browser: every word of the query occurs in the text,
 * ignoring accents and case. `true` for an empty query.
 */
export function searchCondition(haystack: SQL, query: string | undefined): SQL {
  const words = query ? searchWords(query) : [];
  if (words.length === 0) return sql`true`;
  const folded = sql`lower(translate(${haystack}, ${FOLD.from}, ${FOLD.to}))`;
  return sql.join(
    words.map((word) => sql`${folded} like ${`%${word.replace(/[\\%_]/g, "\\$&")}%`}`),
    sql` and `,
  );
}
