import { DTI_PROVINCE_2025 } from "@chiso/core";
import { describe, expect, it } from "vitest";
import { dashboardFor } from "../modules/dashboard/service.ts";
import { installBuiltinFrameworks } from "../modules/frameworks/builtin.ts";
import { findFrameworkByCode } from "../modules/frameworks/repo.ts";
import { openTestDatabase } from "../test/test-app.ts";
import { DEMO_ACCOUNTS, seedDemo } from "./demo.ts";

describe("demo seed", () => {
  it("seeds an empty database once: units, accounts, assignment, plan 4636, an open quarter with draft reports", async () => {
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
      // a current quarter with lead agencies' drafts, still open
      expect(await count("periods")).toBe(1);
      expect(await count("reports where role = 'lead' and status = 'draft'")).toBe(8);
      const framework = (await findFrameworkByCode(database.db, DTI_PROVINCE_2025.code))!;
      const dashboard = await dashboardFor(database.db, { frameworkId: framework.id }, null);
      expect(dashboard.totals.recoverable).toBeGreaterThan(100);
      expect(dashboard.indicators.find((i) => i.code === "6.6")).toMatchObject({
        reason: "missing_evidence",
        recoverable: 41.2,
      });
    } finally {
      await database.close();
    }
  });
});
