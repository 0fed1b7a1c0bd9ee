import type { TAccountCreate, TAccountUpdate } from "@chiso/core";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { recordAudit } from "../audit/repo.ts";
import { generatePassword, hashPassword } from "../auth/passwords.ts";
import { deleteAccountThrottles, deleteSessionsOfUser } from "../auth/repo.ts";
import { findUnit } from "../units/repo.ts";
import * as repo from "./repo.ts";

export type TAccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>;

/** The initial password is returned once to show the coordinator; only its hash is kept. */
export async function createAccount(ctx: TServiceContext, input: TAccountCreate) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const account = await ctx.db.transaction(async (tx) => {
    if (await repo.usernameTaken(tx, input.username)) {
      throw new AppError("CONFLICT", `Tên đăng nhập "${input.username}" đã được dùng.`);
    }
    const unit = await findUnit(tx, input.unitId);
    if (!unit) throw notFound("đơn vị");
    if (!unit.isActive) throw new AppError("VALIDATION_FAILED", `Đơn vị "${unit.name}" đã ngừng hoạt động.`);
    const id = await repo.insertAccount(tx, {
      username: input.username,
      fullName: input.fullName,
      email: input.email ?? null,
      unitId: input.unitId,
      roles: [...new Set(input.roles)],
      passwordHash,
      mustChangePassword: true,
    });
    const created = (await repo.findAccount(tx, id))!;
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "account.create",
      entityType: "user",
      entityId: id,
      after: created,
      ip: ctx.ip,
    });
    return created;
  });
  return { account, initialPassword };
}

export async function updateAccount(ctx: TServiceContext, id: string, input: TAccountUpdate) {
  if (id === ctx.actor.id && (input.isDisabled || (input.roles && !input.roles.includes("coordinator")))) {
    throw new AppError("VALIDATION_FAILED", "Bạn không thể tự khóa tài khoản hoặc bỏ quyền quản trị của chính mình.");
  }
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findAccount(tx, id);
    if (!before) throw notFound("tài khoản");
    if (input.unitId && !(await findUnit(tx, input.unitId))) throw notFound("đơn vị");
    await repo.updateAccount(tx, id, {
      ...(input.fullName !== undefined && { fullName: input.fullName }),
      ...(input.email !== undefined && { email: input.email ?? null }),
      ...(input.unitId !== undefined && { unitId: input.unitId }),
      ...(input.roles !== undefined && { roles: [...new Set(input.roles)] }),
      ...(input.isDisabled !== undefined && { isDisabled: input.isDisabled }),
    });
    if (input.isDisabled) await deleteSessionsOfUser(tx, id);
    const after = (await repo.findAccount(tx, id))!;
    const action =
      input.isDisabled === true ? "account.disable" : input.isDisabled === false ? "account.enable" : "account.update";
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action,
      entityType: "user",
      entityId: id,
      before,
      after,
      ip: ctx.ip,
    });
    return after;
  });
}

/** Issues a new initial password, ends the user's sessions and forces a change at next login. */
export async function resetPassword(ctx: TServiceContext, id: string) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const account = await ctx.db.transaction(async (tx) => {
    const account = await repo.findAccount(tx, id);
    if (!account) throw notFound("tài khoản");
    await repo.updateAccount(tx, id, { passwordHash, mustChangePassword: true });
    await deleteAccountThrottles(tx, account.username, ctx.clock());
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "account.reset_password",
      entityType: "user",
      entityId: id,
      ip: ctx.ip,
    });
    return (await repo.findAccount(tx, id))!;
  });
  return { account, initialPassword };
}

/** Lifts the sign-in blocks of an account (from every address) that wrong passwords caused. */
export async function unlockLogin(ctx: TServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const account = await repo.findAccount(tx, id);
    if (!account) throw notFound("tài khoản");
    const lifted = await deleteAccountThrottles(tx, account.username, ctx.clock());
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "account.unlock_login",
      entityType: "user",
      entityId: id,
      after: { blocksLifted: lifted },
      ip: ctx.ip,
    });
    return { account, lifted };
  });
}
