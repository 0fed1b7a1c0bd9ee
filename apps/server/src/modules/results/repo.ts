import { and, asc, desc, eq } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { officialResults } from "../../db/schema.ts";

export function listResults(db: TDbOrTx, year?: number) {
  return db
    .select()
    .from(officialResults)
    .where(year ? eq(officialResults.year, year) : undefined)
    .orderBy(desc(officialResults.year), asc(officialResults.rank), asc(officialResults.province));
}

export async function replaceYear(db: TDbOrTx, year: number, rows: (typeof officialResults.$inferInsert)[]) {
  await db.delete(officialResults).where(eq(officialResults.year, year));
  if (rows.length) await db.insert(officialResults).values(rows);
}

export async function upsertResult(db: TDbOrTx, row: typeof officialResults.$inferInsert) {
  await db
    .delete(officialResults)
    .where(and(eq(officialResults.year, row.year), eq(officialResults.province, row.province)));
  await db.insert(officialResults).values(row);
}
