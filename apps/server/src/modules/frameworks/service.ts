import {
  blankToNull,
  buildTree,
  can,
  defaultOwnerUnitId,
  PROVINCE_PATH,
  type TAssignedUnit,
  type TAssignmentUpdate,
  type TFrameworkCalendar,
  type TFrameworkClone,
  type TFrameworkCreate,
  type TFrameworkDetail,
  type TFrameworkUpdate,
  type TIndicatorAssignment,
  type TIndicatorCreate,
  type TIndicatorMove,
  type TIndicatorUpdate,
  type TScopeRef,
  type TTree,
  validateFramework,
  visibleScopes,
  withCooperatingPreview,
  ZFrameworkDetail,
} from "@chiso/core";
import { z } from "zod";
import { readAll, type TDbOrTx, type TTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { findUnitPath } from "../units/repo.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import { presentAssignment, presentFramework, presentIndicator } from "./present.ts";
import * as repo from "./repo.ts";

/**
 * Details of published frameworks, kept while their stamp (status, last edit, assignment rows, unit names) is
 * unchanged: a published tree is fixed and the dashboard and exports read it on every load. The stamp is read
 * from the database on each call, so an assignment changed through another instance is seen at once.
 */
const publishedDetails = new Map<string, { stamp: string; detail: TFrameworkDetail; json?: string }>();

/**
 * A framework with its indicators (flat, ordered) and each indicator's lead and EVERY cooperating unit, for the
 * server's own use (exports, clone, dashboards, validation). What the API sends is cut by withCooperatingPreview:
 * never hand that to code that needs whole lists.
 */
export async function getFrameworkDetail(db: TDbOrTx, id: string): Promise<TFrameworkDetail> {
  const stamp = await repo.findDetailStamp(db, id);
  if (!stamp) throw notFound("bộ chỉ số");
  const cached = stamp.published ? publishedDetails.get(id) : undefined;
  if (cached?.stamp === stamp.key) return cached.detail;
  const framework = await repo.findFramework(db, id);
  if (!framework) throw notFound("bộ chỉ số");
  const [indicators, assignments] = await readAll(db, [
    () => repo.listIndicators(db, id),
    () => repo.listAssignments(db, id),
  ]);
  const leads = new Map<string, TAssignedUnit>();
  const cooperating = new Map<string, TAssignedUnit[]>();
  for (const a of assignments) {
    const unit = { unitId: a.unitId, unitName: a.unitName, shortName: a.shortName };
    if (a.role === "lead") leads.set(a.indicatorId, unit);
    else {
      const list = cooperating.get(a.indicatorId);
      if (list) list.push(unit);
      else cooperating.set(a.indicatorId, [unit]);
    }
  }
  const detail = {
    ...presentFramework(framework),
    indicators: indicators.map((i) => presentIndicator(i, leads.get(i.id) ?? null, cooperating.get(i.id) ?? [])),
  };
  if (stamp.published) publishedDetails.set(id, { stamp: stamp.key, detail });
  else publishedDetails.delete(id);
  return detail;
}

/**
 * The detail as the API sends it: each indicator's first cooperating units and their count
 * (withCooperatingPreview; the whole list of one indicator is getIndicatorAssignment). A published framework's
 * JSON is kept with its cached detail: encoding it through the response schema on each request cost 60–680 ms
 * when it carried every cooperating unit (4.4 MB at province scale). Encoded the same way the route's serializer
 * would.
 */
export async function getFrameworkDetailForApi(db: TDbOrTx, id: string) {
  const full = await getFrameworkDetail(db, id);
  const detail = withCooperatingPreview(full);
  const encode = () => JSON.stringify(z.encode(ZFrameworkDetail, detail));
  const cached = publishedDetails.get(id);
  if (cached?.detail !== full) return { detail, json: encode() };
  cached.json ??= encode();
  return { detail, json: cached.json };
}

/** One indicator's lead and every cooperating unit (the detail lists only the first few). */
export async function getIndicatorAssignment(
  db: TDbOrTx,
  frameworkId: string,
  indicatorId: string,
): Promise<TIndicatorAssignment> {
  const indicator = await repo.findIndicator(db, indicatorId);
  if (!indicator || indicator.frameworkId !== frameworkId) throw notFound("chỉ số");
  return presentAssignment(indicatorId, await repo.listIndicatorAssignments(db, indicatorId));
}

/** The frameworks of the scopes the actor sees. */
export function listFrameworks(ctx: TServiceContext) {
  return repo.listFrameworks(ctx.db, visibleScopes(ctx.actor));
}

/** The scope that owns a framework, for the policy. */
export async function frameworkScope(db: TDbOrTx, id: string): Promise<TScopeRef> {
  const path = await repo.findFrameworkOwnerPath(db, id);
  if (!path) throw notFound("bộ chỉ số");
  return { scopePath: path };
}

/** The scope that owns an indicator's framework. */
export async function indicatorScope(db: TDbOrTx, indicatorId: string): Promise<TScopeRef> {
  const indicator = await repo.findIndicator(db, indicatorId);
  if (!indicator) throw notFound("chỉ số");
  return frameworkScope(db, indicator.frameworkId);
}

/** The scope an owner id names: the province for none. */
export async function ownerScope(db: TDbOrTx, ownerUnitId: string | null | undefined): Promise<TScopeRef> {
  if (!ownerUnitId) return { scopePath: PROVINCE_PATH };
  const path = await findUnitPath(db, ownerUnitId);
  if (!path) throw notFound("cơ quan sở hữu");
  return { scopePath: path };
}

/** The indicators of a detail in the shape validation needs. */
export function validatable(detail: TFrameworkDetail) {
  const codeOf = new Map(detail.indicators.map((i) => [i.id, i.code]));
  return detail.indicators.map((i) => ({ ...i, parentCode: i.parentId ? (codeOf.get(i.parentId) ?? null) : null }));
}

type TIndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

async function loadFramework(tx: TDbOrTx, id: string) {
  const framework = await repo.findFramework(tx, id);
  if (!framework) throw notFound("bộ chỉ số");
  return framework;
}

/** The tree of a published framework is fixed: scores must mean the same for every unit of a year. */
async function loadEditableFramework(tx: TDbOrTx, id: string) {
  const framework = await loadFramework(tx, id);
  if (framework.status !== "draft") {
    throw new AppError(
      "CONFLICT",
      framework.status === "published"
        ? "Bộ chỉ số đã ban hành nên không sửa được. Hãy chuyển về bản nháp (nếu chưa có kỳ báo cáo dùng) hoặc sao chép thành bộ chỉ số mới."
        : "Bộ chỉ số đã lưu trữ nên không sửa được.",
    );
  }
  return framework;
}

async function codeTaken(tx: TDbOrTx, code: string) {
  if (await repo.findFrameworkByCode(tx, code)) throw new AppError("CONFLICT", `Đã có bộ chỉ số mã "${code}".`);
}

export async function createFramework(ctx: TServiceContext, input: TFrameworkCreate) {
  return ctx.db.transaction(async (tx) => {
    const ownerUnitId = defaultOwnerUnitId(ctx.actor, input.ownerUnitId);
    ensureCan(ctx.actor, "framework.edit", await ownerScope(tx, ownerUnitId));
    await codeTaken(tx, input.code);
    const id = await repo.insertFramework(tx, { ...blankToNull(input), ownerUnitId, status: "draft" });
    await audit(ctx, tx, "framework.create", id, null, input);
    return getFrameworkDetail(tx, id);
  });
}

export async function updateFramework(ctx: TServiceContext, id: string, input: TFrameworkUpdate) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadEditableFramework(tx, id);
    if (input.code && input.code !== before.code) await codeTaken(tx, input.code);
    await repo.updateFramework(tx, id, blankToNull(input));
    const after = await getFrameworkDetail(tx, id);
    await audit(ctx, tx, "framework.update", id, presentFramework(before), { ...after, indicators: undefined });
    return after;
  });
}

/**
 * Sets a framework's reporting calendar, published or not: it decides the deadlines of periods opened from now on
 * and never changes a score, so it is not locked with the tree. Archived frameworks open no more periods.
 */
export async function setFrameworkCalendar(ctx: TServiceContext, id: string, input: TFrameworkCalendar) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadFramework(tx, id);
    ensureCan(ctx.actor, "framework.edit", { scopePath: before.ownerPath });
    if (before.status === "archived") throw new AppError("CONFLICT", "Bộ chỉ số đã lưu trữ nên không sửa được.");
    await repo.updateFramework(tx, id, { deadlineRules: input.deadlineRules });
    await audit(
      ctx,
      tx,
      "framework.calendar",
      id,
      { deadlineRules: before.deadlineRules },
      { deadlineRules: input.deadlineRules },
    );
    return getFrameworkDetail(tx, id);
  });
}

export async function deleteFramework(ctx: TServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadEditableFramework(tx, id);
    await repo.deleteFramework(tx, id);
    await audit(ctx, tx, "framework.delete", id, presentFramework(before), null);
  });
}

/** Publishing checks the whole tree; every problem is returned at once so the coordinator can fix them all. */
export async function publishFramework(ctx: TServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    await loadEditableFramework(tx, id);
    const issues = validateFramework(validatable(await getFrameworkDetail(tx, id)));
    if (issues.length) {
      throw new AppError("VALIDATION_FAILED", `Chưa ban hành được: ${issues.length} lỗi cần sửa.`, issues);
    }
    await repo.updateFramework(tx, id, { status: "published", publishedAt: ctx.clock() });
    await audit(ctx, tx, "framework.publish", id, { status: "draft" }, { status: "published" });
    return getFrameworkDetail(tx, id);
  });
}

export async function setFrameworkStatus(ctx: TServiceContext, id: string, status: "draft" | "archived") {
  return ctx.db.transaction(async (tx) => {
    const before = await loadFramework(tx, id);
    const allowed = status === "draft" ? before.status === "published" : before.status !== "archived";
    if (!allowed) throw new AppError("CONFLICT", "Không chuyển được trạng thái bộ chỉ số từ trạng thái hiện tại.");
    // Once a period uses it, scores already reported must keep meaning the same: changes go into a new version.
    if (status === "draft" && (await repo.countPeriodsUsing(tx, id)) > 0) {
      throw new AppError(
        "CONFLICT",
        "Bộ chỉ số đã có kỳ báo cáo sử dụng nên không sửa được nữa. Hãy sao chép thành phiên bản mới để thay đổi.",
      );
    }
    await repo.updateFramework(tx, id, { status });
    await audit(
      ctx,
      tx,
      `framework.${status === "draft" ? "unpublish" : "archive"}`,
      id,
      { status: before.status },
      { status },
    );
    return getFrameworkDetail(tx, id);
  });
}

/** A new draft with the same tree, codes and assignment: next year's framework starts from this one. */
export async function cloneFramework(ctx: TServiceContext, id: string, input: TFrameworkClone) {
  return ctx.db.transaction(async (tx) => {
    const source = await getFrameworkDetail(tx, id);
    // Unnamed, the copy stays in the source's scope when the actor may edit there, else goes to the actor's own.
    const keepsScope = can(ctx.actor, "framework.edit", { scopePath: source.ownerPath });
    const ownerUnitId =
      input.ownerUnitId !== undefined || !keepsScope
        ? defaultOwnerUnitId(ctx.actor, input.ownerUnitId)
        : source.ownerUnitId;
    const scope = await ownerScope(tx, ownerUnitId);
    ensureCan(ctx.actor, "framework.edit", scope);
    await codeTaken(tx, input.code);
    const newId = await repo.insertFramework(tx, {
      ...input,
      ownerUnitId,
      level: source.level,
      legalBasis: source.legalBasis,
      adjustments: source.adjustments,
      deadlineRules: source.deadlineRules,
      status: "draft",
      clonedFromId: id,
    });
    const ids = new Map<string, string>();
    // Parents before children: walk the tree, since sort orders are only meaningful among siblings.
    const copy = async (nodes: TTree<TIndicatorRow>[], parentId: string | null) => {
      for (const {
        children,
        id: oldId,
        frameworkId: _f,
        parentId: _p,
        createdAt: _c,
        updatedAt: _u,
        ...fields
      } of nodes) {
        ids.set(oldId, await repo.insertIndicator(tx, { ...fields, frameworkId: newId, parentId }));
        await copy(children, ids.get(oldId)!);
      }
    };
    await copy(buildTree(await repo.listIndicators(tx, id)), null);
    // A copy for an agency's own cycle starts unassigned: the province's units are not the agency's offices.
    const keepAssignment = ownerUnitId === source.ownerUnitId;
    for (const indicator of keepAssignment ? source.indicators : []) {
      const cooperating = indicator.cooperating.map((c) => c.unitId);
      await repo.replaceAssignment(tx, newId, ids.get(indicator.id)!, indicator.lead?.unitId ?? null, cooperating);
    }
    await audit(ctx, tx, "framework.clone", newId, { from: id }, input);
    return getFrameworkDetail(tx, newId);
  });
}

async function loadIndicator(tx: TDbOrTx, id: string) {
  const indicator = await repo.findIndicator(tx, id);
  if (!indicator) throw notFound("chỉ số");
  return indicator;
}

async function checkParent(tx: TDbOrTx, frameworkId: string, parentId: string | null, movingId?: string) {
  if (!parentId) return;
  const parent = await repo.findIndicator(tx, parentId);
  if (!parent || parent.frameworkId !== frameworkId) throw notFound("chỉ số cha");
  // Walking up from the new parent must not meet the indicator being moved.
  for (let at: typeof parent | null = parent; at; at = at.parentId ? await repo.findIndicator(tx, at.parentId) : null) {
    if (at.id === movingId) throw new AppError("VALIDATION_FAILED", "Không thể chuyển chỉ số vào bên trong chính nó.");
  }
}

async function checkCodeFree(tx: TDbOrTx, frameworkId: string, code: string, exceptId?: string) {
  const existing = await repo.findIndicatorByCode(tx, frameworkId, code);
  if (existing && existing.id !== exceptId)
    throw new AppError("CONFLICT", `Mã chỉ số "${code}" đã có trong bộ chỉ số.`);
}

export async function createIndicator(ctx: TServiceContext, frameworkId: string, input: TIndicatorCreate) {
  return ctx.db.transaction(async (tx) => {
    await loadEditableFramework(tx, frameworkId);
    await checkParent(tx, frameworkId, input.parentId);
    await checkCodeFree(tx, frameworkId, input.code);
    const siblings = await repo.listSiblings(tx, frameworkId, input.parentId);
    const sortOrder = (siblings.at(-1)?.sortOrder ?? -1) + 1;
    const id = await repo.insertIndicator(tx, { ...blankToNull(input), frameworkId, sortOrder });
    await audit(ctx, tx, "indicator.create", id, null, input, "indicator");
    return id;
  });
}

export async function updateIndicator(ctx: TServiceContext, id: string, input: TIndicatorUpdate) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadIndicator(tx, id);
    await loadEditableFramework(tx, before.frameworkId);
    if (input.code && input.code !== before.code) await checkCodeFree(tx, before.frameworkId, input.code, id);
    await repo.updateIndicator(tx, id, blankToNull(input));
    await audit(ctx, tx, "indicator.update", id, before, await repo.findIndicator(tx, id), "indicator");
    return before.frameworkId;
  });
}

export async function deleteIndicator(ctx: TServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadIndicator(tx, id);
    await loadEditableFramework(tx, before.frameworkId);
    await repo.deleteIndicator(tx, id);
    await audit(ctx, tx, "indicator.delete", id, before, null, "indicator");
    return before.frameworkId;
  });
}

export async function moveIndicator(ctx: TServiceContext, id: string, input: TIndicatorMove) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadIndicator(tx, id);
    await loadEditableFramework(tx, before.frameworkId);
    await checkParent(tx, before.frameworkId, input.parentId, id);
    const siblings = (await repo.listSiblings(tx, before.frameworkId, input.parentId)).filter((s) => s.id !== id);
    const order = [...siblings.map((s) => s.id)];
    order.splice(Math.min(input.position, order.length), 0, id);
    for (const [index, siblingId] of order.entries()) {
      await repo.updateIndicator(
        tx,
        siblingId,
        siblingId === id ? { parentId: input.parentId, sortOrder: index } : { sortOrder: index },
      );
    }
    await audit(ctx, tx, "indicator.move", id, { parentId: before.parentId }, input, "indicator");
    return before.frameworkId;
  });
}

/** Assignment may change while a framework is in use (a lead agency can be reassigned mid-year), not once archived. */
export async function setAssignment(ctx: TServiceContext, indicatorId: string, input: TAssignmentUpdate) {
  return ctx.db.transaction(async (tx) => {
    const indicator = await loadIndicator(tx, indicatorId);
    const framework = await loadFramework(tx, indicator.frameworkId);
    if (framework.status === "archived")
      throw new AppError("CONFLICT", "Bộ chỉ số đã lưu trữ nên không phân công được.");
    const unitIds = [...new Set([...(input.leadUnitId ? [input.leadUnitId] : []), ...input.cooperatingUnitIds])];
    await ensureUnitsInScope(tx, await frameworkScope(tx, framework.id), unitIds);
    const before = presentAssignment(indicatorId, await repo.listIndicatorAssignments(tx, indicatorId));
    await repo.replaceAssignment(tx, framework.id, indicatorId, input.leadUnitId, [
      ...new Set(input.cooperatingUnitIds),
    ]);
    await audit(
      ctx,
      tx,
      "assignment.update",
      indicatorId,
      { lead: before.lead?.unitId ?? null, cooperating: before.cooperating.map((c) => c.unitId) },
      input,
      "indicator",
    );
    return framework.id;
  });
}

function audit(
  ctx: TServiceContext,
  tx: TTx,
  action: string,
  entityId: string,
  before: unknown,
  after: unknown,
  entityType = "framework",
) {
  return recordAudit(tx, { actorId: ctx.actor.id, action, entityType, entityId, before, after, ip: ctx.ip });
}
