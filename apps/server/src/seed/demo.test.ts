import { DTI_PROVINCE_2025, type TRoundResults } from "@chiso/core";
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
      const plans = (await database.db.execute(
        "select p.code, u.name as owner, parent.code as parent from plans p left join units u on u.id = p.owner_unit_id left join plans parent on parent.id = p.parent_plan_id order by p.code",
      )) as unknown as { rows: { code: string; owner: string | null; parent: string | null }[] };
      // The province's plan 4636, and Sở Công Thương's own 17a under it.
      expect(plans.rows).toEqual([
        { code: "17a/KH-SCT", owner: "Sở Công Thương", parent: "4636/KH-UBND" },
        { code: "4636/KH-UBND", owner: null, parent: null },
      ]);
      // Plan 4636 as written: its section II tasks with their leads (not the 59 indicator rows), its three targets.
      const plan4636 = "(select id from plans where code = '4636/KH-UBND')";
      expect(await count(`tasks where plan_id = ${plan4636} and not is_section`)).toBeGreaterThanOrEqual(15);
      expect(
        await count(
          `tasks t join task_units tu on tu.task_id = t.id and tu.role = 'lead' join units u on u.id = tu.unit_id where t.plan_id = ${plan4636} and t.number = '1.2' and u.name = 'Sở Khoa học và Công nghệ'`,
        ),
      ).toBe(1);
      expect(
        await count(`plan_targets where plan_id = ${plan4636} and metric in ('dti_total', 'dti_rank', 'mains_top10')`),
      ).toBe(3);
      expect(await count("tasks")).toBeGreaterThanOrEqual(40);
      // a current quarter with lead agencies' drafts, still open; and the department's own year, due 30/11
      expect(await count("periods")).toBe(2);
      // the province's quarter: outside 2025 only with the coordinator's reason; deadlines end a Vietnam day
      expect(
        await count(
          "periods p join frameworks f on f.id = p.framework_id where p.year <> f.year and p.out_of_year_reason is null",
        ),
      ).toBe(0);
      expect(
        await count("periods where to_char(deadline at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI:SS') <> '23:59:59'"),
      ).toBe(0);
      expect(await count("frameworks where owner_unit_id is not null and status = 'published'")).toBe(1);
      expect(
        await count("assignments a join frameworks f on f.id = a.framework_id where f.owner_unit_id is not null"),
      ).toBe(7 * 3); // seven items, each with a lead office and two cooperating
      expect(await count("reports where role = 'lead' and status = 'draft'")).toBe(8);
      const framework = (await findFrameworkByCode(database.db, DTI_PROVINCE_2025.code))!;
      const dashboard = await dashboardFor(database.db, { frameworkId: framework.id }, null);
      expect(dashboard.totals.recoverable).toBeGreaterThan(100);
      expect(dashboard.indicators.find((i) => i.code === "6.6")).toMatchObject({
        reason: "missing_evidence",
        recoverable: 41.2,
      });
      // The 2025 round of six departments, published by decision with grades from Tốt to Yếu; the communes' open.
      const rounds = (await database.db.execute(
        "select r.status, r.group_name, p.decision_number, p.results from assessment_rounds r left join assessment_publications p on p.round_id = r.id order by r.status desc",
      )) as unknown as {
        rows: { status: string; group_name: string; decision_number: string | null; results: TRoundResults | null }[];
      };
      expect(rounds.rows.map((r) => [r.status, r.group_name, r.decision_number])).toEqual([
        ["published", "Sở, ban, ngành cấp tỉnh", "2150/QĐ-UBND"],
        ["open", "Xã, phường, đặc khu", null],
      ]);
      const rows = rounds.rows[0]!.results!.rows;
      expect(rows).toHaveLength(6);
      expect(new Set(rows.map((r) => r.grade))).toEqual(new Set(["Tốt", "Khá", "Trung bình", "Yếu"]));
      expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows.at(-1)!.maxTotal).toBe(460); // 3.2 not applicable for the last
    } finally {
      await database.close();
    }
  });
});
