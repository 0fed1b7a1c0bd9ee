import type { TNotificationKind, TProgressCalendar, TReportStatus, TRole } from "@chiso/core";
import { and, count, desc, eq, inArray, isNull, not, or, sql } from "drizzle-orm";
import { isoUtc, queryRows, type TDbOrTx } from "../../db/client.ts";
import { notificationPreferences, notifications, reminderLog, userRoles, users } from "../../db/schema.ts";

// ——— notifications ———

export interface TNotificationInsert {
  userId: string;
  kind: TNotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
}

export async function insertNotifications(db: TDbOrTx, rows: TNotificationInsert[]): Promise<void> {
  if (rows.length) await db.insert(notifications).values(rows);
}

export function listNotifications(db: TDbOrTx, userId: string, options: { limit: number; unreadOnly: boolean }) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnread(db: TDbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's own notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: TDbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const found = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!found.length) return false;
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  return true;
}

export async function markAllRead(db: TDbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export function listPreferences(db: TDbOrTx, userId: string) {
  return db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

export async function upsertPreferences(db: TDbOrTx, userId: string, rows: { kind: string; email: boolean }[]) {
  if (!rows.length) return;
  await db
    .insert(notificationPreferences)
    .values(rows.map((r) => ({ userId, kind: r.kind, email: r.email })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { email: sql`excluded.email` },
    });
}

export async function findUserContact(db: TDbOrTx, userId: string) {
  const [row] = await db
    .select({ email: users.email, fullName: users.fullName })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

// ——— recipients ———

/** Active users holding one of the roles in these very units (their leads and reporters). */
export async function listUnitMembers(db: TDbOrTx, unitIds: string[], roles: readonly TRole[]) {
  if (!unitIds.length) return [];
  return db
    .selectDistinct({ id: users.id, unitId: userRoles.scopeUnitId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.scopeUnitId, unitIds), inArray(userRoles.role, [...roles]), not(users.isDisabled)));
}

/** Active users holding a role over a scope that contains `scopePath` (the province's holders always do). */
export async function listUsersWithRole(db: TDbOrTx, role: TRole, scopePath: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, role),
        scopePath.length > 0
          ? or(isNull(userRoles.scopeUnitId), inArray(userRoles.scopeUnitId, [...scopePath]))
          : isNull(userRoles.scopeUnitId),
        not(users.isDisabled),
      ),
    );
  return rows.map((r) => r.id);
}

/** Everyone who already wrote in a report's thread, with their unit. */
export function listThreadParticipants(db: TDbOrTx, reportId: string) {
  return queryRows<{ user_id: string; unit_id: string }>(
    db,
    sql`select distinct c.author_id as user_id, u.unit_id
        from report_comments c join users u on u.id = c.author_id
        where c.report_id = ${reportId} and not u.is_disabled`,
  );
}

// ——— facts the notices name ———

export async function findReportFacts(db: TDbOrTx, reportId: string) {
  const [row] = await queryRows<{
    report_id: string;
    unit_id: string;
    unit_name: string;
    role: "lead" | "cooperate";
    status: TReportStatus;
    period_label: string;
    indicator_code: string;
    indicator_name: string;
    lead_unit_id: string | null;
    /** The path of the scope running the report's cycle ([] for the province). */
    scope_path: string[];
  }>(
    db,
    sql`select r.id as report_id, r.unit_id, u.name as unit_name, r.role, r.status, p.label as period_label,
               i.code as indicator_code, i.name as indicator_name, lead.unit_id as lead_unit_id,
               coalesce((select o.path from frameworks f join units o on o.id = f.owner_unit_id
                         where f.id = p.framework_id), '{}'::uuid[]) as scope_path
        from reports r
        join units u on u.id = r.unit_id
        join periods p on p.id = r.period_id
        join indicators i on i.id = r.indicator_id
        left join assignments lead on lead.indicator_id = r.indicator_id and lead.role = 'lead'
        where r.id = ${reportId}`,
  );
  return row ?? null;
}

export async function findPeriodFacts(db: TDbOrTx, periodId: string) {
  const [row] = await queryRows<{
    id: string;
    label: string;
    framework_id: string;
    framework_name: string;
    deadline: string;
    is_closed: boolean;
  }>(
    db,
    sql`select p.id, p.label, p.framework_id, f.name as framework_name, ${isoUtc("p.deadline")} as deadline, p.is_closed
        from periods p join frameworks f on f.id = p.framework_id where p.id = ${periodId}`,
  );
  return row ?? null;
}

/** Units with at least one indicator of a framework to report on. */
export async function listAssignedUnits(db: TDbOrTx, frameworkId: string): Promise<string[]> {
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`select distinct a.unit_id from assignments a join units u on u.id = a.unit_id
        where a.framework_id = ${frameworkId} and u.is_active`,
  );
  return rows.map((r) => r.unit_id);
}

export async function findUserName(db: TDbOrTx, userId: string) {
  const [row] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return row?.fullName ?? null;
}

// ——— reminders: the log that makes every reminder happen once ———

const REMINDER_LOCK = 727_273;

/**
 * One scheduler run at a time across every server instance: a transaction-scoped advisory lock, released at commit.
 * A second instance does not wait for it — the first one is doing the work.
 */
export async function tryLockReminders(tx: TDbOrTx): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as locked`,
  );
  return row?.locked === true;
}

/** Claims reminder keys: returns only the ones nobody claimed before (only their claimant may send them). */
export async function claimReminderKeys(db: TDbOrTx, keys: string[], at: Date): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const claimed = new Set<string>();
  // Batches keep the statement's parameter count far below PostgreSQL's limit on a large province.
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .insert(reminderLog)
      .values(keys.slice(i, i + 1000).map((key) => ({ key, sentAt: at })))
      .onConflictDoNothing()
      .returning({ key: reminderLog.key });
    for (const row of rows) claimed.add(row.key);
  }
  return claimed;
}

/**
 * Units that still owe reports in open periods whose deadline for them (the period's, or their extension) falls in
 * [from, to], with how many reports are unfinished: not started, in draft, or returned to them.
 */
export function listUnitsBehind(db: TDbOrTx, window: { from: Date; to: Date }) {
  return queryRows<{
    period_id: string;
    period_label: string;
    unit_id: string;
    unit_name: string;
    deadline: string;
    unfinished: number;
  }>(
    db,
    sql`select p.id as period_id, p.label as period_label, a.unit_id, u.name as unit_name,
               ${isoUtc("greatest(p.deadline, coalesce(x.deadline, p.deadline))")} as deadline,
               count(*) filter (where r.id is null or r.status in ('draft', 'returned'))::int as unfinished
        from periods p
        join assignments a on a.framework_id = p.framework_id
        join units u on u.id = a.unit_id and u.is_active
        left join period_extensions x on x.period_id = p.id and x.unit_id = a.unit_id
        left join reports r on r.period_id = p.id and r.indicator_id = a.indicator_id and r.unit_id = a.unit_id
        where not p.is_closed
          and greatest(p.deadline, coalesce(x.deadline, p.deadline)) between ${window.from.toISOString()} and ${window.to.toISOString()}
        group by p.id, p.label, a.unit_id, u.name, x.deadline
        having count(*) filter (where r.id is null or r.status in ('draft', 'returned')) > 0
        order by p.id, u.name`,
  );
}

/**
 * Unfinished dated tasks of plans ending in [fromDate, toDate] (calendar days), with their lead units. The plans
 * module owns these tables; reading them here keeps the scheduler independent of its code.
 */
export function listTasksDue(db: TDbOrTx, window: { fromDate: string; toDate: string }) {
  return queryRows<{ task_id: string; number: string | null; content: string; end: string; unit_id: string }>(
    db,
    sql`select t.id as task_id, t.number, t.content, t.timeframe->>'end' as "end", tu.unit_id
        from tasks t
        join task_units tu on tu.task_id = t.id and tu.role = 'lead'
        join units u on u.id = tu.unit_id and u.is_active
        where t.status <> 'done' and not t.is_section
          and t.timeframe->>'kind' = 'range'
          and t.timeframe->>'end' between ${window.fromDate} and ${window.toDate}
        order by t.id`,
  );
}

/** Unfinished tasks of plans with a progress-report calendar, with their lead units and last update. */
export function listTasksWithProgressCalendar(db: TDbOrTx) {
  return queryRows<{
    task_id: string;
    number: string | null;
    content: string;
    unit_id: string;
    plan_code: string;
    calendar: TProgressCalendar;
    created_at: string;
    last_update_at: string | null;
  }>(
    db,
    sql`select t.id as task_id, t.number, t.content, tu.unit_id, p.code as plan_code, p.progress_calendar as calendar,
               ${isoUtc("t.created_at")} as created_at,
               ${isoUtc("(select max(x.at) from task_updates x where x.task_id = t.id)")} as last_update_at
        from tasks t
        join plans p on p.id = t.plan_id and p.progress_calendar is not null
        join task_units tu on tu.task_id = t.id and tu.role = 'lead'
        join units u on u.id = tu.unit_id and u.is_active
        where t.status <> 'done' and not t.is_section
        order by t.id`,
  );
}

// ——— e-mail delivery (the notifications table is the outbox) ———

/**
 * Claims up to `limit` notices still to e-mail and marks them sent in the same statement. FOR UPDATE SKIP LOCKED
 * lets two instances (or two runs) drain the outbox side by side without ever taking the same row; only notices
 * created since `since` are considered, so configuring SMTP later does not mail out months of history. Users
 * without an address, disabled users and kinds the user turned off are never claimed.
 */
export function claimPendingEmails(db: TDbOrTx, now: Date, since: Date, limit: number) {
  return queryRows<{
    id: string;
    title: string;
    body: string | null;
    link: string | null;
    email: string;
    full_name: string;
  }>(
    db,
    sql`update notifications n set email_sent_at = ${now.toISOString()}
        from users u
        where u.id = n.user_id and n.id in (
          select c.id from notifications c
          join users cu on cu.id = c.user_id
          where c.email_sent_at is null and c.created_at >= ${since.toISOString()}
            and cu.email is not null and cu.email <> '' and not cu.is_disabled
            and not exists (
              select 1 from notification_preferences np
              where np.user_id = c.user_id and np.kind = c.kind and not np.email)
          order by c.created_at
          limit ${limit}
          for update of c skip locked)
        returning n.id, n.title, n.body, n.link, u.email, u.full_name`,
  );
}

/** Puts a notice back in the outbox after the mail server refused it: the next run retries. */
export async function releaseEmail(db: TDbOrTx, id: string): Promise<void> {
  await db.update(notifications).set({ emailSentAt: null }).where(eq(notifications.id, id));
}
