import {
  NOTIFICATION_KINDS,
  type TNotificationKind,
  type TNotificationList,
  type TNotificationPreferences,
  type TNotificationPreferencesUpdate,
  type TReportAction,
  type TRole,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import { recordAudit } from "../audit/repo.ts";
import * as repo from "./repo.ts";
import * as templates from "./templates.ts";

/** Who acts for a unit and so receives its notices: its lead and its reporters (not leadership or the council). */
export const UNIT_ROLES: readonly TRole[] = ["unit_lead", "unit_reporter"];

export type TRecipients =
  | { userIds: string[] }
  | { unitIds: string[]; roles?: readonly TRole[] }
  | { role: TRole; scopePath: readonly string[] };

/**
 * Creates in-app notices inside the caller's transaction, so a notice exists exactly when the change it announces
 * was committed. E-mail follows from the outbox after commit (delivery.ts): a slow or broken mail server never
 * delays or fails the user's action. Returns the recipients notified.
 */
export async function notify(
  tx: TDbOrTx,
  input: { at: Date; to: TRecipients; notice: templates.TNotice; exceptUserId?: string | null },
): Promise<string[]> {
  const userIds = await resolveRecipients(tx, input.to);
  const recipients = [...new Set(userIds)].filter((id) => id !== input.exceptUserId);
  await repo.insertNotifications(
    tx,
    recipients.map((userId) => ({
      userId,
      kind: input.notice.kind,
      title: input.notice.title,
      body: input.notice.body,
      link: input.notice.link,
      createdAt: input.at,
    })),
  );
  return recipients;
}

async function resolveRecipients(tx: TDbOrTx, to: TRecipients): Promise<string[]> {
  if ("userIds" in to) return to.userIds;
  if ("role" in to) return repo.listUsersWithRole(tx, to.role, to.scopePath);
  return (await repo.listUnitMembers(tx, to.unitIds, to.roles ?? UNIT_ROLES)).map((u) => u.id);
}

// ——— events, called by the modules where they happen (inside their transactions) ———

/** A period opened: every unit with indicators to report in it. */
export async function notifyPeriodOpened(tx: TDbOrTx, input: { periodId: string; actorId: string; at: Date }) {
  const period = await repo.findPeriodFacts(tx, input.periodId);
  if (!period) return;
  await notify(tx, {
    at: input.at,
    to: { unitIds: await repo.listAssignedUnits(tx, period.framework_id) },
    notice: templates.periodOpened({
      periodId: period.id,
      label: period.label,
      frameworkName: period.framework_name,
      deadline: new Date(period.deadline),
    }),
    exceptUserId: input.actorId,
  });
}

/**
 * A workflow step on a report. Submitted → whoever reviews it next (the lead agency's lead for a cooperating
 * report, the coordinator for a consolidated one); verified → the appraisal council; returned or asked to explain →
 * the unit. Other steps notify nobody: the unit sees them on its work list.
 */
export async function notifyReportAction(
  tx: TDbOrTx,
  input: { reportId: string; action: TReportAction; actorId: string; comment?: string | null; at: Date },
) {
  const report = await repo.findReportFacts(tx, input.reportId);
  if (!report) return;
  const ref = {
    reportId: report.report_id,
    periodLabel: report.period_label,
    indicatorCode: report.indicator_code,
    indicatorName: report.indicator_name,
    unitName: report.unit_name,
  };
  const send = (to: TRecipients, notice: templates.TNotice) =>
    notify(tx, { at: input.at, to, notice, exceptUserId: input.actorId });
  switch (input.action) {
    case "submit":
      if (report.role === "cooperate" && report.lead_unit_id)
        await send(
          { unitIds: [report.lead_unit_id], roles: ["unit_lead"] },
          templates.reviewRequested({ ...ref, step: "review" }),
        );
      else
        await send(
          { role: "coordinator", scopePath: report.scope_path },
          templates.reviewRequested({ ...ref, step: "review" }),
        );
      return;
    case "verify":
      await send(
        { role: "appraiser", scopePath: report.scope_path },
        templates.reviewRequested({ ...ref, step: "appraisal" }),
      );
      return;
    case "return":
    case "request_explanation":
      await send(
        { unitIds: [report.unit_id] },
        templates.reportReturned({
          ...ref,
          explanation: input.action === "request_explanation",
          comment: input.comment ?? null,
        }),
      );
      return;
    default:
      return;
  }
}

/**
 * A message in a report's thread reaches everyone already in the conversation; a reviewer's message also reaches
 * the unit, and the unit's first message reaches whoever reviews it at this step.
 */
export async function notifyCommentReply(
  tx: TDbOrTx,
  input: { reportId: string; authorId: string; authorUnitId: string; body: string; at: Date },
) {
  const report = await repo.findReportFacts(tx, input.reportId);
  if (!report) return;
  const participants = await repo.listThreadParticipants(tx, input.reportId);
  const userIds = participants.map((p) => p.user_id);
  const fromUnit = input.authorUnitId === report.unit_id;
  if (!fromUnit) {
    userIds.push(...(await repo.listUnitMembers(tx, [report.unit_id], UNIT_ROLES)).map((u) => u.id));
  } else if (!participants.some((p) => p.unit_id !== report.unit_id)) {
    const reviewers =
      report.role === "cooperate" && report.lead_unit_id
        ? (await repo.listUnitMembers(tx, [report.lead_unit_id], ["unit_lead"])).map((u) => u.id)
        : await repo.listUsersWithRole(tx, "coordinator", report.scope_path);
    userIds.push(...reviewers);
  }
  await notify(tx, {
    at: input.at,
    to: { userIds },
    notice: templates.commentReply({
      reportId: report.report_id,
      periodLabel: report.period_label,
      indicatorCode: report.indicator_code,
      indicatorName: report.indicator_name,
      unitName: report.unit_name,
      authorName: (await repo.findUserName(tx, input.authorId)) ?? "",
      body: input.body,
    }),
    exceptUserId: input.authorId,
  });
}

// ——— the user's own notices and preferences ———

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listMine(
  ctx: TServiceContext,
  options: { limit: number; unreadOnly: boolean },
): Promise<TNotificationList> {
  const [items, unread] = await Promise.all([
    repo.listNotifications(ctx.db, ctx.actor.id, options),
    repo.countUnread(ctx.db, ctx.actor.id),
  ]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind as TNotificationKind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: iso(n.readAt),
    })),
  };
}

/** Read state is the user's own view, not a change to shared data: it is not audited. */
export async function markRead(ctx: TServiceContext, id: string): Promise<void> {
  if (!(await repo.markRead(ctx.db, ctx.actor.id, id, ctx.clock()))) throw notFound("thông báo");
}

export async function markAllRead(ctx: TServiceContext): Promise<number> {
  return repo.markAllRead(ctx.db, ctx.actor.id, ctx.clock());
}

export async function getPreferences(
  ctx: TServiceContext,
  emailConfigured: boolean,
): Promise<TNotificationPreferences> {
  const [stored, contact] = await Promise.all([
    repo.listPreferences(ctx.db, ctx.actor.id),
    repo.findUserContact(ctx.db, ctx.actor.id),
  ]);
  const off = new Set(stored.filter((p) => !p.email).map((p) => p.kind));
  return {
    emailConfigured,
    email: contact?.email || null,
    // E-mail is on unless turned off: the point is that owners hear about deadlines without opening the app.
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, email: !off.has(kind) })),
  };
}

export async function savePreferences(
  ctx: TServiceContext,
  input: TNotificationPreferencesUpdate,
  emailConfigured: boolean,
): Promise<TNotificationPreferences> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.listPreferences(tx, ctx.actor.id);
    // One row per kind even if a client repeats one (the last wins): an upsert may not touch a row twice.
    const kinds = [...new Map(input.kinds.map((k) => [k.kind, k.email])).entries()].map(([kind, email]) => ({
      kind,
      email,
    }));
    await repo.upsertPreferences(tx, ctx.actor.id, kinds);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "notification.preferences",
      entityType: "user",
      entityId: ctx.actor.id,
      before,
      after: kinds,
      ip: ctx.ip,
    });
  });
  return getPreferences(ctx, emailConfigured);
}
