import { createHash, randomBytes } from "node:crypto";
import type { TChangePasswordRequest, TLoginRequest } from "@chiso/core";
import type { TDb } from "../../db/client.ts";
import type { TClock, TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { recordAudit } from "../audit/repo.ts";
import { notify } from "../notifications/service.ts";
import { loginBlocked } from "../notifications/templates.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import * as repo from "./repo.ts";
import { cachedSession, dropSession, keepSession, sessionCacheGeneration } from "./session-cache.ts";
import { emptyThrottle, reserveAttempt, type TThrottlePolicy } from "./throttle.ts";

/** Wrong passwords for one account from one address before it is blocked there (for 15, then 30, 60… minutes). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const ACCOUNT_ADDRESS: TThrottlePolicy = {
  maxAttempts: MAX_FAILED_LOGINS,
  windowMinutes: LOCK_MINUTES,
  blockMinutes: LOCK_MINUTES,
  maxBlockMinutes: 4 * 60,
};
/** From every address together: slows a guesser spread over many addresses; the coordinator can lift it. */
export const ACCOUNT_POLICY: TThrottlePolicy = {
  maxAttempts: 4 * MAX_FAILED_LOGINS,
  windowMinutes: 60,
  blockMinutes: LOCK_MINUTES,
  maxBlockMinutes: 24 * 60,
};
const addressPolicy = (perMinute: number): TThrottlePolicy => ({
  maxAttempts: perMinute,
  windowMinutes: 1,
  blockMinutes: 1,
  maxBlockMinutes: 15,
});

// Verified against when the username is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

interface TLoginMeta {
  ip: string | null;
  userAgent: string | null;
  sessionTtlHours: number;
  /** Attempts per address per minute, whatever the username. */
  attemptsPerMinute: number;
}

/** The name a user signs in with: the form's text, trimmed, lower case, NFC. */
export function loginName(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

export const accountThrottleKey = (username: string) => `account:${username}`;

/**
 * Checks the password and opens a session; returns the cookie token. Before any password check the attempt is taken
 * from three counters in one locking transaction — the account, the account from this address, and the address —
 * so parallel guesses cannot overtake the count. Unknown usernames are counted and answered exactly like real ones.
 */
export async function login(db: TDb, clock: TClock, input: TLoginRequest, meta: TLoginMeta) {
  const now = clock();
  const username = loginName(input.username);
  const address = meta.ip ?? "unknown";
  const counters = [
    { key: accountThrottleKey(username), username, policy: ACCOUNT_POLICY },
    { key: `account-address:${username}|${address}`, username, policy: ACCOUNT_ADDRESS },
    { key: `address:${address}`, username: null, policy: addressPolicy(meta.attemptsPerMinute) },
  ];
  const reserved = await db.transaction(async (tx) => {
    const rows = new Map((await repo.lockThrottles(tx, counters, now)).map((row) => [row.key, row]));
    const outcomes = counters.map((c) => ({
      ...c,
      outcome: reserveAttempt(rows.get(c.key) ?? emptyThrottle(now), c.policy, now),
    }));
    if (outcomes.some((o) => !o.outcome.allowed)) return { allowed: false as const };
    let blockedNow = false;
    for (const o of outcomes) {
      if (!o.outcome.allowed) continue;
      await repo.saveThrottle(tx, o.key, o.outcome.state);
      if (o.outcome.blockedNow && o.username) blockedNow = true;
    }
    return { allowed: true as const, blockedNow };
  });
  if (!reserved.allowed) throw new AppError("TOO_MANY_ATTEMPTS");

  const user = await repo.findUserForLogin(db, username);
  dummyHash ??= hashPassword("chiso-dummy-password");
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyHash, input.password).then(() => false);
  if (!user || !passwordOk) {
    if (reserved.blockedNow && user) await noticeBlocked(db, user.id, address, now);
    throw new AppError(reserved.blockedNow ? "TOO_MANY_ATTEMPTS" : "INVALID_CREDENTIALS");
  }
  if (user.isDisabled) throw new AppError("ACCOUNT_DISABLED");

  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    // A right password forgets this account's failures (not the address's: one valid account must not reset it).
    await repo.deleteThrottles(tx, [counters[0]!.key, counters[1]!.key]);
    await repo.recordSuccessfulLogin(tx, user.id, now);
    await repo.insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      expiresAt: addMinutes(now, meta.sessionTtlHours * 60),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      ip: meta.ip,
    });
  });
  return { token };
}

/** The account's owner learns that sign-in was blocked after wrong passwords, and from where; audited. */
async function noticeBlocked(db: TDb, userId: string, address: string, at: Date) {
  await db.transaction(async (tx) => {
    await notify(tx, { at, to: { userIds: [userId] }, notice: loginBlocked({ address, at }) });
    await recordAudit(tx, {
      actorId: null,
      action: "auth.login_blocked",
      entityType: "user",
      entityId: userId,
      after: { address },
      ip: address,
    });
  });
}

export async function logout(db: TDb, token: string) {
  await repo.deleteSession(db, hashToken(token));
}

/** The live session's user; `cacheMs` > 0 keeps it that long (session-cache.ts says what that trades). */
export async function findSessionUser(db: TDb, clock: TClock, token: string, cacheMs = 0) {
  const now = clock();
  // Kept under the token itself (in this process's memory only): hashing it is for what the database stores.
  const kept = cacheMs > 0 ? cachedSession<TSessionUserRow>(token, now) : null;
  if (kept) {
    if (kept.refresh) lookUpLater(db, token, now, cacheMs);
    return kept.user;
  }
  const since = sessionCacheGeneration();
  const found = await repo.findSessionUser(db, hashToken(token), now);
  return keepFound(token, found, cacheMs, since);
}

function keepFound(
  token: string,
  found: Awaited<ReturnType<typeof repo.findSessionUser>>,
  cacheMs: number,
  since: number,
) {
  if (!found) {
    dropSession(token);
    return null;
  }
  keepSession(token, found.user, found.expiresAt, cacheMs, since);
  return found.user;
}

type TSessionUserRow = NonNullable<Awaited<ReturnType<typeof repo.findSessionUser>>>["user"];

/**
 * Background lookups of sessions in use, gathered for a moment and made in one query: on a deadline day each of
 * 500 reporters' sessions comes due every few seconds, and one round trip each was a sixth of the saves' queries.
 */
const dueLookups = new Map<TDb, { tokens: Set<string>; now: Date; cacheMs: number }>();
const GATHER_MS = 50;

function lookUpLater(db: TDb, token: string, now: Date, cacheMs: number) {
  const due = dueLookups.get(db);
  if (due) {
    due.tokens.add(token);
    return;
  }
  dueLookups.set(db, { tokens: new Set([token]), now, cacheMs });
  setTimeout(() => void lookUpDue(db), GATHER_MS).unref();
}

async function lookUpDue(db: TDb) {
  const due = dueLookups.get(db);
  dueLookups.delete(db);
  if (!due) return;
  const since = sessionCacheGeneration();
  const sessionIds = new Map([...due.tokens].map((token) => [token, hashToken(token)]));
  // A failed lookup leaves the kept copies to expire on their own.
  const found = await repo.findSessionUsers(db, [...sessionIds.values()], due.now).catch(() => null);
  if (!found) return;
  for (const [token, id] of sessionIds) keepFound(token, found.get(id) ?? null, due.cacheMs, since);
}

/** Changes the actor's own password; clears the forced-change flag. */
export async function changePassword(ctx: TServiceContext, input: TChangePasswordRequest) {
  const hash = await repo.findPasswordHash(ctx.db, ctx.actor.id);
  if (!hash || !(await verifyPassword(hash, input.currentPassword))) {
    throw new AppError("VALIDATION_FAILED", "Mật khẩu hiện tại không đúng.");
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION_FAILED", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  }
  const newHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePassword(tx, ctx.actor.id, newHash, false);
    // Every other sign-in of this account ends: whoever knew the old password is out.
    await repo.deleteSessionsOfUser(tx, ctx.actor.id, hashToken(ctx.actor.sessionId));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "auth.change_password",
      entityType: "user",
      entityId: ctx.actor.id,
      ip: ctx.ip,
    });
  });
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
