import {
  DEFAULT_DEADLINE_RULES,
  deadlineFor,
  describeDeadlineRule,
  periodLabel,
  periodWindow,
  type TDeadlineRule,
  type TExtensionCreate,
  type TPeriod,
  type TPeriodCreate,
  type TPeriodUpdate,
  type TReportingPeriodKind,
  type TScopeRef,
  visibleScopes,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { findFramework } from "../frameworks/repo.ts";
import { notifyPeriodOpened } from "../notifications/service.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import * as repo from "./repo.ts";

/** The scope that runs a period's cycle, for the policy. */
export async function periodScope(db: TDbOrTx, id: string): Promise<TScopeRef> {
  const path = await repo.findPeriodOwnerPath(db, id);
  if (!path) throw notFound("kỳ báo cáo");
  return { scopePath: path };
}

/** The periods of the scopes the actor sees. */
export async function listPeriods(ctx: TServiceContext, frameworkId?: string): Promise<TPeriod[]> {
  const { db } = ctx;
  const rows = await repo.listPeriods(db, visibleScopes(ctx.actor), frameworkId);
  const extensions = await repo.listExtensions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    ...presentRule(row),
    deadline: row.deadline.toISOString(),
    extensions: extensions
      .filter((e) => e.periodId === row.id)
      .map(({ periodId: _p, ...e }) => ({ ...e, deadline: e.deadline.toISOString() })),
  }));
}

export async function getPeriod(db: TDbOrTx, id: string): Promise<TPeriod> {
  const row = await repo.findPeriod(db, id);
  if (!row) throw notFound("kỳ báo cáo");
  const extensions = await repo.listExtensions(db, [id]);
  return {
    ...row,
    ...presentRule(row),
    deadline: row.deadline.toISOString(),
    extensions: extensions.map(({ periodId: _p, ...e }) => ({ ...e, deadline: e.deadline.toISOString() })),
  };
}

function presentRule(row: { kind: TReportingPeriodKind; deadlineRule: TDeadlineRule | null }) {
  return { deadlineRuleText: row.deadlineRule ? describeDeadlineRule(row.deadlineRule, row.kind) : null };
}

/** Opens a reporting period on a published framework, with the plan's default window and deadline unless given. */
export async function openPeriod(ctx: TServiceContext, input: TPeriodCreate): Promise<TPeriod> {
  const maxIndex = { quarter: 4, half: 2, year: 1 }[input.kind];
  if (input.index > maxIndex) throw new AppError("VALIDATION_FAILED", `Kỳ ${input.index} không có trong loại kỳ này.`);
  const id = await ctx.db.transaction(async (tx) => {
    const framework = await findFramework(tx, input.frameworkId);
    if (!framework) throw notFound("bộ chỉ số");
    ensureCan(ctx.actor, "period.manage", { scopePath: framework.ownerPath });
    if (framework.status !== "published") {
      throw new AppError("CONFLICT", "Chỉ mở kỳ báo cáo cho bộ chỉ số đã ban hành.");
    }
    if (await repo.findPeriodBySlot(tx, input.frameworkId, input.kind, input.year, input.index)) {
      throw new AppError(
        "CONFLICT",
        `Kỳ ${periodLabel(input.kind, input.year, input.index)} đã được mở cho bộ chỉ số này.`,
      );
    }
    // A period belongs to its framework's year; another year needs the coordinator's reason (a framework kept on
    // while next year's is not yet issued), so a mistyped year does not silently open a period on the wrong rules.
    const outOfYearReason = input.outOfYearReason?.trim() || null;
    if (input.year !== framework.year && (!outOfYearReason || outOfYearReason.length < 5)) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Kỳ ${periodLabel(input.kind, input.year, input.index)} không thuộc năm ${framework.year} của bộ chỉ số: vui lòng ghi lý do mở kỳ ngoài năm của bộ chỉ số (ít nhất 5 ký tự).`,
      );
    }
    const rule = framework.deadlineRules[input.kind] ?? DEFAULT_DEADLINE_RULES[input.kind];
    const window = periodWindow(input.kind, input.year, input.index);
    const windowStart = input.windowStart ?? window.start;
    const windowEnd = input.windowEnd ?? window.end;
    if (windowStart > windowEnd)
      throw new AppError("VALIDATION_FAILED", "Ngày bắt đầu số liệu phải trước ngày kết thúc.");
    const periodId = await repo.insertPeriod(tx, {
      frameworkId: input.frameworkId,
      kind: input.kind,
      year: input.year,
      index: input.index,
      label: periodLabel(input.kind, input.year, input.index),
      windowStart,
      windowEnd,
      deadline: new Date(input.deadline ?? deadlineFor(rule, input.kind, input.year, input.index)),
      deadlineRule: input.deadline ? null : rule,
      outOfYearReason: input.year !== framework.year ? outOfYearReason : null,
    });
    await notifyPeriodOpened(tx, { periodId, actorId: ctx.actor.id, at: ctx.clock() });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "period.open",
      entityType: "period",
      entityId: periodId,
      after: input,
      ip: ctx.ip,
    });
    return periodId;
  });
  return getPeriod(ctx.db, id);
}

export async function updatePeriod(ctx: TServiceContext, id: string, input: TPeriodUpdate): Promise<TPeriod> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findPeriod(tx, id);
    if (!before) throw notFound("kỳ báo cáo");
    await repo.updatePeriod(tx, id, {
      ...(input.deadline !== undefined && { deadline: new Date(input.deadline) }),
      ...(input.isClosed !== undefined && { isClosed: input.isClosed }),
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "period.update",
      entityType: "period",
      entityId: id,
      before,
      after: input,
      ip: ctx.ip,
    });
  });
  return getPeriod(ctx.db, id);
}

/** A later deadline for one unit, with the reason the coordinator gave; it replaces an earlier extension. */
export async function grantExtension(
  ctx: TServiceContext,
  periodId: string,
  input: TExtensionCreate,
): Promise<TPeriod> {
  await ctx.db.transaction(async (tx) => {
    const period = await repo.findPeriod(tx, periodId);
    if (!period) throw notFound("kỳ báo cáo");
    await ensureUnitsInScope(tx, await periodScope(tx, periodId), [input.unitId]);
    const deadline = new Date(input.deadline);
    if (deadline <= period.deadline) {
      throw new AppError("VALIDATION_FAILED", "Hạn gia hạn phải sau hạn chung của kỳ báo cáo.");
    }
    const before = await repo.findExtension(tx, periodId, input.unitId);
    await repo.upsertExtension(tx, {
      periodId,
      unitId: input.unitId,
      deadline,
      reason: input.reason,
      grantedBy: ctx.actor.id,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "period.extend",
      entityType: "period",
      entityId: periodId,
      before,
      after: input,
      ip: ctx.ip,
    });
  });
  return getPeriod(ctx.db, periodId);
}
