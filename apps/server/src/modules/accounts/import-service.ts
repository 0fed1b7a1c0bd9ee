import { randomUUID } from "node:crypto";
import {
  can,
  createUnitNameMatcher,
  foldUnitName,
  isScopeRole,
  PROVINCE_PATH,
  PROVINCE_SCOPE_NAME,
  REFUSALS,
  readAccountSheet,
  scopesWhere,
  type TAccountImportPreview,
  type TAccountImportResult,
  type TAccountImportRow,
  type TAccountSheetRow,
  type TPath,
  type TRole,
  type TUnitKind,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { recordAudit } from "../audit/repo.ts";
import { generatePassword, hashPassword } from "../auth/passwords.ts";
import type { TMailer } from "../notifications/mailer.ts";
import { readPlanFile } from "../plans/plan-file.ts";
import { findUnit, insertUnit, listUnitsWithin } from "../units/repo.ts";
import * as repo from "./repo.ts";

/** A sheet issues at most this many accounts at once (a province issues a few hundred). */
export const MAX_SHEET_ROWS = 2000;
/** Account sheets are small: a larger upload is refused before it is read. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

const EXPECTED = "Hãy chọn tệp Excel (.xlsx) theo mẫu danh sách tài khoản.";

/** The sheet's rows, read from the first visible worksheet with the header row; only .xlsx is accepted. */
export async function readAccountsFile(content: Buffer, fileName: string): Promise<TAccountSheetRow[]> {
  if (!content.subarray(0, 4).equals(Buffer.from("504b0304", "hex"))) {
    throw new AppError("UNSUPPORTED_FILE", `Tệp "${fileName}" không phải tệp Excel (.xlsx). ${EXPECTED}`);
  }
  // The plans reader checks the archive (entries, inflated size) before exceljs opens it.
  const file = await readPlanFile(content, fileName).catch((err: unknown) => {
    throw err instanceof AppError && err.code === "UNSUPPORTED_FILE"
      ? new AppError("UNSUPPORTED_FILE", `Tệp "${fileName}" bị hỏng hoặc không đọc được. ${EXPECTED}`)
      : err;
  });
  if (file.format !== "xlsx") {
    throw new AppError("UNSUPPORTED_FILE", `Tệp "${fileName}" không phải tệp Excel (.xlsx). ${EXPECTED}`);
  }
  let problem = "Tệp không có trang tính nào.";
  for (const table of file.tables) {
    const read = readAccountSheet(table.rows);
    if ("problem" in read) {
      problem = read.problem;
      continue;
    }
    if (read.rows.length === 0) throw new AppError("VALIDATION_FAILED", "Danh sách tài khoản trong tệp đang trống.");
    if (read.rows.length > MAX_SHEET_ROWS) {
      throw new AppError("VALIDATION_FAILED", `Mỗi lần nhập tối đa ${MAX_SHEET_ROWS} tài khoản.`);
    }
    return read.rows;
  }
  throw new AppError("VALIDATION_FAILED", problem);
}

interface TPlannedUnit {
  id: string;
  name: string;
  kind: TUnitKind;
  parentId: string | null;
  path: TPath;
  row: number;
}

interface TPlannedAccount {
  row: number;
  username: string;
  fullName: string;
  position: string | null;
  email: string | null;
  unitId: string;
  unitName: string;
  grants: { role: TRole; scopeUnitId: string | null }[];
}

interface TPlan {
  rows: TAccountImportRow[];
  units: TPlannedUnit[];
  accounts: TPlannedAccount[];
}

type TKnownUnit = { id: string; name: string; shortName: string | null; path: TPath; isActive: boolean };

/**
 * Works out what a sheet would do, row by row, against the database as it is: which units are new (and where in
 * the tree they go), which accounts are new, which are already there exactly as written, and what is refused.
 * Everything stays inside the scopes the actor coordinates (the policy's unit.manage, account.manage,
 * account.grant). An existing username with another unit or other roles is refused, not changed: the sheet only
 * adds; changes to an account are made on the accounts page.
 */
async function planSheet(ctx: TServiceContext, db: TDbOrTx, sheet: TAccountSheetRow[]): Promise<TPlan> {
  const actor = ctx.actor;
  const coordinated = scopesWhere(actor, ["coordinator"]);
  // The actor's own scope: where units without a parent go and scope roles without a "Phạm vi" are held.
  const home = coordinated.some((p) => p.length === 0) ? PROVINCE_PATH : (coordinated[0] ?? PROVINCE_PATH);
  const homeId = home.at(-1) ?? null;
  const existing: TKnownUnit[] = await listUnitsWithin(db, PROVINCE_PATH);
  const match = createUnitNameMatcher(existing);
  const findExisting = (name: string) => match(name)?.unit ?? null;

  // Units the sheet creates, by name; each is declared by the first row naming it.
  const newUnits = new Map<string, { name: string; parentName: string; kind: TUnitKind | null; row: number }>();
  for (const r of sheet) {
    if (r.unitName.length < 2 || findExisting(r.unitName)) continue;
    const key = foldUnitName(r.unitName);
    const known = newUnits.get(key);
    if (!known) newUnits.set(key, { name: r.unitName, parentName: r.parentName, kind: r.kind, row: r.row });
    else if (r.parentName && foldUnitName(r.parentName) !== foldUnitName(known.parentName)) {
      r.errors.push(`Đơn vị mới "${r.unitName}" đã được khai báo ở dòng ${known.row} với đơn vị cấp trên khác.`);
    }
  }
  const planned = new Map<string, TPlannedUnit | { error: string }>();
  const resolving = new Set<string>();
  /** The path of a unit named in the sheet, existing or new; an error when it cannot be placed. */
  function resolve(name: string): TKnownUnit | TPlannedUnit | { error: string } {
    const found = findExisting(name);
    if (found) return found;
    const key = foldUnitName(name);
    const done = planned.get(key);
    if (done) return done;
    const declared = newUnits.get(key);
    if (!declared) return { error: `Không tìm thấy đơn vị "${name}".` };
    if (resolving.has(key)) return { error: `Đơn vị "${name}" được khai báo là cấp trên của chính nó.` };
    resolving.add(key);
    let parentId = homeId;
    let parentPath = home;
    if (declared.parentName) {
      const parent = resolve(declared.parentName);
      resolving.delete(key);
      if ("error" in parent) {
        const result = { error: `Đơn vị cấp trên: ${parent.error}` };
        planned.set(key, result);
        return result;
      }
      parentId = parent.id;
      parentPath = parent.path;
    }
    resolving.delete(key);
    const id = randomUUID();
    const path = [...parentPath, id];
    const result: TPlannedUnit | { error: string } = can(actor, "unit.manage", { unitPath: path })
      ? {
          id,
          name: declared.name,
          kind: declared.kind ?? (parentPath.length > 0 ? "office" : "department"),
          parentId,
          path,
          row: declared.row,
        }
      : { error: `Không tạo được đơn vị "${declared.name}": ${REFUSALS["unit.manage"]}` };
    planned.set(key, result);
    return result;
  }

  const usernames = [...new Set(sheet.map((r) => r.username).filter(Boolean))];
  const taken = new Map((await repo.findAccountsByUsername(db, usernames)).map((a) => [a.username, a]));
  const firstRowOf = new Map<string, number>();
  const accounts: TPlannedAccount[] = [];
  const rows = sheet.map((r): TAccountImportRow => {
    const errors = [...r.errors];
    let unitAction: "create" | "existing" = "existing";
    let unit: TKnownUnit | TPlannedUnit | null = null;
    if (r.unitName.length >= 2) {
      const resolved = resolve(r.unitName);
      if ("error" in resolved) errors.push(resolved.error);
      else {
        unit = resolved;
        unitAction = "isActive" in resolved ? "existing" : "create";
        if ("isActive" in resolved && !resolved.isActive) errors.push(`Đơn vị "${resolved.name}" đã ngừng hoạt động.`);
        if (!can(actor, "account.manage", { unitPath: resolved.path })) errors.push(REFUSALS["account.manage"]);
      }
    }
    let scopeUnitId = homeId;
    let scopePath = home;
    let scopeName: string | null = null;
    if (r.roles.some(isScopeRole)) {
      if (r.scopeName) {
        const scope = findExisting(r.scopeName) ?? (planned.get(foldUnitName(r.scopeName)) as TPlannedUnit | undefined);
        if (!scope || "error" in scope) errors.push(`Không tìm thấy cơ quan "${r.scopeName}" (cột Phạm vi).`);
        else {
          scopeUnitId = scope.id;
          scopePath = scope.path;
          scopeName = scope.name;
        }
      } else scopeName = homeId ? (existing.find((u) => u.id === homeId)?.name ?? null) : PROVINCE_SCOPE_NAME;
    }
    const grants = unit
      ? r.roles.map((role) =>
          isScopeRole(role)
            ? { role, scopeUnitId, path: scopePath }
            : { role, scopeUnitId: unit.id as string | null, path: unit.path },
        )
      : [];
    if (grants.some((g) => !can(actor, "account.grant", { unitPath: g.path }))) errors.push(REFUSALS["account.grant"]);

    let action: TAccountImportRow["action"] = "create";
    const before = firstRowOf.get(r.username);
    if (before !== undefined) errors.push(`Tên đăng nhập "${r.username}" trùng với dòng ${before}.`);
    else if (r.username) firstRowOf.set(r.username, r.row);
    const held = taken.get(r.username);
    if (held && unit && before === undefined) {
      const want = grants.map((g) => `${g.role}@${g.scopeUnitId ?? ""}`).sort();
      const has = held.grants.map((g) => `${g.role}@${g.scopeUnitId ?? ""}`).sort();
      if (held.unitId !== unit.id || want.join() !== has.join()) {
        // Another scope's account is named only by its username: its unit is not the actor's to know.
        errors.push(
          can(actor, "account.manage", { unitPath: held.unitPath })
            ? `Tên đăng nhập "${r.username}" đã có (đơn vị "${held.unitName}") với đơn vị hoặc vai trò khác; hãy sửa tài khoản này trên trang Tài khoản.`
            : `Tên đăng nhập "${r.username}" đã được dùng.`,
        );
      } else action = "unchanged";
    }
    if (errors.length > 0) action = "error";
    if (action === "create" && unit) {
      accounts.push({
        row: r.row,
        username: r.username,
        fullName: r.fullName,
        position: r.position || null,
        email: r.email,
        unitId: unit.id,
        unitName: unit.name,
        grants: grants.map(({ role, scopeUnitId }) => ({ role, scopeUnitId })),
      });
    }
    return {
      row: r.row,
      unitName: unit?.name ?? r.unitName,
      parentName: r.parentName || null,
      unitAction,
      fullName: r.fullName,
      position: r.position || null,
      email: r.email,
      username: r.username,
      roles: r.roles,
      scopeName,
      action,
      errors,
    };
  });
  const units = [...planned.values()].filter((u): u is TPlannedUnit => !("error" in u));
  return { rows, units, accounts };
}

function summary(plan: TPlan): TAccountImportPreview {
  return {
    rows: plan.rows,
    counts: {
      newUnits: plan.units.length,
      newAccounts: plan.accounts.length,
      unchanged: plan.rows.filter((r) => r.action === "unchanged").length,
      errors: plan.rows.filter((r) => r.action === "error").length,
    },
  };
}

/** What importing the sheet would do, row by row; saves nothing. */
export async function previewAccountImport(ctx: TServiceContext, sheet: TAccountSheetRow[]) {
  return summary(await planSheet(ctx, ctx.db, sheet));
}

/**
 * Creates the sheet's new units and accounts in one transaction, or nothing when any row is refused (the error
 * names the rows). Each new account gets a one-time password, returned once for the printable list and, when asked
 * and SMTP is configured, e-mailed to the person; only its hash is stored.
 */
export async function commitAccountImport(
  ctx: TServiceContext,
  sheet: TAccountSheetRow[],
  options: { sendEmail: boolean; mailer: TMailer | null },
): Promise<TAccountImportResult> {
  const draft = await planSheet(ctx, ctx.db, sheet);
  refuseErrors(draft);
  // Hashing is slow on purpose: done before the transaction, for the accounts the plan creates.
  const passwords = new Map<string, { password: string; hash: string }>();
  for (const a of draft.accounts) {
    const password = generatePassword();
    passwords.set(a.username, { password, hash: await hashPassword(password) });
  }
  const plan = await ctx.db.transaction(async (tx) => {
    const plan = await planSheet(ctx, tx, sheet);
    refuseErrors(plan);
    if (plan.accounts.some((a) => !passwords.has(a.username))) {
      throw new AppError("CONFLICT", "Dữ liệu tài khoản vừa thay đổi trong lúc nhập; hãy xem trước và nhập lại.");
    }
    // Parents before children: a unit's path is worked out from its parent's.
    for (const unit of [...plan.units].sort((a, b) => a.path.length - b.path.length)) {
      await insertUnit(tx, { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId });
      await recordAudit(tx, {
        actorId: ctx.actor.id,
        action: "unit.create",
        entityType: "unit",
        entityId: unit.id,
        after: await findUnit(tx, unit.id),
        ip: ctx.ip,
      });
    }
    for (const a of plan.accounts) {
      const id = await repo.insertAccount(
        tx,
        {
          username: a.username,
          fullName: a.fullName,
          position: a.position,
          email: a.email,
          unitId: a.unitId,
          passwordHash: passwords.get(a.username)!.hash,
          mustChangePassword: true,
        },
        a.grants,
      );
      await recordAudit(tx, {
        actorId: ctx.actor.id,
        action: "account.create",
        entityType: "user",
        entityId: id,
        after: await repo.findAccount(tx, id),
        ip: ctx.ip,
      });
    }
    return plan;
  });
  const issued: TAccountImportResult["issued"] = [];
  for (const a of plan.accounts) {
    const { password } = passwords.get(a.username)!;
    const emailed =
      options.sendEmail && options.mailer && a.email ? await mailPassword(options.mailer, a, password) : false;
    issued.push({
      row: a.row,
      username: a.username,
      fullName: a.fullName,
      position: a.position,
      unitName: a.unitName,
      email: a.email,
      initialPassword: password,
      emailed,
    });
  }
  return { ...summary(plan), issued };
}

function refuseErrors(plan: TPlan) {
  const bad = plan.rows.filter((r) => r.action === "error");
  if (bad.length === 0) return;
  const first = bad[0]!;
  throw new AppError(
    "VALIDATION_FAILED",
    `Không nhập tệp vì ${bad.length} dòng có lỗi. Dòng ${first.row}: ${first.errors.join(" ")}`,
    bad.map((r) => ({ path: `dòng ${r.row}`, message: r.errors.join(" ") })),
  );
}

/** An undelivered e-mail is not an error: the password is on the printable list anyway. */
async function mailPassword(mailer: TMailer, account: TPlannedAccount, password: string): Promise<boolean> {
  try {
    await mailer.send({
      to: account.email!,
      subject: "Tài khoản Chỉ số (DTI) của bạn",
      text: [
        `Kính gửi ${account.fullName},`,
        "",
        `Tài khoản của bạn trên hệ thống Chỉ số (${account.unitName}) đã được tạo.`,
        `Địa chỉ: ${mailer.publicUrl}`,
        `Tên đăng nhập: ${account.username}`,
        `Mật khẩu ban đầu: ${password}`,
        "",
        "Hệ thống sẽ yêu cầu đổi mật khẩu ở lần đăng nhập đầu tiên. Mật khẩu này chỉ dùng được đến khi bạn đổi.",
      ].join("\n"),
    });
    return true;
  } catch {
    return false;
  }
}
