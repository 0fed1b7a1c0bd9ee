import {
  blankToNull,
  defaultOwnerUnitId,
  findUnitGroup,
  frameworkToTransfer,
  matchTransferUnits,
  parseTransferJson,
  scopesWhere,
  type TFrameworkDetail,
  type TFrameworkTransfer,
  type TImportCommit,
  type TImportPreview,
  transferToValidatable,
  validateFramework,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { listScopeGroups } from "../unit-groups/repo.ts";
import { findUnitByName, insertUnit, listUnitsWithin } from "../units/repo.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import { readFrameworkWorkbook, writeFrameworkWorkbook } from "./excel.ts";
import * as repo from "./repo.ts";
import { getFrameworkDetail, ownerScope } from "./service.ts";

export type TExportFormat = "xlsx" | "json";

export async function exportFramework(db: TDbOrTx, id: string, format: TExportFormat) {
  const detail = await getFrameworkDetail(db, id);
  const transfer = frameworkToTransfer(detail, detail.adjustments);
  const body =
    format === "xlsx" ? await writeFrameworkWorkbook(transfer) : Buffer.from(JSON.stringify(transfer, null, 2));
  return { body, fileName: `${detail.code}.${format}` };
}

/**
 * Reads an uploaded file and reports every problem and unit match (among the units of the first scope the actor
 * coordinates); saves nothing.
 */
export async function previewImport(ctx: TServiceContext, fileName: string, content: Buffer): Promise<TImportPreview> {
  const { db } = ctx;
  const read = /\.json$/i.test(fileName)
    ? parseTransferJson(content.toString("utf8"))
    : await readFrameworkWorkbook(content, fileName);
  const issues = [...read.issues];
  if (read.transfer && (await repo.findFrameworkByCode(db, read.transfer.framework.code))) {
    issues.push({
      code: null,
      row: null,
      message: `Đã có bộ chỉ số mã "${read.transfer.framework.code}": hãy đổi mã trước khi nhập.`,
    });
  }
  const scopePath = scopesWhere(ctx.actor, ["coordinator"])[0] ?? [];
  const units = await listUnitsWithin(db, scopePath);
  if (!read.transfer) return { fileName, transfer: null, issues, matched: {}, unmatched: [], groups: {} };
  const groups = await namedGroupsOf(db, scopePath.at(-1) ?? null, read.transfer);
  const { matched, unmatched } = matchTransferUnits(withoutGroupTexts(read.transfer, groups), units);
  return { fileName, transfer: read.transfer, issues, matched, unmatched, groups: Object.fromEntries(groups) };
}

/**
 * The cooperating texts of a transfer that name one of the owning scope's named groups ("Các sở, ban, ngành"), with
 * the group's member units: they assign the members (an edited group, so Công an tỉnh may be one) before any
 * matching of the text as one unit's name.
 */
async function namedGroupsOf(db: TDbOrTx, ownerUnitId: string | null, transfer: TFrameworkTransfer) {
  const groups = await listScopeGroups(db, ownerUnitId);
  const found = new Map<string, string[]>();
  for (const name of new Set(transfer.indicators.flatMap((i) => i.cooperating))) {
    const group = findUnitGroup(name, groups);
    if (group)
      found.set(
        name,
        group.members.map((m) => m.id),
      );
  }
  return found;
}

/** The transfer with group texts taken out of the cooperating lists, so they are not matched as unit names. */
function withoutGroupTexts(transfer: TFrameworkTransfer, groups: ReadonlyMap<string, string[]>): TFrameworkTransfer {
  return {
    ...transfer,
    indicators: transfer.indicators.map((i) => ({ ...i, cooperating: i.cooperating.filter((n) => !groups.has(n)) })),
  };
}

/**
 * Saves an imported framework as a draft, with its assignment, in one transaction: the file is checked
 * again (it came back from the browser), every unit name must resolve, and nothing is kept on any error.
 */
export async function commitImport(ctx: TServiceContext, input: TImportCommit): Promise<TFrameworkDetail> {
  const issues = validateFramework(transferToValidatable(input.transfer));
  if (issues.length) throw new AppError("VALIDATION_FAILED", `Tệp có ${issues.length} lỗi; chưa nhập.`, issues);
  return ctx.db.transaction(async (tx) => {
    const ownerUnitId = defaultOwnerUnitId(ctx.actor, input.ownerUnitId);
    const scope = await ownerScope(tx, ownerUnitId);
    ensureCan(ctx.actor, "framework.edit", scope);
    if (await repo.findFrameworkByCode(tx, input.transfer.framework.code)) {
      throw new AppError("CONFLICT", `Đã có bộ chỉ số mã "${input.transfer.framework.code}".`);
    }
    const groups = await namedGroupsOf(tx, ownerUnitId, input.transfer);
    const unitIdOf = await resolveUnits(
      tx,
      ctx,
      { ...input, transfer: withoutGroupTexts(input.transfer, groups) },
      scope.scopePath,
    );
    const { adjustments, ...meta } = input.transfer.framework;
    const frameworkId = await repo.insertFramework(tx, {
      ...blankToNull(meta),
      adjustments,
      status: "draft",
      ownerUnitId,
    });
    const ids = new Map<string, string>();
    for (const [sortOrder, indicator] of input.transfer.indicators.entries()) {
      const { parentCode, lead: _lead, cooperating: _cooperating, ...fields } = indicator;
      const parentId = parentCode ? ids.get(parentCode) : null;
      ids.set(
        indicator.code,
        await repo.insertIndicator(tx, { ...blankToNull(fields), frameworkId, parentId: parentId ?? null, sortOrder }),
      );
    }
    for (const indicator of input.transfer.indicators) {
      const lead = indicator.lead ? unitIdOf(indicator.lead) : null;
      const cooperating = indicator.cooperating
        .flatMap((name) => groups.get(name) ?? [unitIdOf(name)])
        .filter((id): id is string => id !== null && id !== lead);
      await repo.replaceAssignment(tx, frameworkId, ids.get(indicator.code)!, lead, [...new Set(cooperating)]);
    }
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "framework.import",
      entityType: "framework",
      entityId: frameworkId,
      after: { code: meta.code, indicators: input.transfer.indicators.length },
      ip: ctx.ip,
    });
    return getFrameworkDetail(tx, frameworkId);
  });
}

/** Maps every unit name of the file to a unit id (or null = unassigned), creating units the user asked for. */
async function resolveUnits(tx: TDbOrTx, ctx: TServiceContext, input: TImportCommit, scopePath: readonly string[]) {
  const { matched, unmatched } = matchTransferUnits(input.transfer, await listUnitsWithin(tx, scopePath));
  const resolved = new Map<string, string | null>(Object.entries(matched));
  for (const name of unmatched) {
    if (!(name in input.unitResolutions)) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Chưa chọn cách xử lý đơn vị "${name}" (gán cho đơn vị có sẵn, tạo mới hoặc để trống).`,
      );
    }
    const resolution = input.unitResolutions[name] ?? null;
    if (resolution === null) resolved.set(name, null);
    else if ("unitId" in resolution) {
      await ensureUnitsInScope(tx, { scopePath }, [resolution.unitId]);
      resolved.set(name, resolution.unitId);
    } else {
      const existing = await findUnitByName(tx, name);
      const parentId = resolution.parentId === undefined ? (scopePath.at(-1) ?? null) : resolution.parentId;
      if (!existing)
        ensureCan(ctx.actor, "unit.manage", { unitPath: [...(await ownerScope(tx, parentId)).scopePath, "new"] });
      const id = existing?.id ?? (await insertUnit(tx, { name, kind: resolution.createKind, parentId }));
      if (!existing) {
        await recordAudit(tx, {
          actorId: ctx.actor.id,
          action: "unit.create",
          entityType: "unit",
          entityId: id,
          after: { name, parentId, via: "framework.import" },
          ip: ctx.ip,
        });
      }
      resolved.set(name, id);
    }
  }
  return (name: string) => resolved.get(name) ?? null;
}
