import {
  allowedActions,
  can,
  checkReportedValues,
  consolidationRules,
  formatNumberVi,
  hasAnyValue,
  isCountedForConsolidation,
  isEditable,
  nextStatus,
  overriddenKeys,
  proposeConsolidation,
  REPORT_STATUS_LABELS,
  reportStanding,
  scoreIndicator,
  submissionWindow,
  type TAttachDocument,
  type TConsolidate,
  type TConsolidation,
  type TConsolidationRecord,
  type TIndicatorScore,
  type TOfficeWork,
  type TReportActionRequest,
  type TReportDetail,
  type TReportDocument,
  type TReportedValues,
  type TReportOpen,
  type TReportRef,
  type TReportSave,
  type TReportSaved,
} from "@chiso/core";
import { readAll, type TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, forbidden, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { presentIndicator } from "../frameworks/present.ts";
import { notifyCommentReply, notifyReportAction } from "../notifications/service.ts";
import { findUnitPath } from "../units/repo.ts";
import * as repo from "./repo.ts";
import type { TSaveContexts } from "./save-contexts.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Everything about one report that rules need: the row, its period, indicator and assignment. */
async function loadContext(db: TDbOrTx, reportId: string) {
  const report = await repo.findReport(db, reportId);
  if (!report) throw notFound("báo cáo");
  const [period, indicator, assignment, extension, unitPath] = await readAll(db, [
    () => repo.findPeriodForReport(db, report.periodId),
    () => repo.findIndicatorRow(db, report.indicatorId),
    () => repo.findAssignment(db, report.indicatorId),
    () => repo.findExtensionDeadline(db, report.periodId, report.unitId),
    () => findUnitPath(db, report.unitId),
  ]);
  if (!period || !indicator || !unitPath) throw notFound("báo cáo");
  const lead = assignment.find((a) => a.role === "lead") ?? null;
  return { report, period, indicator, assignment, lead, leadUnitId: lead?.unitId ?? null, extension, unitPath };
}

type TContext = Awaited<ReturnType<typeof loadContext>>;
/** The part of a report's context the rules read: a full context or the save's one-query context. */
type TRuleContext = Omit<NonNullable<Awaited<ReturnType<typeof repo.findSaveContext>>>, "evidenceCount">;

/** The report as the policy sees it. */
function access(c: TRuleContext): TReportRef {
  return {
    unitId: c.report.unitId,
    unitPath: c.unitPath,
    status: c.report.status,
    leadUnitId: c.leadUnitId,
    scopePath: c.period.scopePath,
  };
}

function windowOf(c: TRuleContext, now: Date) {
  return submissionWindow(
    {
      periodDeadline: c.period.deadline,
      extensionDeadline: c.extension,
      explanationDueAt: c.report.explanationDueAt,
      periodClosed: c.period.isClosed,
    },
    now,
  );
}

/**
 * The self-assessed score. A judgement criterion (rule "manual") has no formula: the unit's proposed points are its
 * self points, so the self-assessed total is whole; the appraised points still override them.
 */
function score(
  c: Pick<TRuleContext, "indicator" | "report">,
  values: TReportedValues,
  evidenceCount: number,
  proposal: { points: number | null; explanation: string | null } = {
    points: c.report.proposedPoints,
    explanation: c.report.proposedExplanation,
  },
): TIndicatorScore | null {
  const rule = c.indicator.rule;
  if (!rule) return null;
  const scored = scoreIndicator({
    code: c.indicator.code,
    maxScore: c.indicator.maxScore,
    rule,
    values,
    manualPoints: proposal.points,
    evidence: { required: c.indicator.evidenceRequired, count: evidenceCount },
    unitLabel: c.indicator.unitOfMeasure ?? undefined,
  });
  // the council and the exports read why the unit proposed these points beside them
  if (rule.type === "manual" && proposal.points !== null && proposal.explanation)
    return { ...scored, explanation: `${scored.explanation} — đơn vị đề xuất: ${proposal.explanation}` };
  return scored;
}

async function loadReadable(ctx: TServiceContext, reportId: string) {
  const c = await loadContext(ctx.db, reportId);
  ensureCan(ctx.actor, "report.read", access(c));
  return c;
}

export async function getReportDetail(ctx: TServiceContext, reportId: string): Promise<TReportDetail> {
  const c = await loadReadable(ctx, reportId);
  const [documents, events, comments, unitName, consolidation] = await Promise.all([
    repo.listReportDocuments(ctx.db, reportId),
    repo.listEvents(ctx.db, reportId),
    repo.listComments(ctx.db, reportId),
    repo.findUnitName(ctx.db, c.report.unitId),
    c.report.role === "lead" ? consolidationOf(ctx.db, c) : null,
  ]);
  const actorContext = reportStanding(ctx.actor, access(c));
  const window = windowOf(c, ctx.clock());
  const r = c.report;
  return {
    id: r.id,
    role: r.role,
    status: r.status,
    values: r.values,
    note: r.note,
    selfPoints: r.selfPoints,
    selfExplanation: r.selfExplanation,
    proposedPoints: r.proposedPoints,
    proposedExplanation: r.proposedExplanation,
    appraisedPoints: r.appraisedPoints,
    appraisalComment: r.appraisalComment,
    explanationDueAt: iso(r.explanationDueAt),
    submittedAt: iso(r.submittedAt),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    period: {
      id: c.period.id,
      label: c.period.label,
      frameworkId: c.period.frameworkId,
      frameworkName: c.period.frameworkName,
    },
    unit: { id: r.unitId, name: unitName ?? "" },
    leadUnit: c.lead ? { id: c.lead.unitId, name: c.lead.unitName } : null,
    indicator: presentIndicator(
      c.indicator,
      c.lead ? { unitId: c.lead.unitId, unitName: c.lead.unitName, shortName: null } : null,
      c.assignment
        .filter((a) => a.role === "cooperate")
        .map((a) => ({ unitId: a.unitId, unitName: a.unitName, shortName: null })),
    ),
    window,
    editable: isEditable(r.status) && actorContext.actsForUnit && window.open,
    allowedActions: allowedActions(r, actorContext),
    canComment: can(ctx.actor, "report.comment", access(c)),
    documents,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    comments: comments.map((m) => ({ ...m, at: m.at.toISOString() })),
    consolidation,
  };
}

/** The lead's view of its cooperating units: their figures side by side and the sums the framework's rules give. */
async function consolidationOf(db: TDbOrTx, c: TContext): Promise<TConsolidation> {
  const rules = consolidationRules(c.indicator);
  const rows = (await repo.listCooperatingReports(db, c.report.periodId, c.report.indicatorId)).map((r) => ({
    unitId: r.unitId,
    unitName: r.unitName,
    reportId: r.reportId,
    status: r.status,
    values: r.values ?? {},
    counted: isCountedForConsolidation(r.status),
    evidenceCount: r.evidenceCount ?? 0,
  }));
  return { rules, rows, proposed: proposeConsolidation(rules, rows), record: c.report.consolidation };
}

/**
 * The lead accepts the proposed consolidated values, or overrides some of them with a reason; the values go into
 * its report (rescored) and the breakdown it saw is kept with them, so the export and a later reader see why.
 */
export async function consolidateReport(ctx: TServiceContext, reportId: string, input: TConsolidate) {
  const c = await loadContext(ctx.db, reportId);
  ensureCan(ctx.actor, "report.consolidate", access(c));
  assertEditable(ctx, c);
  const view = await consolidationOf(ctx.db, c);
  const summed = Object.keys(view.proposed);
  if (summed.length === 0)
    throw new AppError("CONFLICT", "Chỉ số này không có số liệu cộng dồn từ các đơn vị phối hợp.");
  const foreign = Object.keys(input.values).filter((key) => !summed.includes(key));
  if (foreign.length)
    throw new AppError("VALIDATION_FAILED", `Ô nhập "${foreign[0]}" không được tổng hợp từ các đơn vị phối hợp.`);
  const overridden = overriddenKeys(view.proposed, input.values);
  const reason = input.reason?.trim() || null;
  if (overridden.length && (!reason || reason.length < 5))
    throw new AppError(
      "VALIDATION_FAILED",
      "Giá trị khác số tổng hợp từ các đơn vị phối hợp: vui lòng ghi lý do (ít nhất 5 ký tự).",
    );
  const chosen = Object.fromEntries(
    summed.map((key) => [key, key in input.values ? input.values[key]! : view.proposed[key]!]),
  );
  const values = { ...c.report.values, ...chosen };
  const problems = checkReportedValues(c.indicator, values);
  if (problems.length) throw new AppError("VALIDATION_FAILED", problems.join(" "));
  const record: TConsolidationRecord = {
    values: chosen,
    proposed: view.proposed,
    overridden,
    reason: overridden.length ? reason : null,
    // what was summed, as it stood; where each report lives and its documents are today's facts, not the record's
    breakdown: view.rows.map(({ reportId: _id, evidenceCount: _count, ...row }) => row),
    at: ctx.clock().toISOString(),
    byName: await repo.findUserName(ctx.db, ctx.actor.id),
  };
  await ctx.db.transaction(async (tx) => {
    const fresh = await lockForChange(tx, c, input.version);
    assertEditable(ctx, fresh);
    const scored = score(c, values, await repo.countEvidence(tx, reportId));
    const saved = await repo.updateReportIfVersion(tx, reportId, input.version, {
      values,
      consolidation: record,
      selfPoints: scored?.points ?? null,
      selfExplanation: scored?.explanation ?? null,
      updatedBy: ctx.actor.id,
    });
    if (!saved) throw staleVersion();
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "report.consolidate",
      entityType: "report",
      entityId: reportId,
      before: { values: c.report.values, consolidation: c.report.consolidation },
      after: { values, overridden, reason: record.reason },
      ip: ctx.ip,
    });
  });
}

/** Finds or starts (as a draft) the report of a unit on an indicator it is assigned to, in a period. */
export async function openReport(ctx: TServiceContext, input: TReportOpen): Promise<string> {
  const unitId = input.unitId ?? ctx.actor.unitId;
  const existing = await repo.findReportBySlot(ctx.db, input.periodId, input.indicatorId, unitId);
  if (existing) {
    await loadReadable(ctx, existing.id);
    return existing.id;
  }
  const period = await repo.findPeriodForReport(ctx.db, input.periodId);
  if (!period) throw notFound("kỳ báo cáo");
  const indicator = await repo.findIndicatorRow(ctx.db, input.indicatorId);
  if (!indicator || indicator.frameworkId !== period.frameworkId) throw notFound("chỉ số trong kỳ báo cáo này");
  const assignment = (await repo.findAssignment(ctx.db, input.indicatorId)).find((a) => a.unitId === unitId);
  if (!assignment) throw new AppError("VALIDATION_FAILED", "Đơn vị không được phân công chỉ số này.");
  const unitPath = await findUnitPath(ctx.db, unitId);
  if (!unitPath) throw notFound("đơn vị");
  ensureCan(ctx.actor, "report.actFor", {
    unitId,
    unitPath,
    status: "draft",
    leadUnitId: null,
    scopePath: period.scopePath,
  });
  return ctx.db.transaction(async (tx) => {
    const report = await repo.insertReport(tx, {
      periodId: input.periodId,
      indicatorId: input.indicatorId,
      unitId,
      role: assignment.role,
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "report.open",
      entityType: "report",
      entityId: report!.id,
      ip: ctx.ip,
    });
    return report!.id;
  });
}

function assertEditable(ctx: TServiceContext, c: TRuleContext) {
  ensureCan(ctx.actor, "report.actFor", access(c));
  if (!isEditable(c.report.status)) {
    throw new AppError(
      "CONFLICT",
      `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[c.report.status].vi}" nên không sửa được.`,
    );
  }
  const window = windowOf(c, ctx.clock());
  if (!window.open) {
    throw new AppError("CONFLICT", "Đã quá hạn báo cáo của kỳ này. Liên hệ Sở KH&CN để được gia hạn.");
  }
}

/**
 * The one gate of every change to a report, inside the change's transaction: locks the row, refuses when the caller
 * saw an older version, and re-checks who may edit and the state rules on the locked, current state — so a change
 * racing a workflow step (a detach racing a submit) either lands before it or is refused after it.
 */
async function lockForChange(tx: TDbOrTx, c: TContext, version?: number) {
  const current = await repo.lockReport(tx, c.report.id);
  if (!current) throw notFound("báo cáo");
  if (version !== undefined && current.version !== version) throw staleVersion();
  const fresh: TContext = { ...c, report: { ...c.report, status: current.status, values: current.values } };
  return fresh;
}

function staleVersion() {
  return new AppError(
    "CONFLICT",
    "Báo cáo vừa được người khác lưu. Nội dung bạn nhập chưa được lưu: hãy tải lại để xem bản mới rồi nhập lại.",
  );
}

type TSaveContext = NonNullable<Awaited<ReturnType<typeof repo.findSaveContext>>>;

/**
 * Saves the values and note of a draft; the self-assessed score is recomputed from them and the evidence.
 * The deadline-day path: one query for the context (with the evidence count), then one statement that writes
 * the draft under its version check together with its audit row; it answers only what changed. The context is
 * kept for the next autosave of the same report (save-contexts.ts), which then takes one round trip.
 */
export async function saveReport(
  ctx: TServiceContext,
  reportId: string,
  input: TReportSave,
  contexts?: TSaveContexts,
): Promise<TReportSaved> {
  const kept = contexts?.get<TSaveContext>(reportId, input.version);
  if (kept) {
    const written = await writeDraft(ctx, kept, input);
    if (written) return keepContext(contexts, kept, input, written);
    contexts?.forget(reportId); // changed meanwhile: read it afresh
  }
  const c = await repo.findSaveContext(ctx.db, reportId);
  if (!c) throw notFound("báo cáo");
  const written = await writeDraft(ctx, c, input);
  if (!written) throw staleVersion();
  return keepContext(contexts, c, input, written);
}

/**
 * The rules, then the write; null when the report changed since `c` was read (version, status or evidence). Answers
 * the proposal it wrote too, for the context kept for the next autosave.
 */
async function writeDraft(ctx: TServiceContext, c: TSaveContext, input: TReportSave) {
  assertEditable(ctx, c);
  const problems = checkReportedValues(c.indicator, input.values);
  if (problems.length) throw new AppError("VALIDATION_FAILED", problems.join(" "));
  const proposal = checkProposal(c, input);
  const scored = score(c, input.values, c.evidenceCount, proposal);
  const saved = await repo.saveDraftIfVersion(ctx.db, {
    reportId: c.report.id,
    version: input.version,
    evidenceCount: c.evidenceCount,
    values: input.values,
    note: input.note,
    proposedPoints: proposal.points,
    proposedExplanation: proposal.explanation,
    selfPoints: scored?.points ?? null,
    selfExplanation: scored?.explanation ?? null,
    actorId: ctx.actor.id,
    ip: ctx.ip,
    before: { values: c.report.values, note: c.report.note, proposedPoints: c.report.proposedPoints },
    after: { values: input.values, note: input.note, proposedPoints: proposal.points },
  });
  return saved && { saved, proposal };
}

function keepContext(
  contexts: TSaveContexts | undefined,
  c: TSaveContext,
  input: TReportSave,
  { saved, proposal }: { saved: TReportSaved; proposal: { points: number | null; explanation: string | null } },
): TReportSaved {
  contexts?.keep(c.report.id, saved.version, {
    ...c,
    report: {
      ...c.report,
      status: saved.status,
      values: input.values,
      note: input.note === undefined ? c.report.note : input.note,
      proposedPoints: proposal.points,
      proposedExplanation: proposal.explanation,
    },
  } satisfies TSaveContext);
  return saved;
}

/**
 * The proposal a save leaves: kept when the save does not mention it, refused (never clamped) above the maximum,
 * only on judgement criteria, and always with an explanation the council can read.
 */
function checkProposal(c: TRuleContext, input: TReportSave): { points: number | null; explanation: string | null } {
  if (input.proposedPoints === undefined && input.proposedExplanation === undefined)
    return { points: c.report.proposedPoints, explanation: c.report.proposedExplanation };
  const points = input.proposedPoints ?? null;
  const explanation = input.proposedExplanation?.trim() || null;
  if (points === null) return { points: null, explanation };
  if (c.indicator.rule?.type !== "manual")
    throw new AppError(
      "VALIDATION_FAILED",
      `Chỉ số ${c.indicator.code} được tính điểm tự động từ số liệu nên không đề xuất điểm được.`,
    );
  if (points > c.indicator.maxScore)
    throw new AppError(
      "VALIDATION_FAILED",
      `Điểm đề xuất ${formatNumberVi(points)} vượt quá điểm tối đa ${formatNumberVi(c.indicator.maxScore)} của chỉ số ${c.indicator.code}.`,
    );
  if (!explanation || explanation.length < 5)
    throw new AppError("VALIDATION_FAILED", "Vui lòng giải thích điểm đề xuất (ít nhất 5 ký tự).");
  return { points, explanation };
}

/** Applies one workflow step, checking who acts, the deadline, the evidence guard and the version. */
export async function actOnReport(ctx: TServiceContext, reportId: string, input: TReportActionRequest) {
  const c = await loadContext(ctx.db, reportId);
  ensureCan(ctx.actor, "report.read", access(c));
  const to = nextStatus(c.report, input.action, reportStanding(ctx.actor, access(c)));
  if (!to) {
    const anyoneCould = allowedActions(c.report, {
      actsForUnit: true,
      leadsIndicator: true,
      isCoordinator: true,
      isAppraiser: true,
    });
    if (!anyoneCould.includes(input.action)) {
      throw new AppError(
        "CONFLICT",
        `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[c.report.status].vi}" nên không thực hiện được thao tác này.`,
      );
    }
    throw forbidden("Bạn không có quyền thực hiện bước này của báo cáo.");
  }
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    // The version check on the locked row: the step acts on exactly the state (and evidence) the user saw.
    const fresh = await lockForChange(tx, c, input.version);
    const changes = await changesFor(tx, fresh, input, now);
    const saved = await repo.updateReportIfVersion(tx, reportId, input.version, {
      ...changes,
      status: to,
      updatedBy: ctx.actor.id,
    });
    if (!saved) throw staleVersion();
    await repo.insertEvent(tx, {
      reportId,
      // the app's clock, as `submitted_at`: timeliness reads the first submission from these events
      at: now,
      actorId: ctx.actor.id,
      action: input.action,
      fromStatus: c.report.status,
      toStatus: to,
      comment: input.comment || null,
    });
    if (input.comment && input.action !== "submit") {
      await repo.insertComment(tx, {
        reportId,
        authorId: ctx.actor.id,
        kind: input.action === "request_explanation" ? "request" : "comment",
        body: input.comment,
      });
    }
    await notifyReportAction(tx, {
      reportId,
      action: input.action,
      actorId: ctx.actor.id,
      comment: input.comment,
      at: now,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: `report.${input.action}`,
      entityType: "report",
      entityId: reportId,
      before: { status: c.report.status },
      after: { status: to, ...changes },
      ip: ctx.ip,
    });
  });
}

/** The fields an action sets, after checking what it requires. */
async function changesFor(tx: TDbOrTx, c: TContext, input: TReportActionRequest, now: Date) {
  switch (input.action) {
    case "submit": {
      if (!windowOf(c, now).open) {
        throw new AppError(
          "CONFLICT",
          "Đã quá hạn báo cáo của kỳ này nên không gửi được. Liên hệ Sở KH&CN để được gia hạn.",
        );
      }
      if (!hasAnyValue(c.indicator, c.report.values) && c.report.proposedPoints === null)
        throw new AppError("VALIDATION_FAILED", "Chưa nhập số liệu của chỉ số.");
      const evidence = await repo.countEvidence(tx, c.report.id);
      if (c.indicator.evidenceRequired && evidence === 0) {
        throw new AppError(
          "VALIDATION_FAILED",
          "Chỉ số này bắt buộc có tài liệu kiểm chứng: hãy đính kèm ít nhất một tài liệu trước khi gửi.",
        );
      }
      const scored = score(c, c.report.values, evidence);
      return {
        submittedAt: now,
        explanationDueAt: null,
        selfPoints: scored?.points ?? null,
        selfExplanation: scored?.explanation ?? null,
      };
    }
    case "return":
      if (!input.comment) throw new AppError("VALIDATION_FAILED", "Vui lòng ghi lý do trả lại.");
      return {};
    case "request_explanation": {
      if (!input.comment) throw new AppError("VALIDATION_FAILED", "Vui lòng ghi nội dung cần giải trình, bổ sung.");
      const due = input.explanationDueAt ? new Date(input.explanationDueAt) : null;
      if (!due || due <= now)
        throw new AppError("VALIDATION_FAILED", "Vui lòng chọn hạn giải trình sau thời điểm hiện tại.");
      return { explanationDueAt: due };
    }
    case "appraise": {
      const points = input.appraisedPoints;
      if (points === undefined || points > c.indicator.maxScore) {
        // Refused, never clamped: the council must see that 35 does not fit a 30-point indicator.
        throw new AppError(
          "VALIDATION_FAILED",
          `Điểm thẩm định phải từ 0 đến ${formatNumberVi(c.indicator.maxScore)}.`,
        );
      }
      if (points !== c.report.selfPoints && !input.comment) {
        throw new AppError("VALIDATION_FAILED", "Điểm thẩm định khác điểm tự đánh giá: vui lòng ghi lý do.");
      }
      return { appraisedPoints: points, appraisalComment: input.comment || null };
    }
    default:
      return {};
  }
}

/** Adds to the report's thread; the unit's own message counts as an answer to a request. */
export async function addComment(ctx: TServiceContext, reportId: string, body: string) {
  const c = await loadContext(ctx.db, reportId);
  ensureCan(ctx.actor, "report.comment", access(c));
  await ctx.db.transaction(async (tx) => {
    await repo.insertComment(tx, {
      reportId,
      authorId: ctx.actor.id,
      kind: ctx.actor.unitId === c.report.unitId ? "answer" : "comment",
      body,
    });
    await notifyCommentReply(tx, {
      reportId,
      authorId: ctx.actor.id,
      authorUnitId: ctx.actor.unitId,
      body,
      at: ctx.clock(),
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "report.comment",
      entityType: "report",
      entityId: reportId,
      after: { body },
      ip: ctx.ip,
    });
  });
}

/**
 * Cites a document as evidence. A unit cites its own documents; the lead agency may also reuse the
 * documents cooperating units cited for the same indicator and period (consolidation).
 */
export async function attachDocument(ctx: TServiceContext, reportId: string, input: TAttachDocument) {
  const c = await loadContext(ctx.db, reportId);
  assertEditable(ctx, c);
  const owner = await repo.findDocumentOwner(ctx.db, input.documentId);
  if (!owner) throw notFound("tài liệu");
  const own = owner.unitId === c.report.unitId;
  // Only a document of another unit needs the reuse checks (each is a query): most citations are the unit's own.
  const reusable =
    own ||
    (c.report.role === "lead" &&
      (await repo.isCitedBySiblingReport(ctx.db, input.documentId, c.report.periodId, c.report.indicatorId))) ||
    (await officeWorkOf(ctx.db, c)).some((w) => w.documents.some((d) => d.id === input.documentId));
  if (!own && !reusable)
    throw forbidden(
      "Chỉ đính kèm được tài liệu của đơn vị mình, của cơ quan phối hợp cùng chỉ số hoặc của các phòng thuộc đơn vị.",
    );
  await ctx.db.transaction(async (tx) => {
    const fresh = await lockForChange(tx, c, input.version);
    assertEditable(ctx, fresh);
    await repo.attachDocument(tx, {
      reportId,
      documentId: input.documentId,
      citation: input.citation ?? null,
      attachedBy: ctx.actor.id,
    });
    await rescore(tx, fresh);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "report.attach",
      entityType: "report",
      entityId: reportId,
      after: { documentId: input.documentId, citation: input.citation ?? null },
      ip: ctx.ip,
    });
  });
}

export async function detachDocument(ctx: TServiceContext, reportId: string, documentId: string, version?: number) {
  const c = await loadContext(ctx.db, reportId);
  assertEditable(ctx, c);
  await ctx.db.transaction(async (tx) => {
    const fresh = await lockForChange(tx, c, version);
    assertEditable(ctx, fresh);
    if (!(await repo.detachDocument(tx, reportId, documentId))) throw notFound("tài liệu trong báo cáo");
    await rescore(tx, fresh);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "report.detach",
      entityType: "report",
      entityId: reportId,
      before: { documentId },
      ip: ctx.ip,
    });
  });
}

/** Evidence changes the self-assessed score (missing required evidence scores 0). */
async function rescore(tx: TDbOrTx, c: TContext) {
  const scored = score(c, c.report.values, await repo.countEvidence(tx, c.report.id));
  await repo.updateReport(tx, c.report.id, {
    selfPoints: scored?.points ?? null,
    selfExplanation: scored?.explanation ?? null,
  });
}

/**
 * Evidence a report may reuse: for the lead agency, what its cooperating units submitted; for any agency, what
 * its offices cited in the agency's own cycle on the same item (reporting up).
 */
export async function listReusableDocuments(ctx: TServiceContext, reportId: string): Promise<TReportDocument[]> {
  const c = await loadContext(ctx.db, reportId);
  if (!reportStanding(ctx.actor, access(c)).actsForUnit) return [];
  const [siblings, offices] = await Promise.all([
    c.report.role === "lead" ? repo.listSiblingDocuments(ctx.db, c.report) : [],
    officeWorkOf(ctx.db, c),
  ]);
  const byId = new Map<string, TReportDocument>(siblings.map((d) => [d.id, d]));
  for (const d of offices.flatMap((w) => w.documents)) if (!byId.has(d.id)) byId.set(d.id, d);
  return [...byId.values()];
}

/** The offices' work that feeds one agency report (reporting up): see `repo.listOfficeReports`. */
async function officeWorkOf(db: TDbOrTx, c: TContext): Promise<TOfficeWork[]> {
  const rows = await repo.listOfficeReports(db, {
    agencyUnitId: c.report.unitId,
    indicatorCode: c.indicator.code,
    year: c.period.year,
  });
  return rows.map((r) => ({
    reportId: r.report_id,
    unitName: r.unit_name,
    frameworkCode: r.framework_code,
    periodLabel: r.period_label,
    indicatorCode: r.indicator_code,
    indicatorName: r.indicator_name,
    status: r.status,
    values: r.values,
    selfPoints: r.self_points,
    maxScore: r.max_score,
    documents: r.documents,
  }));
}

/** For who acts for an agency: its offices' reports on the same item in the agency's own cycle (reporting up). */
export async function listOfficeWork(ctx: TServiceContext, reportId: string): Promise<TOfficeWork[]> {
  const c = await loadReadable(ctx, reportId);
  if (!reportStanding(ctx.actor, access(c)).actsForUnit) return [];
  return officeWorkOf(ctx.db, c);
}
