import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  addDays,
  DTI_PROVINCE_2025,
  defaultDeadline,
  isScopeRole,
  PROVINCE_PATH,
  type TRole,
  type TUnitKind,
  toVietnamIso,
  vietnamDate,
  YEARLY_BEFORE_30_NOVEMBER,
  ZIndicatorCreate,
} from "@chiso/core";
import { count } from "drizzle-orm";
import type { TDb } from "../db/client.ts";
import { units as unitsTable } from "../db/schema.ts";
import { insertAccount, listAccounts } from "../modules/accounts/repo.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { assignBuiltinFramework } from "../modules/frameworks/builtin.ts";
import { findFramework, findFrameworkByCode } from "../modules/frameworks/repo.ts";
import {
  createFramework,
  createIndicator,
  getFrameworkDetail,
  publishFramework,
  setAssignment,
} from "../modules/frameworks/service.ts";
import { openPeriod } from "../modules/periods/service.ts";
import { importPlanAsRead } from "../modules/plans/import-service.ts";
import { createPlan, createTask } from "../modules/plans/service.ts";
import { openReport, saveReport } from "../modules/reports/service.ts";
import { insertUnit, listUnitsWithin } from "../modules/units/repo.ts";
import { seedDemoAssessments } from "./demo-assessments.ts";
import { PLAN_4636, type TDemoTask } from "./plan-4636.ts";

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
  { name: "Văn phòng Sở Công Thương", shortName: "VP SCT", kind: "office", parent: "Sở Công Thương" },
  { name: "Phòng Quản lý thương mại", shortName: "PQLTM", kind: "office", parent: "Sở Công Thương" },
  { name: "Chi cục Quản lý thị trường", shortName: "CCQLTT", kind: "office", parent: "Sở Công Thương" },
];

/** Demo accounts; `scope` names the agency a coordinator, council member or leader acts over (else the province). */
export const DEMO_ACCOUNTS: { username: string; fullName: string; unit: string; roles: TRole[]; scope?: string }[] = [
  { username: "admin", fullName: "Nguyễn Văn Quản", unit: "Sở Khoa học và Công nghệ", roles: ["coordinator"] },
  {
    username: "congthuong",
    fullName: "Võ Thị Điều Phối",
    unit: "Văn phòng Sở Công Thương",
    roles: ["coordinator"],
    scope: "Sở Công Thương",
  },
  { username: "pqltm", fullName: "Ngô Văn Thương Mại", unit: "Phòng Quản lý thương mại", roles: ["unit_reporter"] },
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
 * The province plan 4636 as written (seed 001): its three targets, tracked against the dashboard, and its section II
 * tasks with their leads — the plan writes its tasks as prose, so they are entered as the coordinator would.
 * Sở Công Thương's plan 17a is imported from its Word file and links to it as its parent.
 */
async function seedDemoPlans(db: TDb) {
  const [admin] = (await listAccounts(db, [PROVINCE_PATH])).filter((a) => a.username === "admin");
  if (!admin) return;
  const ctx = { db, clock: () => new Date(), actor: { ...admin, sessionId: "seed" }, ip: null };
  const units = new Map((await listUnitsWithin(db, PROVINCE_PATH)).map((u) => [u.name, u.id]));
  const found = await findFrameworkByCode(db, DTI_PROVINCE_2025.code);
  const indicators = found ? (await getFrameworkDetail(db, found.id)).indicators : [];
  const indicatorId = new Map(indicators.map((i) => [i.code, i.id]));
  const { tasks, targets, ...fields } = PLAN_4636;
  const plan = await createPlan(ctx, { ...fields, targets: targets.map((t) => ({ ...t })) });
  const add = async (items: readonly TDemoTask[], parentId: string | null) => {
    for (const item of items) {
      const lead = item.lead ? units.get(item.lead) : undefined;
      const task = await createTask(ctx, plan.id, {
        parentId,
        number: item.number,
        isSection: Boolean(item.tasks),
        content: item.content,
        leadText: item.lead ?? null,
        cooperatingText: item.cooperatingText ?? item.cooperating?.join(", ") ?? null,
        timeframeText: item.timeframe ?? null,
        leadUnitIds: lead ? [lead] : [],
        cooperatingUnitIds: (item.cooperating ?? []).map((name) => units.get(name)!).filter(Boolean),
        indicatorIds: (item.indicators ?? []).map((code) => indicatorId.get(code)!).filter(Boolean),
      });
      if (item.tasks) await add(item.tasks, task.id);
    }
  };
  await add(tasks, null);
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
 * The deadline a demo period gets: its calendar's, unless that is less than a week away (or past), then the end of
 * the day a month from now, Vietnam time — so the demo stays open whenever it is started.
 */
function demoDeadline(planned: string, now: Date): string | undefined {
  if (new Date(planned).getTime() - now.getTime() >= 7 * 86_400_000) return undefined;
  return toVietnamIso(`${addDays(vietnamDate(now), 31)}T23:59:59`);
}

/**
 * The current quarter opened on the 2025 framework, with a few lead agencies' draft reports, so the
 * dashboard, the work lists and the heatmap have something to show. After 2025 the coordinator keeps the 2025
 * framework until the next one is issued, and says so (a period outside the framework's year needs a reason).
 */
async function seedDemoReporting(db: TDb, now: Date) {
  const [admin] = (await listAccounts(db, [PROVINCE_PATH])).filter((a) => a.username === "admin");
  const found = await findFrameworkByCode(db, DTI_PROVINCE_2025.code);
  const framework = found && (await findFramework(db, found.id));
  if (!admin || !framework) return;
  const ctx = { db, clock: () => now, actor: { ...admin, sessionId: "seed" }, ip: null };
  const today = vietnamDate(now);
  const year = Number(today.slice(0, 4));
  const index = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const period = await openPeriod(ctx, {
    frameworkId: framework.id,
    kind: "quarter",
    year,
    index,
    deadline: demoDeadline(defaultDeadline("quarter", year, index, framework.deadlineRules), now),
    ...(year !== framework.year && {
      outOfYearReason: `Tiếp tục dùng bộ chỉ số năm ${framework.year} cho đến khi ban hành bộ chỉ số năm ${year}`,
    }),
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

/**
 * Sở Công Thương's own items, from the appendix of its plan 17a (seed 000): each given to one of its offices, with the
 * others cooperating. Main indicators follow the DTI groups; every item is a yes/no "done, with its document".
 */
const DEPARTMENT_ITEMS: { code: string; name: string; maxScore: number; lead?: string }[] = [
  { code: "1", name: "Nhận thức số", maxScore: 10 },
  {
    code: "1.1",
    name: "Chuyên mục “Chuyển đổi số” trên trang thông tin điện tử của Sở, đăng tải thông tin",
    maxScore: 10,
  },
  { code: "2", name: "Thể chế số", maxScore: 10 },
  { code: "2.1", name: "Góp ý dự thảo Nghị quyết chuyên đề của cấp ủy về chuyển đổi số của tỉnh", maxScore: 5 },
  { code: "2.2", name: "Góp ý dự thảo Kế hoạch hành động 5 năm và hằng năm của tỉnh về chuyển đổi số", maxScore: 5 },
  { code: "4", name: "Nhân lực số", maxScore: 20 },
  { code: "4.1", name: "Văn bản chỉ định bộ phận/đầu mối thực hiện nhiệm vụ chuyển đổi số của Sở", maxScore: 10 },
  {
    code: "4.2",
    name: "Văn bản phân công công chức chuyên trách chuyển đổi số và an toàn thông tin mạng",
    maxScore: 10,
  },
  { code: "5", name: "An toàn thông tin mạng", maxScore: 10 },
  { code: "5.3", name: "Chứng nhận tín nhiệm mạng cho trang thông tin điện tử của Sở", maxScore: 10 },
  { code: "7", name: "Kinh tế số", maxScore: 10 },
  {
    code: "7.1",
    name: "Thông tin doanh nghiệp sử dụng hợp đồng điện tử trên địa bàn tỉnh",
    maxScore: 10,
    lead: "Phòng Quản lý thương mại",
  },
];
const DEPARTMENT_OFFICES = ["Văn phòng Sở Công Thương", "Phòng Quản lý thương mại", "Chi cục Quản lý thị trường"];

/**
 * Sở Công Thương runs its own cycle beside the province's, as its coordinator (Văn phòng Sở) would: its framework
 * from plan 17a's appendix given to its offices, a year period due "trước ngày 30/11 hằng năm", and plan 17a
 * imported as the department's own plan (linked to the province's 4636).
 */
async function seedDemoDepartment(db: TDb, now: Date) {
  const [coordinator] = (await listAccounts(db, [PROVINCE_PATH])).filter((a) => a.username === "congthuong");
  if (!coordinator) return;
  const ctx = { db, clock: () => now, actor: { ...coordinator, sessionId: "seed" }, ip: null };
  const units = new Map((await listUnitsWithin(db, PROVINCE_PATH)).map((u) => [u.name, u.id]));
  const department = units.get("Sở Công Thương")!;
  const year = Number(vietnamDate(now).slice(0, 4));
  const framework = await createFramework(ctx, {
    code: `SCT-DTI-${year}`,
    name: `Bộ chỉ số chuyển đổi số của Sở Công Thương năm ${year}`,
    year,
    level: "department",
    legalBasis: "Kế hoạch số 17a/KH-SCT ngày 03/10/2025 của Sở Công Thương",
    ownerUnitId: department,
    // Plan 17a: "báo cáo kết quả … trước ngày 30/11 hằng năm".
    deadlineRules: { year: YEARLY_BEFORE_30_NOVEMBER },
  });
  const ids = new Map<string, string>();
  for (const item of DEPARTMENT_ITEMS) {
    const parent = item.code.includes(".") ? ids.get(item.code.split(".")[0]!)! : null;
    const leaf = parent !== null;
    const input = ZIndicatorCreate.parse({
      code: item.code,
      name: item.name,
      maxScore: item.maxScore,
      parentId: parent,
      ...(leaf && {
        valueKind: "boolean",
        rule: { type: "yes_no", input: "value" },
        evidenceRequired: true,
        evidenceText: "Văn bản, quyết định hoặc ảnh chụp màn hình kèm đường dẫn",
      }),
    });
    const id = await createIndicator(ctx, framework.id, input);
    ids.set(item.code, id);
    if (!leaf) continue;
    const lead = units.get(item.lead ?? "Văn phòng Sở Công Thương")!;
    const cooperating = DEPARTMENT_OFFICES.map((name) => units.get(name)!).filter((unitId) => unitId !== lead);
    await setAssignment(ctx, id, { leadUnitId: lead, cooperatingUnitIds: cooperating });
  }
  await publishFramework(ctx, framework.id);
  await openPeriod(ctx, {
    frameworkId: framework.id,
    kind: "year",
    year,
    index: 1,
    deadline: demoDeadline(defaultDeadline("year", year, 1, { year: YEARLY_BEFORE_30_NOVEMBER }), now),
  });
  const result = await importPlanAsRead(
    ctx,
    "seed-000.docx",
    await fs.readFile(path.join(PLAN_FILES, "seed-000.docx")),
    {
      ownerUnitId: department,
    },
  );
  if ("problems" in result) throw new Error(`demo plan 17a: ${result.problems.join("; ")}`);
}

/** Seeds the demo province into an empty database; does nothing once any unit exists. */
export async function seedDemo(
  db: TDb,
  options: { plans?: boolean; reporting?: boolean; department?: boolean; assessments?: boolean; now?: Date } = {},
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
      const unitId = ids.get(account.unit)!;
      const scopeUnitId = account.scope ? ids.get(account.scope)! : null;
      await insertAccount(
        tx,
        { username: account.username, fullName: account.fullName, unitId, passwordHash, mustChangePassword: false },
        account.roles.map((role) => ({ role, scopeUnitId: isScopeRole(role) ? scopeUnitId : unitId })),
      );
    }
    const framework = await findFrameworkByCode(tx, DTI_PROVINCE_2025.code);
    if (framework)
      await assignBuiltinFramework(tx, framework.id, DTI_PROVINCE_2025, await listUnitsWithin(tx, PROVINCE_PATH));
  });
  if (options.plans ?? true) await seedDemoPlans(db);
  if (options.reporting ?? true) await seedDemoReporting(db, options.now ?? new Date());
  // The department's own cycle goes with the demo's reporting (tests that build their own cycles turn both off).
  if (options.department ?? options.reporting ?? true) await seedDemoDepartment(db, options.now ?? new Date());
  // Assessment rounds go with the demo's reporting too (tests build their own rounds).
  if (options.assessments ?? options.reporting ?? true) await seedDemoAssessments(db, options.now ?? new Date());
  return true;
}
