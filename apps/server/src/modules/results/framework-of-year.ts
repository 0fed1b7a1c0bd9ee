import { and, desc, eq } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { frameworks } from "../../db/schema.ts";

/** The province-level framework a national result year is measured by (latest published one of that year). */
export async function findFrameworkForYear(db: TDbOrTx, year: number) {
  const [row] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.year, year), eq(frameworks.level, "province")))
    .orderBy(desc(frameworks.status))
    .limit(1);
  return row ?? null;
}
