import type { TDb } from "../../db/client.ts";
import type { TClock } from "../../http/context.ts";
import type { TMailer } from "./mailer.ts";
import * as repo from "./repo.ts";
import { noticeEmail } from "./templates.ts";

/** What background jobs log through: Fastify's logger in the server, the console in the CLI. */
export interface TJobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface TDeliveryDeps {
  db: TDb;
  clock: TClock;
  mailer: TMailer;
  logger: TJobLogger;
}

/** Notices older than this are never e-mailed: an e-mail about last week's deadline helps nobody. */
const EMAIL_MAX_AGE_HOURS = 48;
const BATCH = 50;

/**
 * Drains the outbox: e-mails every notice not yet sent to users who have an address and did not turn that kind off.
 * Each notice is claimed (marked sent) before sending, so two instances never send it twice; one the mail server
 * refuses is put back and retried on the next run. At most once, then: a crash between claim and send loses that
 * e-mail, never duplicates it — and the notice is still in the app.
 */
export async function deliverPendingEmails(deps: TDeliveryDeps): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = deps.clock();
    const since = new Date(now.getTime() - EMAIL_MAX_AGE_HOURS * 3_600_000);
    const batch = await repo.claimPendingEmails(deps.db, now, since, BATCH);
    for (const row of batch) {
      try {
        await deps.mailer.send(noticeEmail(row, { email: row.email, fullName: row.full_name }, deps.mailer.publicUrl));
        sent++;
      } catch (err) {
        failed++;
        await repo.releaseEmail(deps.db, row.id);
        deps.logger.warn({ err, notificationId: row.id }, "e-mail not delivered; will retry on the next run");
      }
    }
    // A failure stops this drain: the mail server is likely down and retrying the rest now would only repeat it.
    if (batch.length < BATCH || failed > 0) return { sent, failed };
  }
}

/**
 * Sends e-mail soon after the requests that created notices, without making them wait: `kick()` after a response
 * starts a drain (or queues one more if a drain is running); `idle()` resolves when nothing is in flight.
 */
export function createEmailDispatcher(deps: TDeliveryDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  const drain = async () => {
    do {
      again = false;
      try {
        await deliverPendingEmails(deps);
      } catch (err) {
        deps.logger.error({ err }, "e-mail delivery failed");
      }
    } while (again);
    running = null;
  };
  return {
    kick() {
      if (running) again = true;
      else running = drain();
    },
    async idle() {
      while (running) await running;
    },
  };
}

export type TEmailDispatcher = ReturnType<typeof createEmailDispatcher>;
