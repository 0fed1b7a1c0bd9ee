import type { TUnitCreate, TUnitUpdate } from "@chiso/core";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { recordAudit } from "../audit/repo.ts";
import * as repo from "./repo.ts";

export async function createUnit(ctx: TServiceContext, input: TUnitCreate) {
  return ctx.db.transaction(async (tx) => {
    if (await repo.findUnitByName(tx, input.name)) throw duplicateName(input.name);
    if (input.parentId && !(await repo.findUnit(tx, input.parentId))) throw notFound("đơn vị cấp trên");
    const id = await repo.insertUnit(tx, {
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
    if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findUnitByName(tx, input.name)) throw duplicateName(input.name);
    }
    if (input.parentId === id) throw new AppError("VALIDATION_FAILED", "Đơn vị không thể là cấp trên của chính nó.");
    if (input.parentId && !(await repo.findUnit(tx, input.parentId))) throw notFound("đơn vị cấp trên");
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
