import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DTI_PROVINCE_2025, defaultDeadline, type TRole, type TUnitKind } from "@chiso/core";
import { count } from "drizzle-orm";
import type { TDb } from "../db/client.ts";
import { units as unitsTable } from "../db/schema.ts";
import { insertAccount, listAccounts } from "../modules/accounts/repo.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { assignBuiltinFramework } from "../modules/frameworks/builtin.ts";
import { findFrameworkByCode } from "../modules/frameworks/repo.ts";
import { getFrameworkDetail } from "../modules/frameworks/service.ts";
import { openPeriod } from "../modules/periods/service.ts";
import { importPlanAsRead } from "../modules/plans/import-service.ts";
import { openReport, saveReport } from "../modules/reports/service.ts";
import { insertUnit, listUnits } from "../modules/units/repo.ts";

export const DEMO_PASSWORD = "ChiSo@2025";

interface TDemoUnit {
  name: string;
  shortName?: string;
  kind: TUnitKind;
  parent?: string;
}

/** The units named in seed 001's Phụ lục I, a few communes, telecom firms and one department office. */
export const DEMO_UNITS: TDemoUnit[] = [
  { name: "Sở Khoa học và Công nghệ", shortName: "Sở KH&CN", kind: "department" },
  { name: "Văn phòng UBND tỉnh", shortName: "VP UBND tỉnh", kind: "department" },
  { name: "Văn phòng Tỉnh ủy", shortName: "VP Tỉnh ủy", kind: "department" },
  { name: "Sở Tài chính", shortName: "STC", kind: "department" },
  { name: "Sở Nội vụ", shortName: "SNV", kind: "department" },
  { name: "Sở Công Thương", shortName: "SCT", kind: "department" },
  { name: "Sở Văn hóa, Thể thao và Du lịch", shortName: "Sở VHTTDL", kind: "department" },
  { name: "Sở Xây dựng", shortName: "SXD", kind: "department" },
  { name: "Sở Giáo dục và Đào tạo", shortName: "Sở GD&ĐT", kind: "department" },
  { name: "Sở Y tế", shortName: "SYT", kind: "department" },
  { name: "Báo và Phát thanh, Truyền hình Khánh Hòa", shortName: "Báo và PT-TH Khánh Hòa", kind: "department" },
  { name: "Công an tỉnh", shortName: "CA tỉnh", kind: "central_branch" },
  { name: "Thống kê tỉnh", kind: "central_branch" },
  { name: "Viettel Khánh Hòa", kind: "enterprise" },
  { name: "VNPT Khánh Hòa", kind: "enterprise" },
  { name: "MobiFone Khánh Hòa", kind: "enterprise" },
  { name: "Phường Nha Trang", kind: "commune" },
  { name: "Phường Bắc Nha Trang", kind: "commune" },
  { name: "Phường Cam Ranh", kind: "commune" },
  { name: "Xã Diên Khánh", kind: "commune" },
  { name: "Đặc khu Trường Sa", kind: "commune" },
  { name: "Phòng Quản lý thương mại", shortName: "PQLTM", kind: "office", parent: "Sở Công Thương" },
  { name: "Chi cục Quản lý thị trường", shortName: "CCQLTT", kind: "office", parent: "Sở Công Thương" },
];

export const DEMO_ACCOUNTS: { username: string; fullName: string; unit: string; roles: TRole[] }[] = [
  { username: "admin", fullName: "Nguyễn Văn Quản", unit: "Sở Khoa học và Công nghệ", roles: ["coordinator"] },
  { username: "vpubnd", fullName: "Trần Thị Chủ Trì", unit: "Văn phòng UBND tỉnh", roles: ["unit_lead"] },
  { username: "nhatrang", fullName: "Lê Văn Báo Cáo", unit: "Phường Nha Trang", roles: ["unit_reporter"] },
  { username: "noivu", fullName: "Đặng Văn Nội Vụ", unit: "Sở Nội vụ", roles: ["unit_lead"] },
  { username: "thamdinh", fullName: "Phạm Thị Thẩm Định", unit: "Sở Nội vụ", roles: ["appraiser"] },
  { username: "lanhdao", fullName: "Hoàng Văn Lãnh Đạo", unit: "Văn phòng UBND tỉnh", roles: ["viewer"] },
];

const here = path.dirname(fileURLToPath(import.meta.url));
// Beside the sources (src/seed → src/modules/plans/fixtures), or beside the compiled server (dist/plan-fixtures).
const PLAN_FILES = [path.join(here, "../modules/plans/fixtures"), path.join(here, "plan-fixtures")].find((dir) =>
  fsSync.existsSync(dir),
) as string;

/**
 * The province plan 4636 (seed 001, as the Word file agencies receive), imported as the coordinator would:
 * the demo shows a plan with tasks, and importing Sở Công Thương's plan 17a links it to its parent.
 */
async function seedDemoPlans(db: TDb) {
  const [admin] = (await listAccounts(db)).filter((a) => a.username === "admin");
  if (!admin) return;
  const ctx = { db, clock: () => new Date(), actor: { ...admin, sessionId: "seed" }, ip: null };
  for (const file of ["seed-001.docx"]) {
    const result = await importPlanAsRead(ctx, file, await fs.readFile(path.join(PLAN_FILES, file)));
    if ("problems" in result) throw new Error(`demo plan ${file}: ${result.problems.join("; ")}`);
  }
}

/** Sample values the lead agencies have started to report (drafts, no evidence yet: the points they lose show). */
const DEMO_VALUES: Record<string, Record<string, number | boolean>> = {
  "1.1": { value: true },
  "2.2": { value: true },
  "3.1": { numerator: 1180, denominator: 1250 },
  "4.2": { numerator: 30, denominator: 100 },
  "6.4": { numerator: 180, denominator: 200 },
  "6.5": { numerator: 300, denominator: 400 },
  "6.6": { numerator: 412, denominator: 500 },
  "8.1": { numerator: 905_000, denominator: 1_100_000 },
};

/**
 * The current quarter opened on the 2025 framework, with a few lead agencies' draft reports, so the
 * dashboard, the work lists and the heatmap have something to show. The deadline is at least a month
 * away so the demo stays open whenever it is started.
 */
async function seedDemoReporting(db: TDb, now: Date) {
  const [admin] = (await listAccounts(db)).filter((a) => a.username === "admin");
  const framework = await findFrameworkByCode(db, DTI_PROVINCE_2025.code);
  if (!admin || !framework) return;
  const ctx = { db, clock: () => now, actor: { ...admin, sessionId: "seed" }, ip: null };
  const year = now.getUTCFullYear();
  const index = Math.floor(now.getUTCMonth() / 3) + 1;
  const monthAhead = new Date(now.getTime() + 31 * 86_400_000);
  const planned = new Date(defaultDeadline("quarter", year, index));
  const period = await openPeriod(ctx, {
    frameworkId: framework.id,
    kind: "quarter",
    year,
    index,
    deadline: (planned > monthAhead ? planned : monthAhead).toISOString(),
  });
  const detail = await getFrameworkDetail(db, framework.id);
  for (const [code, values] of Object.entries(DEMO_VALUES)) {
    const indicator = detail.indicators.find((i) => i.code === code);
    if (!indicator?.lead) continue;
    const reportId = await openReport(ctx, {
      periodId: period.id,
      indicatorId: indicator.id,
      unitId: indicator.lead.unitId,
    });
    await saveReport(ctx, reportId, { values, note: null, version: 1 });
  }
}

/** Seeds the demo province into an empty database; does nothing once any unit exists. */
export async function seedDemo(
  db: TDb,
  options: { plans?: boolean; reporting?: boolean; now?: Date } = {},
): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(unitsTable);
  if ((row?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const unit of DEMO_UNITS) {
      const parentId = unit.parent ? ids.get(unit.parent) : undefined;
      ids.set(
        unit.name,
        await insertUnit(tx, { name: unit.name, shortName: unit.shortName ?? null, kind: unit.kind, parentId }),
      );
    }
    for (const account of DEMO_ACCOUNTS) {
      await insertAccount(tx, {
        username: account.username,
        fullName: account.fullName,
        unitId: ids.get(account.unit)!,
        roles: account.roles,
        passwordHash,
        mustChangePassword: false,
      });
    }
    const framework = await findFrameworkByCode(tx, DTI_PROVINCE_2025.code);
    if (framework) await assignBuiltinFramework(tx, framework.id, DTI_PROVINCE_2025, await listUnits(tx));
  });
  if (options.plans ?? true) await seedDemoPlans(db);
  if (options.reporting ?? true) await seedDemoReporting(db, options.now ?? new Date());
  return true;
}
