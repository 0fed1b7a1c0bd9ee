import { addDays, deadlineReminder, OVERDUE_NOTICE_DAYS, progressDue, toVietnamIso, vietnamDate } from "@chiso/core";
import type { TDb, TDbOrTx } from "../../db/client.ts";
import type { TClock } from "../../http/context.ts";
import * as repo from "./repo.ts";
import { UNIT_ROLES } from "./service.ts";
import * as templates from "./templates.ts";

interface TPlanned {
  /** user × item × milestone: the reminder log's key, claimed once for ever. */
  key: string;
  userId: string;
  notice: templates.TNotice;
}

const DAY_MS = 86_400_000;
/** A little more than the first milestone, so the 7-day reminder is in the window on its day whatever the hour. */
const LOOKAHEAD_DAYS = 8;

/**
 * Deadline reminders (7, 3 and 1 days before; once when passed) for units that still owe reports, and for the lead
 * units of unfinished dated plan tasks, and (7, 3 and 1 days before only) for the lead units of tasks whose plan's
 * progress-report calendar asks for an update not yet posted in the current window. Keys name the deadline's day, so a unit whose deadline moves (an extension,
 * a corrected period) is reminded again for the new one, and never twice for the same.
 */
async function planReminders(db: TDbOrTx, now: Date): Promise<TPlanned[]> {
  const planned: TPlanned[] = [];
  const units = await repo.listUnitsBehind(db, {
    from: new Date(now.getTime() - (OVERDUE_NOTICE_DAYS + 1) * DAY_MS),
    to: new Date(now.getTime() + LOOKAHEAD_DAYS * DAY_MS),
  });
  const today = vietnamDate(now);
  const tasks = await repo.listTasksDue(db, {
    fromDate: addDays(today, -(OVERDUE_NOTICE_DAYS + 1)),
    toDate: addDays(today, LOOKAHEAD_DAYS),
  });
  // Progress reports still owed before the next due date of their plan's calendar (an update in the window counts).
  const progress = (await repo.listTasksWithProgressCalendar(db)).flatMap((task) => {
    const due = progressDue(task.calendar, { now, lastUpdateAt: task.last_update_at, since: task.created_at });
    const reminder = due.reported ? null : deadlineReminder(due.nextDue, now);
    return reminder?.kind === "soon" ? [{ ...task, due: due.nextDue, reminder }] : [];
  });
  const members = await repo.listUnitMembers(
    db,
    [...new Set([...units, ...tasks, ...progress].map((u) => u.unit_id))],
    UNIT_ROLES,
  );
  const membersOf = (unitId: string) => members.filter((m) => m.unitId === unitId).map((m) => m.id);

  for (const row of units) {
    const reminder = deadlineReminder(row.deadline, now);
    if (!reminder) continue;
    const deadline = new Date(row.deadline);
    const facts = {
      periodId: row.period_id,
      label: row.period_label,
      unitName: row.unit_name,
      deadline,
      unfinished: row.unfinished,
    };
    const item = `${row.period_id}:${row.unit_id}`;
    const day = vietnamDate(deadline);
    for (const userId of membersOf(row.unit_id)) {
      planned.push(
        reminder.kind === "soon"
          ? {
              key: `deadline:${reminder.milestone}:${item}:${userId}:${day}`,
              userId,
              notice: templates.deadlineSoon({ ...facts, daysLeft: reminder.daysLeft }),
            }
          : { key: `overdue:${item}:${userId}:${day}`, userId, notice: templates.deadlinePassed(facts) },
      );
    }
  }

  for (const task of tasks) {
    // A task's timeframe names its last day; it is late from the next morning in Vietnam, like a period deadline.
    const reminder = deadlineReminder(toVietnamIso(`${task.end}T23:59:59`), now);
    if (!reminder) continue;
    const facts = { content: task.content, number: task.number, end: task.end };
    for (const userId of membersOf(task.unit_id)) {
      planned.push(
        reminder.kind === "soon"
          ? {
              key: `task:${reminder.milestone}:${task.task_id}:${userId}:${task.end}`,
              userId,
              notice: templates.taskDeadline({ ...facts, daysLeft: reminder.daysLeft }),
            }
          : { key: `task_overdue:${task.task_id}:${userId}:${task.end}`, userId, notice: templates.taskOverdue(facts) },
      );
    }
  }

  for (const task of progress) {
    const due = new Date(task.due);
    const day = vietnamDate(due);
    for (const userId of membersOf(task.unit_id)) {
      planned.push({
        key: `task_progress:${task.reminder.milestone}:${task.task_id}:${userId}:${day}`,
        userId,
        notice: templates.taskProgressDue({
          content: task.content,
          number: task.number,
          end: day,
          planCode: task.plan_code,
          due,
          daysLeft: task.reminder.daysLeft,
        }),
      });
    }
  }
  return planned;
}

export interface TReminderRun {
  /** False when another instance held the lock: it is sending these reminders. */
  ran: boolean;
  notices: number;
}

/**
 * Creates the notices of every reminder due now, each exactly once: under the advisory lock, in one transaction,
 * the reminder's key is claimed in the reminder log and its notice written — both or neither. A restart, a second
 * instance or an operator's run from the command line finds the keys taken and sends nothing again.
 */
export async function createDueReminders(deps: { db: TDb; clock: TClock }): Promise<TReminderRun> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    if (!(await repo.tryLockReminders(tx))) return { ran: false, notices: 0 };
    const planned = await planReminders(tx, now);
    const claimed = await repo.claimReminderKeys(
      tx,
      planned.map((p) => p.key),
      now,
    );
    const rows = planned
      .filter((p) => claimed.has(p.key))
      .map((p) => ({ userId: p.userId, ...p.notice, createdAt: now }));
    await repo.insertNotifications(tx, rows);
    return { ran: true, notices: rows.length };
  });
}
