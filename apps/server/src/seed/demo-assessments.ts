import { PROVINCE_PATH, scoreEntry, type TIndicator, type TReportedValues, toVietnamIso } from "@chiso/core";
import type { TDb } from "../db/client.ts";
import type { TServiceContext } from "../http/context.ts";
import { listAccounts } from "../modules/accounts/repo.ts";
import * as rounds from "../modules/assessments/repo.ts";
import { changeStatus, createRound, publish } from "../modules/assessments/service.ts";
import { publishFramework } from "../modules/frameworks/service.ts";
import { commitImport } from "../modules/frameworks/transfer-service.ts";
import { listUnitsWithin } from "../modules/units/repo.ts";
import { agencyFramework500 } from "./agency-framework.ts";

/*
 * Demo assessment rounds: the 2025 round of six departments on the 500-point framework, appraised and published
 * by decision, with varied answers and grades; and the communes' round, self-assessment in progress.
 */

/** How well each demo agency does (share of what it could earn), so grades range from Tốt to Yếu. */
const DEPARTMENTS: [string, number][] = [
  ["Sở Khoa học và Công nghệ", 0.93],
  ["Văn phòng UBND tỉnh", 0.88],
  ["Sở Nội vụ", 0.8],
  ["Sở Tài chính", 0.72],
  ["Sở Công Thương", 0.6],
  ["Sở Y tế", 0.45],
];

/** The values an agency at `level` gives on a criterion; a 0/0 ratio for the weakest on 3.2 (not applicable). */
function answerAt(
  indicator: TIndicator,
  level: number,
  weakest: boolean,
): { values: TReportedValues; proposed: number | null } {
  const rule = indicator.rule;
  if (!rule || rule.type === "manual") return { values: {}, proposed: Math.round(indicator.maxScore * level) };
  switch (rule.type) {
    case "choice":
      return {
        values: {
          value: level >= 0.8 ? rule.options[0]!.key : level >= 0.55 ? rule.options[1]!.key : rule.options[2]!.key,
        },
        proposed: null,
      };
    case "parts":
      return { values: Object.fromEntries(rule.parts.map((p, i) => [p.key, i === 0 || level >= 0.7])), proposed: null };
    case "bands":
      return { values: { value: Math.round(5 * level) }, proposed: null };
    case "yes_no":
      return { values: { value: level >= 0.6 }, proposed: null };
    case "ratio":
      if (weakest && indicator.code === "3.2") return { values: { numerator: 0, denominator: 0 }, proposed: null };
      return { values: { numerator: Math.round(40 * level), denominator: 40 }, proposed: null };
    default:
      return { values: {}, proposed: null };
  }
}

export async function seedDemoAssessments(db: TDb, now: Date) {
  const [admin] = (await listAccounts(db, [PROVINCE_PATH])).filter((a) => a.username === "admin");
  if (!admin) return;
  const ctx: TServiceContext = { db, clock: () => now, actor: { ...admin, sessionId: "seed" } as never, ip: null };
  const units = new Map((await listUnitsWithin(db, PROVINCE_PATH)).map((u) => [u.name, u.id]));

  const departments = await commitImport(ctx, {
    transfer: agencyFramework500("CDS-SBN-2025", 2025),
    unitResolutions: {},
  });
  await publishFramework(ctx, departments.id);
  const round = await createRound(ctx, {
    name: "Đánh giá, xếp hạng mức độ chuyển đổi số các sở, ban, ngành năm 2025",
    year: 2025,
    frameworkId: departments.id,
    groupName: "Sở, ban, ngành cấp tỉnh",
    unitIds: DEPARTMENTS.map(([name]) => units.get(name)!),
    gradeBands: [
      { name: "Tốt", minPercent: 80 },
      { name: "Khá", minPercent: 65 },
      { name: "Trung bình", minPercent: 50 },
      { name: "Yếu", minPercent: 0 },
    ],
    selfStart: "2025-11-01",
    selfDeadline: "2025-11-30T23:59:59+07:00",
    appraisalStart: "2025-12-01",
    appraisalEnd: "2025-12-20",
  });
  await changeStatus(ctx, round.id, "open");
  const leaves = departments.indicators.filter((i) => !departments.indicators.some((c) => c.parentId === i.id));
  for (const [index, [name, level]] of DEPARTMENTS.entries()) {
    const unitId = units.get(name)!;
    for (const indicator of leaves) {
      const { values, proposed } = answerAt(indicator, level, index === DEPARTMENTS.length - 1);
      // The council appraised every criterion as if the evidence held, cutting judgement criteria by a little.
      const earned = scoreEntry(
        { code: indicator.code, maxScore: indicator.maxScore, rule: indicator.rule, evidenceRequired: false },
        { values, proposedPoints: proposed, appraisedPoints: null, documentCount: 1 },
      ).self;
      const judgement = indicator.rule?.type === "manual";
      const appraised = judgement ? Math.max(0, earned.points - 2) : earned.points;
      await rounds.upsertEntry(
        db,
        { roundId: round.id, unitId, indicatorId: indicator.id },
        {
          values,
          proposedPoints: proposed,
          explanation: judgement ? "Theo báo cáo kết quả chuyển đổi số năm 2025 của cơ quan" : null,
          ...(earned.status === "not_applicable"
            ? {}
            : { appraisedPoints: appraised, appraisalReason: judgement ? "Hội đồng chấm theo minh chứng" : null }),
        },
      );
    }
    await rounds.updateAgency(db, round.id, unitId, {
      status: "submitted",
      submittedAt: new Date("2025-11-28T03:00:00Z"),
    });
  }
  await changeStatus(ctx, round.id, "appraising");
  await publish(ctx, round.id, { decisionNumber: "2150/QĐ-UBND", decisionDate: "2026-01-20" });

  // The communes' round for 2025, self-assessment open a month ahead whatever day the demo starts. Its framework
  // is of 2025 too, so the province's own framework stays first among the newest in the frameworks list.
  const communes = await commitImport(ctx, {
    transfer: {
      ...agencyFramework500("CDS-XA-2025", 2025),
      framework: {
        ...agencyFramework500("CDS-XA-2025", 2025).framework,
        name: "Bộ chỉ số đánh giá chuyển đổi số xã, phường, đặc khu năm 2025",
        level: "commune",
      },
    },
    unitResolutions: {},
  });
  await publishFramework(ctx, communes.id);
  const communeIds = [...units.entries()].filter(([name]) => /^(Xã|Phường|Đặc khu)/.test(name)).map(([, id]) => id);
  const deadline = new Date(now.getTime() + 30 * 86_400_000);
  const communeRound = await createRound(ctx, {
    name: "Đánh giá mức độ chuyển đổi số xã, phường, đặc khu năm 2025",
    year: 2025,
    frameworkId: communes.id,
    groupName: "Xã, phường, đặc khu",
    unitIds: communeIds,
    gradeBands: [
      { name: "Tốt", minPercent: 80 },
      { name: "Khá", minPercent: 65 },
      { name: "Trung bình", minPercent: 50 },
      { name: "Yếu", minPercent: 0 },
    ],
    selfStart: toVietnamIso(now).slice(0, 10),
    selfDeadline: toVietnamIso(`${toVietnamIso(deadline).slice(0, 10)}T23:59:59`),
    appraisalStart: toVietnamIso(deadline).slice(0, 10),
    appraisalEnd: toVietnamIso(new Date(deadline.getTime() + 20 * 86_400_000)).slice(0, 10),
  });
  await changeStatus(ctx, communeRound.id, "open");
  const nhaTrang = units.get("Phường Nha Trang");
  const communeLeaves = communes.indicators.filter((i) => !communes.indicators.some((c) => c.parentId === i.id));
  if (nhaTrang) {
    for (const indicator of communeLeaves.slice(0, 5)) {
      const { values, proposed } = answerAt(indicator, 0.7, false);
      await rounds.upsertEntry(
        db,
        { roundId: communeRound.id, unitId: nhaTrang, indicatorId: indicator.id },
        { values, proposedPoints: proposed },
      );
    }
  }
}
