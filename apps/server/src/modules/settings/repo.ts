import { eq } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { settings } from "../../db/schema.ts";

export async function readSetting<T>(db: TDbOrTx, key: string): Promise<T | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return (row?.value as T | undefined) ?? null;
}

export async function writeSetting(db: TDbOrTx, key: string, value: unknown) {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
