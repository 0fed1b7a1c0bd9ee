import { createHash, randomBytes } from "node:crypto";
import type { TChangePasswordRequest, TLoginRequest } from "@chiso/core";
import type { TDb } from "../../db/client.ts";
import type { TClock, TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { recordAudit } from "../audit/repo.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import * as repo from "./repo.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verified against when the username is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

interface TLoginMeta {
  ip: string | null;
  userAgent: string | null;
  sessionTtlHours: number;
}

/** Checks the password, throttles repeated failures per account, and opens a session. Returns the cookie token. */
export async function login(db: TDb, clock: TClock, input: TLoginRequest, meta: TLoginMeta) {
  const now = clock();
  const user = await repo.findUserForLogin(db, input.username.trim().toLowerCase());
  if (!user) {
    dummyHash ??= hashPassword("chiso-dummy-password");
    await verifyPassword(await dummyHash, input.password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError("TOO_MANY_ATTEMPTS");
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLoginCount + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    await repo.recordFailedLogin(db, user.id, locks ? 0 : failed, locks ? addMinutes(now, LOCK_MINUTES) : null);
    throw new AppError(locks ? "TOO_MANY_ATTEMPTS" : "INVALID_CREDENTIALS");
  }
  if (user.isDisabled) throw new AppError("ACCOUNT_DISABLED");

  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
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

export async function logout(db: TDb, token: string) {
  await repo.deleteSession(db, hashToken(token));
}

export function findSessionUser(db: TDb, clock: TClock, token: string) {
  return repo.findSessionUser(db, hashToken(token), clock());
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
