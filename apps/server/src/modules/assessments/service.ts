import {
  buildTree,
  can,
  checkReportedValues,
  compareWithPrevious,
  defaultOwnerUnitId,
  foldVietnamese,
  isMemberOf,
  isScopeRole,
  lostCriteria,
  mainsAgainstGroup,
  matchesSearch,
  resultsSummary,
  roundPoints,
  roundResults,
  scoreEntry,
  sheetProgress,
  type TAdjustmentCreate,
  type TAgencyResult,
  type TAppraisal,
  type TAssessedCriterion,
  type TCorrection,
  type TCriterionTable,
  type TDifference,
  type TEntrySave,
  type TExtensionGrant,
  type TIndicatorNode,
  type TLeafScore,
  type TLinkedTask,
  type TPublish,
  type TRequestCreate,
  type TResultsQuery,
  type TResultsSummary,
  type TRound,
  type TRoundCreate,
  type TRoundRef,
  type TRoundResults,
  type TRoundResultView,
  type TRoundStatus,
  type TSheet,
  type TSheetCriterion,
  type TTree,
  type TTrendPoint,
  visibleScopes,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { findFramework, listIndicators } from "../frameworks/repo.ts";
import { listTasksLinkedTo } from "../plans/repo.ts";
import { getProvinceSettings } from "../settings/service.ts";
import { findUnitPath } from "../units/repo.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import type { TResultTable } from "./outputs.ts";
import * as repo from "./repo.ts";

/*
 * Assessment rounds: a group of agencies self-assesses on an agency-level framework, the council appraises, the
 * coordinator publishes frozen results (corrections are new versions). Scoring itself is core's (assessments/).
 */

const AGENCY_LEVELS = new Set(["department", "commune", "office"]);
const PUBLISHED_REFUSAL = "Đợt đánh giá đã công bố: kết quả không thay đổi được (chỉ đính chính bằng phiên bản mới).";

type TIndicatorRow = Awaited<ReturnType<typeof listIndicators>>[number];

interface TLoadedRound {
  row: repo.TRoundRow;
  agencies: repo.TAgencyRow[];
  ref: TRoundRef;
}

async function loadRound(db: TDbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<TLoadedRound> {
  const row = await repo.findRound(db, id, options);
  if (!row) throw notFound("đợt đánh giá");
  return withAgencies(row, await repo.listAgencies(db, [id]));
}

const withAgencies = (row: repo.TRoundRow, agencies: repo.TAgencyRow[]): TLoadedRound => ({
  row,
  agencies,
  ref: { scopePath: row.ownerPath, unitIds: agencies.map((a) => a.unitId), published: row.status === "published" },
});

/** The round's scope and group, for the policy (routes authorize with it). */
export async function roundRef(db: TDbOrTx, id: string): Promise<TRoundRef> {
  return (await loadRound(db, id)).ref;
}

function refuseIfPublished(row: repo.TRoundRow) {
  if (row.status === "published") throw new AppError("CONFLICT", PUBLISHED_REFUSAL);
}

/** The framework's leaves (criteria) in tree order, each with its main indicator, and the tree for totals. */
async function loadFramework(db: TDbOrTx, frameworkId: string) {
  const rows = await listIndicators(db, frameworkId);
  const tree = buildTree(rows);
  const criteria: { row: TIndicatorRow; mainCode: string }[] = [];
  const walk = (node: TTree<TIndicatorRow>, mainCode: string) => {
    if (node.children.length === 0) criteria.push({ row: node, mainCode });
    for (const child of node.children) walk(child, mainCode);
  };
  for (const main of tree) walk(main, main.code);
  const toNode = (n: TTree<TIndicatorRow>): TIndicatorNode & { name: string } => ({
    code: n.code,
    name: n.name,
    maxScore: n.maxScore,
    children: n.children.map(toNode),
  });
  // A main indicator also covers its criteria: assigning "2" to a council member gives 2.1, 2.2…
  const ancestors = new Map<string, string[]>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    const chain: string[] = [];
    for (let at: TIndicatorRow | undefined = r; at; at = at.parentId ? byId.get(at.parentId) : undefined)
      chain.push(at.id);
    ancestors.set(r.id, chain);
  }
  return { criteria, tree: tree.map(toNode), ancestors };
}

const asCriterion = (row: TIndicatorRow): TAssessedCriterion => ({
  code: row.code,
  maxScore: row.maxScore,
  rule: row.rule,
  evidenceRequired: row.evidenceRequired,
  unitLabel: row.unitOfMeasure,
});

/** The deadline that applies to an agency: its extension, else the round's. */
const deadlineOf = (row: repo.TRoundRow, agency: repo.TAgencyRow) => agency.extendedDeadline ?? row.selfDeadline;

/** The agency may still change its sheet: the round is in self-assessment and its deadline has not passed. */
function sheetLocked(ctx: TServiceContext, row: repo.TRoundRow, agency: repo.TAgencyRow) {
  return row.status !== "open" || ctx.clock().getTime() > deadlineOf(row, agency).getTime();
}

function ensureOpenFor(ctx: TServiceContext, row: repo.TRoundRow, agency: repo.TAgencyRow) {
  refuseIfPublished(row);
  if (row.status !== "open") throw new AppError("CONFLICT", "Đợt đánh giá không trong thời gian tự đánh giá.");
  if (sheetLocked(ctx, row, agency)) {
    throw new AppError(
      "CONFLICT",
      "Đã quá hạn tự đánh giá: phiếu đã khóa. Liên hệ cơ quan thường trực nếu cần gia hạn (có lý do).",
    );
  }
}

function presentRound(ctx: TServiceContext, loaded: TLoadedRound, publications: repo.TPublicationRow[]): TRound {
  const { row, agencies } = loaded;
  const latest = publications.filter((p) => p.roundId === row.id).at(-1);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    ownerUnitId: row.ownerUnitId,
    frameworkId: row.frameworkId,
    frameworkName: row.frameworkName,
    groupName: row.groupName,
    gradeBands: row.gradeBands,
    selfStart: row.selfStart,
    selfDeadline: row.selfDeadline.toISOString(),
    appraisalStart: row.appraisalStart,
    appraisalEnd: row.appraisalEnd,
    status: row.status,
    agencyCount: agencies.length,
    submittedCount: agencies.filter((a) => a.status === "submitted").length,
    myUnitIds: agencies.filter((a) => isMemberOf(ctx.actor, a.unitId)).map((a) => a.unitId),
    publication: latest ? presentPublication(latest) : null,
    allowed: {
      manage: can(ctx.actor, "assessment.manage", loaded.ref),
      results: can(ctx.actor, "assessment.results", loaded.ref),
    },
  };
}

const presentPublication = (p: repo.TPublicationRow) => ({
  version: p.version,
  decisionNumber: p.decisionNumber,
  decisionDate: p.decisionDate,
  reason: p.reason,
  publishedAt: p.publishedAt.toISOString(),
});

export async function listRounds(ctx: TServiceContext): Promise<TRound[]> {
  const memberUnitIds = ctx.actor.grants.filter((g) => !isScopeRole(g.role)).map((g) => g.scopeUnitId!);
  const rows = await repo.listRounds(ctx.db, visibleScopes(ctx.actor), memberUnitIds);
  const agencies = await repo.listAgencies(
    ctx.db,
    rows.map((r) => r.id),
  );
  const publications = await repo.listPublications(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows
    .map((row) => {
      const own = agencies.filter((a) => a.roundId === row.id);
      const ref = {
        scopePath: row.ownerPath,
        unitIds: own.map((a) => a.unitId),
        published: row.status === "published",
      };
      return { row, agencies: own, ref };
    })
    .filter((loaded) => can(ctx.actor, "assessment.view", loaded.ref))
    .map((loaded) => presentRound(ctx, loaded, publications));
}

export async function getRound(ctx: TServiceContext, id: string): Promise<TRound> {
  const loaded = await loadRound(ctx.db, id);
  ensureCan(ctx.actor, "assessment.view", loaded.ref);
  return presentRound(ctx, loaded, await repo.listPublications(ctx.db, [id]));
}

/** Creates a round (draft) on a published agency-level framework for a group of agencies of the owner's scope. */
export async function createRound(ctx: TServiceContext, input: TRoundCreate): Promise<TRound> {
  const id = await ctx.db.transaction(async (tx) => {
    const ownerUnitId = defaultOwnerUnitId(ctx.actor, input.ownerUnitId);
    const ownerPath = ownerUnitId ? await ownerPathOf(tx, ownerUnitId) : [];
    ensureCan(ctx.actor, "assessment.manage", { scopePath: ownerPath });
    const framework = await findFramework(tx, input.frameworkId);
    if (!framework) throw notFound("bộ chỉ số");
    if (!AGENCY_LEVELS.has(framework.level)) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Đợt đánh giá cần bộ chỉ số cấp cơ quan (sở, ban, ngành hoặc xã, phường).",
      );
    }
    if (framework.status !== "published") throw new AppError("CONFLICT", "Chỉ dùng được bộ chỉ số đã ban hành.");
    const unitIds = [...new Set(input.unitIds)];
    await ensureUnitsInScope(tx, { scopePath: ownerPath }, unitIds);
    const roundId = await repo.insertRound(tx, {
      name: input.name,
      year: input.year,
      ownerUnitId,
      frameworkId: input.frameworkId,
      groupName: input.groupName,
      gradeBands: input.gradeBands,
      selfStart: input.selfStart,
      selfDeadline: new Date(input.selfDeadline),
      appraisalStart: input.appraisalStart,
      appraisalEnd: input.appraisalEnd,
      status: "draft",
      createdBy: ctx.actor.id,
    });
    await repo.insertAgencies(tx, roundId, unitIds);
    await audit(tx, ctx, "assessment.create", roundId, { name: input.name, agencies: unitIds.length });
    return roundId;
  });
  return getRound(ctx, id);
}

async function ownerPathOf(db: TDbOrTx, unitId: string): Promise<readonly string[]> {
  const path = await findUnitPath(db, unitId);
  if (!path) throw notFound("đơn vị");
  return path;
}

const NEXT_STATUS: Partial<Record<TRoundStatus, TRoundStatus>> = { draft: "open", open: "appraising" };

/** Opens self-assessment, then closes it for appraisal. */
export async function changeStatus(ctx: TServiceContext, id: string, status: "open" | "appraising"): Promise<TRound> {
  await ctx.db.transaction(async (tx) => {
    const { row, ref } = await loadRound(tx, id, { forUpdate: true });
    ensureCan(ctx.actor, "assessment.manage", ref);
    refuseIfPublished(row);
    if (NEXT_STATUS[row.status] !== status) {
      throw new AppError("CONFLICT", `Không chuyển được đợt đánh giá từ "${row.status}" sang "${status}".`);
    }
    await repo.updateRound(tx, id, { status });
    await audit(tx, ctx, `assessment.${status}`, id, { from: row.status });
  });
  return getRound(ctx, id);
}

/** One agency's sheet: every criterion with values, proposal, evidence, self and appraised points, requests. */
export async function getSheet(ctx: TServiceContext, roundId: string, unitId: string): Promise<TSheet> {
  const { row, agencies } = await loadRound(ctx.db, roundId);
  const agency = agencies.find((a) => a.unitId === unitId);
  if (!agency) throw notFound("cơ quan trong đợt đánh giá");
  ensureCan(ctx.actor, "assessment.readSheet", { scopePath: row.ownerPath, unitId });
  const framework = await loadFramework(ctx.db, row.frameworkId);
  const criteria = await sheetCriteria(ctx.db, roundId, framework, { unitId });
  const adjustments = (await repo.listAdjustments(ctx.db, roundId)).filter((a) => a.unitId === unitId);
  const scores = criteria.map((c) => ({ self: { points: c.selfPoints, status: c.selfStatus }, final: c.finalPoints }));
  const selfLeaves: TLeafScore[] = criteria.map((c) => ({ code: c.code, points: c.selfPoints, status: c.selfStatus }));
  const finalLeaves: TLeafScore[] = criteria.map((c) => ({
    code: c.code,
    points: c.finalPoints,
    status: c.appraisedPoints === null ? c.selfStatus : "scored",
  }));
  const [result] = roundResults({
    tree: framework.tree,
    criteria: [],
    agencies: [{ unitId, unitName: agency.unitName, self: selfLeaves, final: finalLeaves, adjustments }],
    bands: row.gradeBands,
  }).rows;
  return {
    roundId,
    roundName: row.name,
    roundStatus: row.status,
    unitId,
    unitName: agency.unitName,
    status: agency.status,
    submittedAt: agency.submittedAt?.toISOString() ?? null,
    deadline: deadlineOf(row, agency).toISOString(),
    extensionReason: agency.extensionReason,
    locked: sheetLocked(ctx, row, agency),
    version: agency.version,
    progress: sheetProgress(
      framework.criteria.map((c) => asCriterion(c.row)),
      scores.map((s) => ({ self: s.self as never, final: s.self as never })),
      criteria.map((c) => c.documents.length),
    ),
    selfTotal: result?.selfTotal ?? 0,
    finalTotal: result?.total ?? 0,
    maxTotal: result?.maxTotal ?? 0,
    adjustments: adjustments.map((a) => ({ id: a.id, points: a.points, reason: a.reason })),
    criteria,
  };
}

/** The criteria of a round's sheets, for one agency or for one criterion across the agencies. */
async function sheetCriteria(
  db: TDbOrTx,
  roundId: string,
  framework: Awaited<ReturnType<typeof loadFramework>>,
  filter: { unitId: string; indicatorId?: undefined } | { indicatorId: string; unitId?: undefined },
): Promise<(TSheetCriterion & { unitId: string })[]> {
  const entries = await repo.listEntries(db, roundId, filter);
  const entryIds = entries.map((e) => e.id);
  const docs = await repo.listEntryDocuments(db, entryIds);
  const requests = await repo.listRequests(db, entryIds);
  const criteria = filter.indicatorId
    ? framework.criteria.filter((c) => c.row.id === filter.indicatorId)
    : framework.criteria;
  const build = (c: (typeof criteria)[number], unitId: string): TSheetCriterion & { unitId: string } => {
    const entry = entries.find((e) => e.indicatorId === c.row.id && e.unitId === unitId);
    const cited = entry ? docs.filter((d) => d.entryId === entry.id).map(({ entryId: _e, ...d }) => d) : [];
    const score = scoreEntry(
      asCriterion(c.row),
      entry
        ? {
            values: entry.values,
            proposedPoints: entry.proposedPoints,
            appraisedPoints: entry.appraisedPoints,
            documentCount: cited.length,
          }
        : undefined,
    );
    return {
      unitId,
      indicatorId: c.row.id,
      code: c.row.code,
      name: c.row.name,
      mainCode: c.mainCode,
      maxScore: c.row.maxScore,
      valueKind: c.row.valueKind,
      inputs: c.row.inputs,
      rule: c.row.rule,
      unitOfMeasure: c.row.unitOfMeasure,
      evidenceText: c.row.evidenceText,
      evidenceRequired: c.row.evidenceRequired,
      values: entry?.values ?? {},
      proposedPoints: entry?.proposedPoints ?? null,
      explanation: entry?.explanation ?? null,
      documents: cited,
      selfPoints: score.self.points,
      selfStatus: score.self.status,
      selfExplanation: score.self.explanation,
      appraisedPoints: entry?.appraisedPoints ?? null,
      appraisalReason: entry?.appraisalReason ?? null,
      finalPoints: score.final.points,
      requests: entry
        ? requests
            .filter((r) => r.entryId === entry.id)
            .map((r) => ({
              id: r.id,
              kind: r.kind,
              body: r.body,
              dueAt: r.dueAt.toISOString(),
              status: r.status,
              answer: r.answer,
              answeredAt: r.answeredAt?.toISOString() ?? null,
              createdAt: r.createdAt.toISOString(),
            }))
        : [],
    };
  };
  if (filter.unitId) return criteria.map((c) => build(c, filter.unitId));
  const unitIds = [...new Set(entries.map((e) => e.unitId))];
  return criteria.flatMap((c) => unitIds.map((u) => build(c, u)));
}

/** Saves one criterion of the agency's sheet (values, proposal, explanation, cited documents). */
export async function saveEntry(
  ctx: TServiceContext,
  roundId: string,
  unitId: string,
  indicatorId: string,
  input: TEntrySave,
): Promise<TSheet> {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadRound(tx, roundId);
    ensureCan(ctx.actor, "assessment.selfAssess", { scopePath: row.ownerPath, unitId });
    const agency = await repo.findAgency(tx, roundId, unitId, { forUpdate: true });
    if (!agency) throw notFound("cơ quan trong đợt đánh giá");
    ensureOpenFor(ctx, row, agency);
    if (agency.status === "submitted") {
      throw new AppError("CONFLICT", "Phiếu đã gửi. Hãy thu hồi phiếu để sửa (trước hạn tự đánh giá).");
    }
    const framework = await loadFramework(tx, row.frameworkId);
    const criterion = framework.criteria.find((c) => c.row.id === indicatorId);
    if (!criterion) throw notFound("tiêu chí của bộ chỉ số");
    const judgement = !criterion.row.rule || criterion.row.rule.type === "manual";
    const problems = judgement ? [] : checkReportedValues(criterion.row, input.values);
    if (problems.length) throw new AppError("VALIDATION_FAILED", problems.join(" "));
    if (input.proposedPoints !== null && input.proposedPoints > criterion.row.maxScore) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Điểm đề xuất vượt điểm tối đa của tiêu chí ${criterion.row.code} (${criterion.row.maxScore}).`,
      );
    }
    const mine = await repo.documentsWithinAgency(tx, unitId, input.documentIds);
    if (mine.size !== new Set(input.documentIds).size) {
      throw new AppError("FORBIDDEN", "Chỉ trích dẫn được văn bản đã tải lên trong cơ quan mình.");
    }
    const entryId = await repo.upsertEntry(
      tx,
      { roundId, unitId, indicatorId },
      {
        values: input.values,
        proposedPoints: judgement ? input.proposedPoints : null,
        explanation: input.explanation,
        updatedBy: ctx.actor.id,
      },
    );
    await repo.replaceEntryDocuments(tx, entryId, input.documentIds);
  });
  return getSheet(ctx, roundId, unitId);
}

/** Submits or recalls (thu hồi) the agency's sheet, before its deadline only. */
export async function setSheetStatus(
  ctx: TServiceContext,
  roundId: string,
  unitId: string,
  action: "submit" | "recall",
  version: number,
): Promise<TSheet> {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadRound(tx, roundId);
    ensureCan(ctx.actor, "assessment.selfAssess", { scopePath: row.ownerPath, unitId });
    const agency = await repo.findAgency(tx, roundId, unitId, { forUpdate: true });
    if (!agency) throw notFound("cơ quan trong đợt đánh giá");
    ensureOpenFor(ctx, row, agency);
    if (agency.version !== version) throw new AppError("CONFLICT");
    const wanted = action === "submit" ? "draft" : "submitted";
    if (agency.status !== wanted) {
      throw new AppError("CONFLICT", action === "submit" ? "Phiếu đã được gửi." : "Phiếu chưa gửi, không cần thu hồi.");
    }
    await repo.updateAgency(tx, roundId, unitId, {
      status: action === "submit" ? "submitted" : "draft",
      submittedAt: action === "submit" ? ctx.clock() : agency.submittedAt,
      version: agency.version + 1,
    });
    await audit(tx, ctx, `assessment.${action}`, roundId, { unitId });
  });
  return getSheet(ctx, roundId, unitId);
}

/** A later deadline for one agency, with the reason (unlocks its sheet until then). */
export async function grantExtension(ctx: TServiceContext, roundId: string, input: TExtensionGrant): Promise<TRound> {
  await ctx.db.transaction(async (tx) => {
    const { row, ref } = await loadRound(tx, roundId, { forUpdate: true });
    ensureCan(ctx.actor, "assessment.manage", ref);
    refuseIfPublished(row);
    if (row.status !== "open") throw new AppError("CONFLICT", "Chỉ gia hạn khi đợt đánh giá đang tự đánh giá.");
    const agency = await repo.findAgency(tx, roundId, input.unitId, { forUpdate: true });
    if (!agency) throw notFound("cơ quan trong đợt đánh giá");
    const deadline = new Date(input.deadline);
    if (deadline.getTime() <= ctx.clock().getTime())
      throw new AppError("VALIDATION_FAILED", "Hạn mới phải sau thời điểm hiện tại.");
    await repo.updateAgency(tx, roundId, input.unitId, {
      extendedDeadline: deadline,
      extensionReason: input.reason,
      version: agency.version + 1,
    });
    await audit(tx, ctx, "assessment.extend", roundId, {
      unitId: input.unitId,
      deadline: input.deadline,
      reason: input.reason,
    });
  });
  return getRound(ctx, roundId);
}

export async function assignAppraiser(ctx: TServiceContext, roundId: string, userId: string, indicatorIds: string[]) {
  await ctx.db.transaction(async (tx) => {
    const { row, ref } = await loadRound(tx, roundId);
    ensureCan(ctx.actor, "assessment.manage", ref);
    refuseIfPublished(row);
    if (!(await repo.holdsAppraiserRole(tx, userId, row.ownerPath))) {
      throw new AppError("VALIDATION_FAILED", "Người được giao phải là thành viên hội đồng thẩm định của phạm vi này.");
    }
    const framework = await loadFramework(tx, row.frameworkId);
    if (!indicatorIds.every((id) => framework.ancestors.has(id))) throw notFound("chỉ số của bộ chỉ số");
    await repo.insertAppraisers(tx, roundId, userId, indicatorIds);
    await audit(tx, ctx, "assessment.assign", roundId, { userId, indicatorIds });
  });
  return listAppraisals(ctx, roundId);
}

/** The criteria the actor may appraise in a round (all for its coordinator). */
export async function listAppraisals(ctx: TServiceContext, roundId: string) {
  const { row } = await loadRound(ctx.db, roundId);
  const framework = await loadFramework(ctx.db, row.frameworkId);
  const assigned = await repo.listAppraisers(ctx.db, roundId);
  return framework.criteria
    .filter((c) => can(ctx.actor, "assessment.appraise", appraisalRef(row, framework, assigned, c.row.id)))
    .map((c) => ({ indicatorId: c.row.id, code: c.row.code, name: c.row.name, maxScore: c.row.maxScore }));
}

function appraisalRef(
  row: repo.TRoundRow,
  framework: Awaited<ReturnType<typeof loadFramework>>,
  assigned: { userId: string; indicatorId: string }[],
  indicatorId: string,
) {
  const chain = framework.ancestors.get(indicatorId) ?? [];
  return {
    scopePath: row.ownerPath,
    appraiserIds: assigned.filter((a) => chain.includes(a.indicatorId)).map((a) => a.userId),
  };
}

async function ensureAppraiser(ctx: TServiceContext, db: TDbOrTx, row: repo.TRoundRow, indicatorId: string) {
  const framework = await loadFramework(db, row.frameworkId);
  const criterion = framework.criteria.find((c) => c.row.id === indicatorId);
  if (!criterion) throw notFound("tiêu chí của bộ chỉ số");
  ensureCan(
    ctx.actor,
    "assessment.appraise",
    appraisalRef(row, framework, await repo.listAppraisers(db, row.id), indicatorId),
  );
  return { framework, criterion };
}

/** One criterion across every agency of the round, in one table. */
export async function criterionTable(
  ctx: TServiceContext,
  roundId: string,
  indicatorId: string,
): Promise<TCriterionTable> {
  const { row, agencies } = await loadRound(ctx.db, roundId);
  const { framework, criterion } = await ensureAppraiser(ctx, ctx.db, row, indicatorId);
  const rows = await sheetCriteria(ctx.db, roundId, framework, { indicatorId });
  return {
    criterion: {
      indicatorId,
      code: criterion.row.code,
      name: criterion.row.name,
      maxScore: criterion.row.maxScore,
      rule: criterion.row.rule,
    },
    rows: agencies.map((agency) => {
      const found = rows.find((r) => r.unitId === agency.unitId);
      const base =
        found ??
        ({
          ...emptyCriterion(criterion.row, criterion.mainCode),
          unitId: agency.unitId,
        } as TSheetCriterion & { unitId: string });
      return { ...base, unitName: agency.unitName, sheetStatus: agency.status };
    }),
  };
}

function emptyCriterion(row: TIndicatorRow, mainCode: string): TSheetCriterion {
  const score = scoreEntry(asCriterion(row), undefined);
  return {
    indicatorId: row.id,
    code: row.code,
    name: row.name,
    mainCode,
    maxScore: row.maxScore,
    valueKind: row.valueKind,
    inputs: row.inputs,
    rule: row.rule,
    unitOfMeasure: row.unitOfMeasure,
    evidenceText: row.evidenceText,
    evidenceRequired: row.evidenceRequired,
    values: {},
    proposedPoints: null,
    explanation: null,
    documents: [],
    selfPoints: 0,
    selfStatus: score.self.status,
    selfExplanation: score.self.explanation,
    appraisedPoints: null,
    appraisalReason: null,
    finalPoints: 0,
    requests: [],
  };
}

/** Sets the appraised points of one agency on one criterion; a cut or a raise needs its reason. */
export async function appraise(
  ctx: TServiceContext,
  roundId: string,
  unitId: string,
  indicatorId: string,
  input: TAppraisal,
): Promise<TCriterionTable> {
  await ctx.db.transaction(async (tx) => {
    const { row, agencies } = await loadRound(tx, roundId, { forUpdate: true });
    refuseIfPublished(row);
    const { criterion } = await ensureAppraiser(ctx, tx, row, indicatorId);
    if (row.status !== "appraising") throw new AppError("CONFLICT", "Đợt đánh giá chưa chuyển sang thẩm định.");
    if (!agencies.some((a) => a.unitId === unitId)) throw notFound("cơ quan trong đợt đánh giá");
    if (input.points > criterion.row.maxScore) {
      throw new AppError("VALIDATION_FAILED", `Điểm thẩm định vượt điểm tối đa (${criterion.row.maxScore}).`);
    }
    const entry = await repo.findEntry(tx, roundId, unitId, indicatorId);
    const docs = entry ? await repo.listEntryDocuments(tx, [entry.id]) : [];
    const self = scoreEntry(
      asCriterion(criterion.row),
      entry ? { ...entry, appraisedPoints: null, documentCount: docs.length } : undefined,
    ).self;
    if (roundPoints(input.points) !== self.points && !input.reason) {
      throw new AppError("VALIDATION_FAILED", "Điểm thẩm định khác điểm tự đánh giá: vui lòng ghi lý do.");
    }
    await repo.upsertEntry(
      tx,
      { roundId, unitId, indicatorId },
      {
        appraisedPoints: input.points,
        appraisalReason: input.reason,
        appraisedBy: ctx.actor.id,
        appraisedAt: ctx.clock(),
      },
    );
    await audit(tx, ctx, "assessment.appraise", roundId, {
      unitId,
      indicatorId,
      points: input.points,
      reason: input.reason,
    });
  });
  return criterionTable(ctx, roundId, indicatorId);
}

/** Asks an agency to explain or add evidence on a criterion, with its own deadline. */
export async function requestExplanation(
  ctx: TServiceContext,
  roundId: string,
  unitId: string,
  indicatorId: string,
  input: TRequestCreate,
) {
  await ctx.db.transaction(async (tx) => {
    const { row, agencies } = await loadRound(tx, roundId);
    refuseIfPublished(row);
    await ensureAppraiser(ctx, tx, row, indicatorId);
    if (row.status !== "appraising") throw new AppError("CONFLICT", "Đợt đánh giá chưa chuyển sang thẩm định.");
    if (!agencies.some((a) => a.unitId === unitId)) throw notFound("cơ quan trong đợt đánh giá");
    const entryId = await repo.upsertEntry(tx, { roundId, unitId, indicatorId }, {});
    await repo.insertRequest(tx, {
      entryId,
      kind: input.kind,
      body: input.body,
      dueAt: new Date(input.dueAt),
      createdBy: ctx.actor.id,
    });
    await audit(tx, ctx, "assessment.request", roundId, { unitId, indicatorId, kind: input.kind });
  });
  return criterionTable(ctx, roundId, indicatorId);
}

/** The agency answers a request (and may cite more documents), until the request's deadline. */
export async function answerRequest(ctx: TServiceContext, requestId: string, answer: string, documentIds: string[]) {
  return ctx.db
    .transaction(async (tx) => {
      const found = await repo.findRequest(tx, requestId);
      if (!found) throw notFound("yêu cầu giải trình");
      const { row } = await loadRound(tx, found.roundId);
      ensureCan(ctx.actor, "assessment.selfAssess", { scopePath: row.ownerPath, unitId: found.unitId });
      refuseIfPublished(row);
      if (found.request.status !== "open") throw new AppError("CONFLICT", "Yêu cầu này đã được trả lời.");
      if (ctx.clock().getTime() > found.request.dueAt.getTime()) {
        throw new AppError("CONFLICT", "Đã quá hạn giải trình của yêu cầu này.");
      }
      const mine = await repo.documentsWithinAgency(tx, found.unitId, documentIds);
      if (mine.size !== new Set(documentIds).size) {
        throw new AppError("FORBIDDEN", "Chỉ trích dẫn được văn bản đã tải lên trong cơ quan mình.");
      }
      await repo.addEntryDocuments(tx, found.request.entryId, documentIds);
      await repo.updateRequest(tx, requestId, {
        status: "answered",
        answer,
        answeredAt: ctx.clock(),
        answeredBy: ctx.actor.id,
      });
      await audit(tx, ctx, "assessment.answer", found.roundId, { requestId });
      return { roundId: found.roundId, unitId: found.unitId };
    })
    .then(({ roundId, unitId }) => getSheet(ctx, roundId, unitId));
}

/** The council accepts an answer and closes the request. */
export async function closeRequest(ctx: TServiceContext, requestId: string) {
  const { roundId, indicatorId } = await ctx.db.transaction(async (tx) => {
    const found = await repo.findRequest(tx, requestId);
    if (!found) throw notFound("yêu cầu giải trình");
    const { row } = await loadRound(tx, found.roundId);
    refuseIfPublished(row);
    await ensureAppraiser(ctx, tx, row, found.indicatorId);
    if (found.request.status === "closed") throw new AppError("CONFLICT", "Yêu cầu này đã đóng.");
    await repo.updateRequest(tx, requestId, { status: "closed" });
    await audit(tx, ctx, "assessment.close_request", found.roundId, { requestId });
    return found;
  });
  return criterionTable(ctx, roundId, indicatorId);
}

export async function addAdjustment(ctx: TServiceContext, roundId: string, input: TAdjustmentCreate) {
  await ctx.db.transaction(async (tx) => {
    const { row, ref, agencies } = await loadRound(tx, roundId, { forUpdate: true });
    ensureCan(ctx.actor, "assessment.manage", ref);
    refuseIfPublished(row);
    if (!agencies.some((a) => a.unitId === input.unitId)) throw notFound("cơ quan trong đợt đánh giá");
    await repo.insertAdjustment(tx, { roundId, ...input, createdBy: ctx.actor.id });
    await audit(tx, ctx, "assessment.adjust", roundId, input);
  });
  return getResults(ctx, roundId);
}

/** Live results of every agency: totals, grades and ranks from the entries as they stand. */
async function computeResults(db: TDbOrTx, loaded: TLoadedRound): Promise<TRoundResults> {
  const { row, agencies } = loaded;
  const framework = await loadFramework(db, row.frameworkId);
  const entries = await repo.listEntries(db, row.id);
  const docCount = await repo.countRoundDocuments(db, row.id);
  const adjustments = await repo.listAdjustments(db, row.id);
  const byKey = new Map(entries.map((e) => [`${e.unitId}|${e.indicatorId}`, e]));
  return roundResults({
    tree: framework.tree,
    criteria: framework.criteria.map((c) => ({
      code: c.row.code,
      name: c.row.name,
      maxScore: c.row.maxScore,
      mainCode: c.mainCode,
    })),
    bands: row.gradeBands,
    agencies: agencies.map((agency) => {
      const scores = framework.criteria.map((c) => {
        const entry = byKey.get(`${agency.unitId}|${c.row.id}`);
        return scoreEntry(
          asCriterion(c.row),
          entry ? { ...entry, documentCount: docCount.get(entry.id) ?? 0 } : undefined,
        );
      });
      return {
        unitId: agency.unitId,
        unitName: agency.unitName,
        self: scores.map((s) => s.self),
        final: scores.map((s) => s.final),
        adjustments: adjustments.filter((a) => a.unitId === agency.unitId),
      };
    }),
  });
}

/** Every agency's results of a round and what the screens summarise of them, computed once per state. */
interface TResultsTable {
  results: TRoundResults;
  summary: TResultsSummary;
}

/*
 * A round's agencies and live table, kept per round while the round's stamp (repo.findResultsStamp: one indexed
 * query, read on every request) is unchanged, so any change is seen at the next request, from this instance or
 * another; published versions never change once written. Promises are kept, so users arriving together wait for
 * one read and one computation. A few rounds are kept (the oldest used dropped first): a table of 1,000 agencies ×
 * 50 criteria is a few MB.
 */
const KEPT_TABLES = 12;
interface TKeptRound {
  stamp: string;
  agencies: Promise<repo.TAgencyRow[]>;
  live?: Promise<TResultsTable>;
}
const keptRounds = new Map<string, TKeptRound>();
const frozenTables = new Map<string, Promise<TResultsTable>>();

function keep<T>(map: Map<string, T>, key: string, value: T) {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= KEPT_TABLES) break;
    map.delete(oldest);
  }
}

function kept<T>(map: Map<string, T>, key: string, make: () => T, fresh: (value: T) => boolean = () => true): T {
  const found = map.get(key);
  if (found !== undefined && fresh(found)) {
    keep(map, key, found);
    return found;
  }
  const value = make();
  keep(map, key, value);
  return value;
}

/** Forgets what was kept of a round when reading it failed, so the next request tries again. */
function dropOnFailure<T>(promise: Promise<T>, roundId: string): Promise<T> {
  promise.catch(() => keptRounds.delete(roundId));
  return promise;
}

const tableOf = (results: TRoundResults, bands: readonly { name: string }[]): TResultsTable => ({
  results,
  summary: resultsSummary(results, bands),
});

/** The round with its agencies, read again only when its stamp moved (read after the stamp: never older). */
async function loadKeptRound(db: TDbOrTx, id: string): Promise<{ loaded: TLoadedRound; kept: TKeptRound }> {
  const row = await repo.findRound(db, id);
  if (!row) throw notFound("đợt đánh giá");
  const stamp = (await repo.findResultsStamp(db, id)) ?? "";
  const entry = kept(
    keptRounds,
    id,
    () => ({
      stamp,
      agencies: dropOnFailure(
        Promise.resolve().then(() => repo.listAgencies(db, [id])),
        id,
      ),
    }),
    (found) => found.stamp === stamp,
  );
  return { loaded: withAgencies(row, await entry.agencies), kept: entry };
}

/** The live table of a round not yet published, computed once per stamp. */
function liveTable(db: TDbOrTx, loaded: TLoadedRound, entry: TKeptRound): Promise<TResultsTable> {
  entry.live ??= dropOnFailure(
    computeResults(db, loaded).then((results) => tableOf(results, loaded.row.gradeBands)),
    loaded.row.id,
  );
  return entry.live;
}

/** A published version's table, read once (publications are never changed). */
function frozenTable(db: TDbOrTx, roundId: string, version: number, bands: readonly { name: string }[]) {
  const key = `${roundId}:${version}`;
  return kept(frozenTables, key, () => {
    const table = repo.findPublicationResults(db, roundId, version).then((results) => {
      if (!results) throw notFound("phiên bản kết quả");
      return tableOf(results, bands);
    });
    table.catch(() => frozenTables.delete(key));
    return table;
  });
}

/** A round's table as the reader is shown it: the version asked for (or in force) once published, else live. */
async function resultsOf(ctx: TServiceContext, roundId: string, version?: number) {
  const { loaded, kept: entry } = await loadKeptRound(ctx.db, roundId);
  ensureCan(ctx.actor, "assessment.results", loaded.ref);
  const publications = await repo.listPublications(ctx.db, [roundId]);
  const round = presentRound(ctx, loaded, publications);
  const versions = publications.map(presentPublication);
  if (loaded.row.status !== "published") {
    const table = await liveTable(ctx.db, loaded, entry);
    return { loaded, round, versions, frozen: false, version: null, table, previous: null };
  }
  const chosen = version === undefined ? publications.at(-1) : publications.find((p) => p.version === version);
  if (!chosen) throw notFound("phiên bản kết quả");
  const table = await frozenTable(ctx.db, roundId, chosen.version, loaded.row.gradeBands);
  const previous = await previousResults(ctx.db, loaded.row);
  return { loaded, round, versions, frozen: true, version: chosen.version, table, previous };
}

/**
 * The league table: the published version in force (or the one asked for) once published — frozen, never
 * recomputed — else the live numbers, for the coordinator and the council only. One page of agencies (searched by
 * name without accents), in rank order, without their per-criterion points (getAgencyResult has them), and the
 * group's grade spread and most-lost criteria over every agency.
 */
export async function getResults(
  ctx: TServiceContext,
  roundId: string,
  query: Partial<TResultsQuery> = {},
): Promise<TRoundResultView> {
  const { round, versions, frozen, version, table, previous } = await resultsOf(ctx, roundId, query.version);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { results } = table;
  const matching = query.q ? results.rows.filter((r) => matchesSearch(r.unitName, query.q ?? "")) : results.rows;
  const shown = matching.slice((page - 1) * pageSize, page * pageSize);
  return {
    round,
    frozen,
    version,
    versions,
    results: { mains: results.mains, criteria: results.criteria },
    rows: shown.map(({ criteria: _criteria, ...row }) => row),
    total: matching.length,
    page,
    pageSize,
    summary: table.summary,
    previous: previous?.summary ?? null,
    changes: previous ? compareWithPrevious(shown, previous.rows) : {},
  };
}

/**
 * One agency's result in full, for whoever may read the league table: every criterion, its main indicators
 * against the group, the criteria it lost points on (with the rank it would hold with them), its change and trend
 * against earlier published rounds, and the plan tasks linked to its lost criteria.
 */
export async function getAgencyResult(
  ctx: TServiceContext,
  roundId: string,
  unitId: string,
  version?: number,
): Promise<TAgencyResult> {
  const { loaded, frozen, version: shown, table, previous } = await resultsOf(ctx, roundId, version);
  const row = table.results.rows.find((r) => r.unitId === unitId);
  if (!row) throw notFound("cơ quan trong đợt đánh giá");
  const lost = lostCriteria(table.results, unitId);
  const tasks = frozen ? await linkedTasks(ctx, loaded.row.frameworkId) : {};
  return {
    frozen,
    version: shown,
    row,
    mains: mainsAgainstGroup(table.results, unitId),
    lost,
    previous: previous?.summary ?? null,
    change: previous ? (compareWithPrevious([row], previous.rows)[unitId] ?? null) : null,
    trend: frozen ? ((await trendOf(ctx.db, loaded.row))[unitId] ?? []) : [],
    tasks: Object.fromEntries(lost.flatMap((c) => (tasks[c.code] ? [[c.code, tasks[c.code]!]] : []))),
  };
}

/** Every agency's row, for the files of the UBND decision and the council's differences. */
async function fullResults(ctx: TServiceContext, roundId: string, version?: number): Promise<TResultTable> {
  const { round, versions, version: shown, table } = await resultsOf(ctx, roundId, version);
  return { round, versions, version: shown, results: table.results };
}

/** The previous published round of the same owner and group, in the version in force (its latest). */
async function previousResults(db: TDbOrTx, row: repo.TRoundRow) {
  const previous = await repo.findPreviousPublished(db, row);
  if (!previous) return null;
  const publication = (await repo.listPublications(db, [previous.id])).at(-1);
  if (!publication) return null;
  const table = await frozenTable(db, previous.id, publication.version, previous.gradeBands);
  return {
    summary: {
      roundId: previous.id,
      name: previous.name,
      year: previous.year,
      decisionNumber: publication.decisionNumber,
    },
    rows: table.results.rows,
  };
}

/** The tasks of plans the reader sees, linked to the framework's criteria, by criterion code. */
async function linkedTasks(ctx: TServiceContext, frameworkId: string): Promise<Record<string, TLinkedTask[]>> {
  const framework = await loadFramework(ctx.db, frameworkId);
  const codes = new Map(framework.criteria.map((c) => [c.row.id, c.row.code]));
  const rows = await listTasksLinkedTo(ctx.db, [...codes.keys()], visibleScopes(ctx.actor));
  const byCode: Record<string, TLinkedTask[]> = {};
  for (const { indicatorId, ...task } of rows) {
    const code = codes.get(indicatorId)!;
    byCode[code] = [...(byCode[code] ?? []), task];
  }
  return byCode;
}

/** Each agency in every earlier published round of the same owner and group, in its version in force, oldest first. */
async function trendOf(db: TDbOrTx, row: repo.TRoundRow): Promise<Record<string, TTrendPoint[]>> {
  const earlier = await repo.listEarlierPublished(db, row);
  const publications = await repo.listPublications(
    db,
    earlier.map((r) => r.id),
  );
  const trend: Record<string, TTrendPoint[]> = {};
  for (const round of earlier) {
    // Versions come in ascending order: the last one of a round is the one in force.
    const inForce = publications.filter((p) => p.roundId === round.id).at(-1);
    const table = inForce ? await frozenTable(db, round.id, inForce.version, round.gradeBands) : null;
    for (const r of table?.results.rows ?? []) {
      const points = trend[r.unitId] ?? [];
      points.push({
        roundId: round.id,
        year: round.year,
        total: r.total,
        maxTotal: r.maxTotal,
        grade: r.grade,
        rank: r.rank,
        of: r.of,
      });
      trend[r.unitId] = points;
    }
  }
  return trend;
}

/** Every criterion where the council's points differ from the agency's, with the reason, for the council meeting. */
export async function listDifferences(ctx: TServiceContext, roundId: string): Promise<TDifference[]> {
  return withReasons(ctx, roundId, await fullResults(ctx, roundId));
}

async function withReasons(ctx: TServiceContext, roundId: string, view: TResultTable): Promise<TDifference[]> {
  const { row } = await loadRound(ctx.db, roundId);
  const framework = await loadFramework(ctx.db, row.frameworkId);
  const entries = await repo.listEntries(ctx.db, roundId);
  const codeOf = new Map(framework.criteria.map((c) => [c.row.id, c.row]));
  const reasons = new Map(entries.map((e) => [`${e.unitId}|${codeOf.get(e.indicatorId)?.code}`, e.appraisalReason]));
  return view.results.rows.flatMap((r) =>
    view.results.criteria
      .filter((c) => r.criteria[c.code] && r.criteria[c.code]!.self !== r.criteria[c.code]!.final)
      .map((c) => {
        const points = r.criteria[c.code]!;
        return {
          unitName: r.unitName,
          code: c.code,
          name: c.name,
          selfPoints: points.self,
          appraisedPoints: points.final,
          difference: roundPoints(points.final - points.self),
          reason: reasons.get(`${r.unitId}|${c.code}`) ?? null,
        };
      }),
  );
}

/** Publishes the results with the decision's number and date; from now on they are frozen. */
export async function publish(ctx: TServiceContext, roundId: string, input: TPublish): Promise<TRoundResultView> {
  await ctx.db.transaction(async (tx) => {
    const loaded = await loadRound(tx, roundId, { forUpdate: true });
    ensureCan(ctx.actor, "assessment.manage", loaded.ref);
    refuseIfPublished(loaded.row);
    if (loaded.row.status !== "appraising")
      throw new AppError("CONFLICT", "Chỉ công bố khi đợt đánh giá đã qua thẩm định.");
    const results = await computeResults(tx, loaded);
    await repo.insertPublication(tx, {
      roundId,
      version: 1,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      reason: null,
      results,
      publishedBy: ctx.actor.id,
      publishedAt: ctx.clock(),
    });
    await repo.updateRound(tx, roundId, { status: "published" });
    await audit(tx, ctx, "assessment.publish", roundId, input);
  });
  return getResults(ctx, roundId);
}

/** A correction (đính chính): changed points with reasons, published as a new version; the earlier ones stay. */
export async function correct(ctx: TServiceContext, roundId: string, input: TCorrection): Promise<TRoundResultView> {
  await ctx.db.transaction(async (tx) => {
    const loaded = await loadRound(tx, roundId, { forUpdate: true });
    ensureCan(ctx.actor, "assessment.manage", loaded.ref);
    if (loaded.row.status !== "published") throw new AppError("CONFLICT", "Chỉ đính chính kết quả đã công bố.");
    const framework = await loadFramework(tx, loaded.row.frameworkId);
    for (const change of input.changes) {
      const criterion = framework.criteria.find((c) => c.row.id === change.indicatorId);
      if (!criterion) throw notFound("tiêu chí của bộ chỉ số");
      if (!loaded.ref.unitIds.includes(change.unitId)) throw notFound("cơ quan trong đợt đánh giá");
      if (change.points > criterion.row.maxScore) {
        throw new AppError("VALIDATION_FAILED", `Điểm của tiêu chí ${criterion.row.code} vượt điểm tối đa.`);
      }
      await repo.upsertEntry(
        tx,
        { roundId, unitId: change.unitId, indicatorId: change.indicatorId },
        {
          appraisedPoints: change.points,
          appraisalReason: change.reason,
          appraisedBy: ctx.actor.id,
          appraisedAt: ctx.clock(),
        },
      );
    }
    const previous = await repo.listPublications(tx, [roundId]);
    await repo.insertPublication(tx, {
      roundId,
      version: (previous.at(-1)?.version ?? 0) + 1,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      reason: input.reason,
      results: await computeResults(tx, loaded),
      publishedBy: ctx.actor.id,
      publishedAt: ctx.clock(),
    });
    await audit(tx, ctx, "assessment.correct", roundId, { reason: input.reason, changes: input.changes.length });
  });
  return getResults(ctx, roundId);
}

function audit(tx: TDbOrTx, ctx: TServiceContext, action: string, roundId: string, after: unknown) {
  return recordAudit(tx, {
    actorId: ctx.actor.id,
    action,
    entityType: "assessment_round",
    entityId: roundId,
    after,
    ip: ctx.ip,
  });
}

/** The Word and Excel writers, loaded with the first file (docx and exceljs are a tenth of the server's start-up). */
const loadOutputs = () => import("./outputs.ts");

/** The result table for the UBND decision, as Excel or Word (NĐ 30/2020), with the numbers of the results view. */
export async function resultsFile(ctx: TServiceContext, roundId: string, format: "xlsx" | "docx", version?: number) {
  const view = await fullResults(ctx, roundId, version);
  const { DOCX_TYPE, XLSX_TYPE, resultsDocx, resultsWorkbook } = await loadOutputs();
  const fileName = `ket-qua-danh-gia-${view.round.year}${view.version ? `-v${view.version}` : "-tam-tinh"}.${format}`;
  if (format === "xlsx") return { fileName, contentType: XLSX_TYPE, body: await resultsWorkbook(view) };
  const settings = await getProvinceSettings(ctx.db);
  return { fileName, contentType: DOCX_TYPE, body: await resultsDocx(view, settings.province) };
}

/** One agency's scoring sheet as Excel: read through getSheet, so the same rule decides who may have it. */
export async function sheetFile(ctx: TServiceContext, roundId: string, unitId: string) {
  const sheet = await getSheet(ctx, roundId, unitId);
  const round = await repo.findRound(ctx.db, roundId);
  const { XLSX_TYPE, sheetWorkbook } = await loadOutputs();
  return {
    fileName: `phieu-cham-diem-${round?.year ?? ""}-${foldVietnamese(sheet.unitName).replace(/[^a-z0-9]+/g, "-")}.xlsx`,
    contentType: XLSX_TYPE,
    body: await sheetWorkbook(sheet),
  };
}

/** The council's differences as Excel, the rows of the differences view. */
export async function differencesFile(ctx: TServiceContext, roundId: string) {
  const differences = await listDifferences(ctx, roundId);
  const round = await repo.findRound(ctx.db, roundId);
  const { XLSX_TYPE, differencesWorkbook } = await loadOutputs();
  return {
    fileName: `chenh-lech-tham-dinh-${round?.year ?? ""}.xlsx`,
    contentType: XLSX_TYPE,
    body: await differencesWorkbook(round?.name ?? "", differences),
  };
}
