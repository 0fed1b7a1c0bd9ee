import {
  can,
  defaultOwnerUnitId,
  PROVINCE_PATH,
  type TNamedUnitGroup,
  type TPath,
  type TUnitGroupInput,
  visibleScopes,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { ownerScope } from "../frameworks/service.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import * as repo from "./repo.ts";

type TGroupRow = NonNullable<Awaited<ReturnType<typeof repo.findGroup>>>;
const scopeOf = (row: { ownerPath: readonly string[] | null }) => ({
  scopePath: (row.ownerPath ?? PROVINCE_PATH) as TPath,
});

function present(ctx: TServiceContext, row: TGroupRow): TNamedUnitGroup {
  return {
    id: row.id,
    ownerUnitId: row.ownerUnitId,
    name: row.name,
    members: row.members,
    canManage: can(ctx.actor, "unitGroup.manage", scopeOf(row)),
  };
}

export async function listGroups(ctx: TServiceContext): Promise<TNamedUnitGroup[]> {
  return (await repo.listGroups(ctx.db, visibleScopes(ctx.actor))).map((row) => present(ctx, row));
}

async function loadManageable(ctx: TServiceContext, db: TDbOrTx, id: string) {
  const row = await repo.findGroup(db, id);
  if (!row) throw notFound("nhóm đơn vị");
  ensureCan(ctx.actor, "unitGroup.view", scopeOf(row));
  ensureCan(ctx.actor, "unitGroup.manage", scopeOf(row));
  return row;
}

async function checkInput(db: TDbOrTx, ownerUnitId: string | null, input: TUnitGroupInput, exceptId?: string) {
  const taken = await repo.findGroupByName(db, ownerUnitId, input.name);
  if (taken && taken.id !== exceptId) throw new AppError("CONFLICT", `Đã có nhóm đơn vị "${input.name}".`);
  // a group only names units of the scope that keeps it
  await ensureUnitsInScope(db, await ownerScope(db, ownerUnitId), input.unitIds);
}

export async function createGroup(ctx: TServiceContext, input: TUnitGroupInput): Promise<TNamedUnitGroup> {
  return ctx.db.transaction(async (tx) => {
    const ownerUnitId = defaultOwnerUnitId(ctx.actor, input.ownerUnitId);
    ensureCan(ctx.actor, "unitGroup.manage", await ownerScope(tx, ownerUnitId));
    await checkInput(tx, ownerUnitId, input);
    const id = await repo.insertGroup(tx, { ownerUnitId, name: input.name });
    const unitIds = [...new Set(input.unitIds)];
    await repo.replaceMembers(tx, id, unitIds);
    await audit(ctx, tx, "unitGroup.create", id, null, { name: input.name, unitIds });
    return present(ctx, (await repo.findGroup(tx, id))!);
  });
}

export async function updateGroup(ctx: TServiceContext, id: string, input: TUnitGroupInput): Promise<TNamedUnitGroup> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadManageable(ctx, tx, id);
    await checkInput(tx, before.ownerUnitId, input, id);
    const unitIds = [...new Set(input.unitIds)];
    await repo.renameGroup(tx, id, input.name);
    await repo.replaceMembers(tx, id, unitIds);
    await audit(
      ctx,
      tx,
      "unitGroup.update",
      id,
      { name: before.name, unitIds: before.members.map((m) => m.id) },
      { name: input.name, unitIds },
    );
    return present(ctx, (await repo.findGroup(tx, id))!);
  });
}

export async function deleteGroup(ctx: TServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadManageable(ctx, tx, id);
    await repo.deleteGroup(tx, id);
    await audit(ctx, tx, "unitGroup.delete", id, { name: before.name, unitIds: before.members.map((m) => m.id) }, null);
  });
}

function audit(ctx: TServiceContext, tx: TDbOrTx, action: string, id: string, before: unknown, after: unknown) {
  return recordAudit(tx, {
    actorId: ctx.actor.id,
    action,
    entityType: "unit_group",
    entityId: id,
    before,
    after,
    ip: ctx.ip,
  });
}

/** The named groups a scope keeps, for assignment: a group text resolves to their members first. */
export function groupsForAssignment(db: TDbOrTx, ownerUnitId: string | null) {
  return repo.listScopeGroups(db, ownerUnitId);
}
