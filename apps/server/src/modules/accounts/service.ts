import {
  isScopeRole,
  PROVINCE_PATH,
  scopesWhere,
  type TAccountCreate,
  type TAccountUpdate,
  type TRole,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { generatePassword, hashPassword } from "../auth/passwords.ts";
import { deleteAccountThrottles, deleteSessionsOfUser } from "../auth/repo.ts";
import { findUnit, findUnitPath } from "../units/repo.ts";
import * as repo from "./repo.ts";

export type TAccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>;

/** Accounts of the units inside the scopes the actor coordinates. */
export function listAccounts(ctx: TServiceContext) {
  return repo.listAccounts(ctx.db, scopesWhere(ctx.actor, ["coordinator"]));
}

/**
 * The roles to store: a unit's lead and reporter act for the account's own unit; coordinator, council and
 * leadership roles are held over `scopeUnitId` (the province when null). The actor may grant only inside scopes
 * it coordinates.
 */
async function grantsFor(
  ctx: TServiceContext,
  tx: TDbOrTx,
  input: { unitId: string; roles: TRole[]; scopeUnitId?: string | null | undefined },
) {
  const scopeUnitId = input.scopeUnitId ?? null;
  const scopePath = scopeUnitId ? await findUnitPath(tx, scopeUnitId) : PROVINCE_PATH;
  if (!scopePath) throw notFound("phạm vi (đơn vị) của vai trò");
  const unitPath = (await findUnitPath(tx, input.unitId))!;
  const grants = [...new Set(input.roles)].map((role) =>
    isScopeRole(role) ? { role, scopeUnitId, path: scopePath } : { role, scopeUnitId: input.unitId, path: unitPath },
  );
  for (const g of grants) ensureCan(ctx.actor, "account.grant", { unitPath: g.path });
  return grants.map(({ role, scopeUnitId }) => ({ role, scopeUnitId }));
}

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
    ensureCan(ctx.actor, "account.manage", { unitPath: unit.path });
    if (!unit.isActive) throw new AppError("VALIDATION_FAILED", `Đơn vị "${unit.name}" đã ngừng hoạt động.`);
    const grants = await grantsFor(ctx, tx, input);
    const id = await repo.insertAccount(
      tx,
      {
        username: input.username,
        fullName: input.fullName,
        position: input.position || null,
        email: input.email ?? null,
        unitId: input.unitId,
        passwordHash,
        mustChangePassword: true,
      },
      grants,
    );
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
    ensureCan(ctx.actor, "account.manage", { unitPath: before.unitPath });
    const unitId = input.unitId ?? before.unitId;
    if (input.unitId) {
      const unitPath = await findUnitPath(tx, input.unitId);
      if (!unitPath) throw notFound("đơn vị");
      ensureCan(ctx.actor, "account.manage", { unitPath });
    }
    if (input.roles !== undefined || input.unitId !== undefined || input.scopeUnitId !== undefined) {
      const scopeUnitId =
        input.scopeUnitId !== undefined
          ? input.scopeUnitId
          : before.grants.find((g) => isScopeRole(g.role))?.scopeUnitId;
      const roles = input.roles ?? before.roles;
      await repo.replaceGrants(tx, id, await grantsFor(ctx, tx, { unitId, roles, scopeUnitId }));
    }
    await repo.updateAccount(tx, id, {
      ...(input.fullName !== undefined && { fullName: input.fullName }),
      ...(input.position !== undefined && { position: input.position || null }),
      ...(input.email !== undefined && { email: input.email ?? null }),
      ...(input.unitId !== undefined && { unitId: input.unitId }),
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
    const before = await repo.findAccount(tx, id);
    if (!before) throw notFound("tài khoản");
    ensureCan(ctx.actor, "account.manage", { unitPath: before.unitPath });
    await repo.updateAccount(tx, id, { passwordHash, mustChangePassword: true });
    await deleteAccountThrottles(tx, before.username, ctx.clock());
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
    ensureCan(ctx.actor, "account.manage", { unitPath: account.unitPath });
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
