import { asc, eq } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { units, users } from "../../db/schema.ts";

const accountColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  unitId: users.unitId,
  unitName: units.name,
  roles: users.roles,
  isDisabled: users.isDisabled,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export function listAccounts(db: TDbOrTx) {
  return db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .orderBy(asc(units.name), asc(users.username));
}

export async function findAccount(db: TDbOrTx, id: string) {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row ?? null;
}

export async function usernameTaken(db: TDbOrTx, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return Boolean(row);
}

export async function insertAccount(db: TDbOrTx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateAccount(db: TDbOrTx, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}
