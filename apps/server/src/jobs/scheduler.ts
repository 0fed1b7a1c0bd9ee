import type { TDb } from "../db/client.ts";
import type { TClock } from "../http/context.ts";
import { deliverPendingEmails, type TJobLogger } from "../modules/notifications/delivery.ts";
import type { TMailer } from "../modules/notifications/mailer.ts";
import { createDueReminders } from "../modules/notifications/reminders.ts";

export interface TSchedulerDeps {
  db: TDb;
  clock: TClock;
  /** null: no SMTP configured, notices stay in the app. */
  mailer: TMailer | null;
  logger: TJobLogger;
}

export interface TSchedulerRun {
  /** False when another instance was running the reminders at that moment. */
  ran: boolean;
  notices: number;
  emailsSent: number;
  emailsFailed: number;
}

/**
 * One run: the reminders due now (each once, see createDueReminders), then the e-mail outbox — which also retries
 * e-mails of workflow events the mail server refused earlier. Safe to run at any moment, from any instance, any
 * number of times.
 */
export async function runScheduledReminders(deps: TSchedulerDeps): Promise<TSchedulerRun> {
  const reminders = await createDueReminders(deps);
  const email = deps.mailer ? await deliverPendingEmails({ ...deps, mailer: deps.mailer }) : { sent: 0, failed: 0 };
  return { ...reminders, emailsSent: email.sent, emailsFailed: email.failed };
}

export interface TScheduler {
  /** Resolves once no run is in flight. */
  idle(): Promise<void>;
  /** Stops the timer and waits for a run in flight, so the database can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Runs the reminders in the server process: once right after start (a restart catches up at once), then every
 * `everyMinutes`. Runs never overlap in one process; across processes the database lock and the reminder log keep
 * them apart. `everyMinutes` 0 turns the scheduler off (an operator then runs `npm run cli -- run-scheduler` from cron).
 */
export function startScheduler(deps: TSchedulerDeps, options: { everyMinutes: number }): TScheduler {
  if (options.everyMinutes <= 0) return { idle: async () => undefined, stop: async () => undefined };
  let current: Promise<void> | null = null;
  const tick = () => {
    if (current) return;
    current = runScheduledReminders(deps)
      .then((run) => {
        if (run.notices || run.emailsSent || run.emailsFailed) deps.logger.info({ ...run }, "scheduled reminders");
      })
      .catch((err) => deps.logger.error({ err }, "scheduled reminders failed"))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, options.everyMinutes * 60_000);
  // The timer alone must not keep the process alive (tests, a shutdown in progress).
  timer.unref();
  tick();
  const idle = async () => {
    while (current) await current;
  };
  return {
    idle,
    async stop() {
      clearInterval(timer);
      await idle();
    },
  };
}
