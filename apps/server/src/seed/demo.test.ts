import { describe, expect, it } from "vitest";
import { installBuiltinFrameworks } from "../modules/frameworks/builtin.ts";
import { openTestDatabase } from "../test/test-app.ts";
import { DEMO_ACCOUNTS, seedDemo } from "./demo.ts";

describe("demo seed", () => {
  it("seeds an empty database once: units, one account per role, the assignment and plan 4636 with its tasks", async () => {
    const database = await openTestDatabase();
    try {
      await installBuiltinFrameworks(database.db);
      expect(await seedDemo(database.db)).toBe(true);
      expect(await seedDemo(database.db)).toBe(false);
      const count = async (table: string) =>
        Number(
          (
            (await database.db.execute(`select count(*)::int as n from ${table}`)) as unknown as {
              rows: { n: number }[];
            }
          ).rows[0]!.n,
        );
      expect(await count("users")).toBe(DEMO_ACCOUNTS.length);
      expect(await count("assignments")).toBeGreaterThan(50);
      const plans = (await database.db.execute("select code from plans")) as unknown as { rows: { code: string }[] };
      expect(plans.rows.map((p) => p.code)).toEqual(["4636/KH-UBND"]);
      expect(await count("tasks")).toBeGreaterThanOrEqual(50);
    } finally {
      await database.close();
    }
  });
});
