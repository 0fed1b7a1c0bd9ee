import { randomUUID } from "node:crypto";
import {
  PROVINCE_PATH,
  type TPath,
  type TScopeRef,
  type TUnitCreate,
  type TUnitUpdate,
  visibleScopes,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import * as repo from "./repo.ts";

/** The units the actor may see, each with its place in the tree. */
export function listUnits(ctx: TServiceContext) {
  return repo.listUnits(ctx.db, visibleScopes(ctx.actor));
}

/** The path of a would-be parent: the province for none; refused when there is no such unit. */
async function parentPathOf(ctx: TServiceContext, parentId: string | null | undefined): Promise<TPath> {
  if (!parentId) return PROVINCE_PATH;
  const path = await repo.findUnitPath(ctx.db, parentId);
  if (!path) throw notFound("đơn vị cấp trên");
  return path;
}

export async function createUnit(ctx: TServiceContext, input: TUnitCreate) {
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const path = [...(await parentPathOf({ ...ctx, db: tx }, input.parentId)), id];
    ensureCan(ctx.actor, "unit.manage", { unitPath: path });
    if (await repo.findUnitByName(tx, input.name)) throw duplicateName(input.name);
    await repo.insertUnit(tx, {
      id,
      name: input.name,
      shortName: input.shortName || null,
      kind: input.kind,
      parentId: input.parentId ?? null,
    });
    const created = await repo.findUnit(tx, id);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "unit.create",
      entityType: "unit",
      entityId: id,
      after: created,
      ip: ctx.ip,
    });
    return created!;
  });
}

export async function updateUnit(ctx: TServiceContext, id: string, input: TUnitUpdate) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUnit(tx, id);
    if (!before) throw notFound("đơn vị");
    ensureCan(ctx.actor, "unit.manage", { unitPath: before.path });
    if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findUnitByName(tx, input.name)) throw duplicateName(input.name);
    }
    const moves = input.parentId !== undefined && (input.parentId ?? null) !== before.parentId;
    if (moves) {
      const newParentPath = await parentPathOf({ ...ctx, db: tx }, input.parentId);
      if (newParentPath.includes(id)) {
        throw new AppError("VALIDATION_FAILED", "Không thể chuyển đơn vị vào chính nó hoặc một đơn vị trực thuộc nó.");
      }
      ensureCan(ctx.actor, "unit.manage", { unitPath: [...newParentPath, id] });
      await repo.moveSubtree(tx, id, before.path, newParentPath);
    }
    await repo.updateUnit(tx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.shortName !== undefined && { shortName: input.shortName || null }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.parentId !== undefined && { parentId: input.parentId }),
      ...(input.isActive !== undefined && { isActive: input.isActive }),
    });
    const after = await repo.findUnit(tx, id);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "unit.update",
      entityType: "unit",
      entityId: id,
      before,
      after,
      ip: ctx.ip,
    });
    return after!;
  });
}

/** Deleting is only for mistakes: a unit with accounts, assignments or sub-units is deactivated instead. */
export async function deleteUnit(ctx: TServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findUnit(tx, id);
    if (!before) throw notFound("đơn vị");
    ensureCan(ctx.actor, "unit.manage", { unitPath: before.path });
    const refs = await repo.countUnitReferences(tx, id);
    if (refs.users || refs.assignments || refs.children) {
      throw new AppError(
        "CONFLICT",
        `Không thể xóa "${before.name}": đơn vị đang có ${refs.users} tài khoản, ${refs.assignments} phân công và ${refs.children} đơn vị trực thuộc. Hãy ngừng hoạt động đơn vị thay vì xóa.`,
      );
    }
    await repo.deleteUnit(tx, id);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "unit.delete",
      entityType: "unit",
      entityId: id,
      before,
      ip: ctx.ip,
    });
  });
}

function duplicateName(name: string) {
  return new AppError("CONFLICT", `Đã có đơn vị tên "${name}".`);
}

/** An agency's cycle, plan or import uses only its own units (its offices); the province's any unit. */
export async function ensureUnitsInScope(db: TDbOrTx, scope: TScopeRef, unitIds: readonly string[]) {
  // One query for them all: an indicator's assignment may name every unit of the province (~1,000).
  const paths = await repo.findUnitPaths(db, [...new Set(unitIds)]);
  for (const unitId of unitIds) {
    const path = paths.get(unitId);
    if (!path) throw notFound("đơn vị");
    const root = scope.scopePath.at(-1);
    if (root && !path.includes(root)) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Chỉ chọn được các đơn vị thuộc phạm vi của cơ quan (các đơn vị trực thuộc).",
      );
    }
  }
}
