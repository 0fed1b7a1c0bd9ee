import { formatDateVi, type TPlanReview, type TPlanReviewInput } from "@chiso/core";
import type { TServiceContext } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import * as repo from "./repo.ts";
import { createTaskIn } from "./service.ts";

/**
 * Records a review meeting of a plan (seed 001: "hội nghị sơ kết đánh giá DTI 06 tháng/lần … đề xuất điều chỉnh
 * giải pháp"): its date, participants and summary, and each conclusion as a task of the plan under a section named
 * after the meeting — so the lead unit finds it in its own task list and reports progress on it like any task.
 */
export async function recordReview(ctx: TServiceContext, planId: string, input: TPlanReviewInput) {
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlanRow(tx, planId);
    if (!plan) throw notFound("kế hoạch");
    const scope = { scopePath: plan.ownerPath };
    ensureCan(ctx.actor, "plan.recordReview", scope);
    await ensureUnitsInScope(
      tx,
      scope,
      input.conclusions.flatMap((c) => [c.leadUnitId, ...c.cooperatingUnitIds]),
    );
    const section = await createTaskIn(tx, ctx, plan, {
      parentId: null,
      isSection: true,
      content: `Kết luận ${input.title} ngày ${formatDateVi(input.heldOn)}`,
    });
    for (const conclusion of input.conclusions) {
      await createTaskIn(tx, ctx, plan, {
        parentId: section,
        isSection: false,
        content: conclusion.content,
        timeframeText: conclusion.timeframeText ?? null,
        leadUnitIds: [conclusion.leadUnitId],
        cooperatingUnitIds: conclusion.cooperatingUnitIds,
      });
    }
    const id = await repo.insertReview(tx, {
      planId,
      heldOn: input.heldOn,
      title: input.title,
      participants: input.participants,
      summary: input.summary ?? null,
      sectionTaskId: section,
      createdBy: ctx.actor.id,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "plan.review",
      entityType: "plan",
      entityId: planId,
      after: { reviewId: id, ...input },
      ip: ctx.ip,
    });
    return id;
  });
}

/** A plan's review meetings, newest first, each with its conclusions as they stand now. */
export async function listReviews(ctx: TServiceContext, planId: string): Promise<TPlanReview[]> {
  const reviews = await repo.listReviews(ctx.db, planId);
  const sections = reviews.map((r) => r.sectionTaskId).filter((id): id is string => id !== null);
  const conclusions = await repo.listReviewConclusions(ctx.db, sections);
  return reviews.map((r) => ({
    id: r.id,
    heldOn: r.heldOn,
    title: r.title,
    participants: r.participants,
    summary: r.summary,
    createdAt: r.createdAt.toISOString(),
    conclusions: conclusions.filter((c) => c.sectionId === r.sectionTaskId).map(({ sectionId: _s, ...c }) => c),
  }));
}
