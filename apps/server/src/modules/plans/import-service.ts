import {
  checkColumnMapping,
  defaultOwnerUnitId,
  detectMoneyUnit,
  detectPlanHeader,
  findTaskTables,
  importableRows,
  mapTaskRows,
  matchImportUnits,
  matchUnitName,
  resolveTaskUnits,
  scopesWhere,
  suggestIndicatorLinks,
  type TImportTable,
  type TPlanDetail,
  type TPlanImportCommit,
  type TPlanImportMapped,
  type TPlanImportPreview,
  type TPlanImportRemap,
  toMillionDong,
  unitResolver,
  ZPlanInput,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { ownerScope } from "../frameworks/service.ts";
import { listUnitsWithin } from "../units/repo.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import { readPlanFile } from "./plan-file.ts";
import * as repo from "./repo.ts";
import { getPlanDetail, insertPlanWithTargets } from "./service.ts";

/**
 * The rows of a table under a mapping, with units matched and indicators suggested: exactly what an import
 * would save. Runs the same pure functions for the preview, a changed mapping, and the import itself.
 */
async function mapTable(
  db: TDbOrTx,
  scopePath: readonly string[],
  table: TImportTable,
  defaultYear: number | null | undefined,
  frameworkId: string | null | undefined,
): Promise<TPlanImportMapped> {
  const problems = checkColumnMapping(table.mapping);
  if (table.mapping.length !== table.header.length) problems.push("Số cột được chọn không khớp với số cột của bảng.");
  const mapped = mapTaskRows({ ...table, defaultYear: defaultYear ?? undefined });
  const indicators = frameworkId ? await repo.listLeafIndicators(db, frameworkId) : [];
  // Amounts are kept in million đồng: a table that states "Đơn vị tính: đồng" is converted, not misread 10⁶ times.
  const unit = table.moneyUnit ?? null;
  const rows = mapped.rows.map((row) => ({
    ...row,
    budgetAmount: row.budgetAmount === null ? null : toMillionDong(row.budgetAmount, unit),
    indicators: row.kind === "task" ? suggestIndicatorLinks([row.content, row.outputText], indicators) : [],
  }));
  if (!unit && rows.some((r) => r.budgetAmount !== null))
    mapped.warnings.push("Bảng không ghi đơn vị tính của kinh phí: số tiền được hiểu là triệu đồng.");
  const count = (kind: string) => rows.filter((r) => r.kind === kind).length;
  if (count("task") === 0 && problems.length === 0)
    problems.push("Bảng không có dòng nhiệm vụ nào với cách chọn cột này.");
  return {
    rows,
    warnings: mapped.warnings,
    problems,
    units: matchImportUnits(rows, await listUnitsWithin(db, scopePath)),
    counts: { tasks: count("task"), sections: count("section"), skipped: count("skipped") },
  };
}

/** Reads an uploaded Word or Excel plan and shows what importing it would save; saves nothing. */
export async function previewPlanImport(
  ctx: TServiceContext,
  fileName: string,
  content: Buffer,
): Promise<TPlanImportPreview> {
  const file = await readPlanFile(content, fileName);
  const found = findTaskTables(file.tables);
  if (!found.tables.length) return withoutTables(ctx, fileName, file);
  const tables: TImportTable[] = found.tables.map(({ title, header, mapping, rows }) => ({
    title,
    header,
    mapping,
    rows,
    moneyUnit: detectMoneyUnit([title, ...header]),
  }));
  // The appendix with the most rows is the task list; the user can pick another table in the preview.
  const tableIndex = tables.reduce((best, t, i) => (t.rows.length > tables[best]!.rows.length ? i : best), 0);
  const usedTables = new Set(found.tables.flatMap((t) => t.rows.map((r) => r.table)));
  const header = detectPlanHeader([...file.lines(usedTables), ...found.preamble]);

  // Names are matched among the units of the scope the user coordinates (the whole province for its coordinator).
  const scopePath = scopesWhere(ctx.actor, ["coordinator"])[0] ?? [];
  const units = await listUnitsWithin(ctx.db, scopePath);
  const issuer = header.issuerAbbreviation ? matchUnitName(header.issuerAbbreviation, units) : null;
  let suggestedParent: TPlanImportPreview["suggestedParent"] = null;
  for (const code of header.parentCodes) {
    suggestedParent = await repo.findPlanByCode(ctx.db, code);
    if (suggestedParent) break;
  }
  const framework = header.startYear ? await repo.findProvinceFrameworkOfYear(ctx.db, header.startYear) : null;
  const mapped = await mapTable(ctx.db, scopePath, tables[tableIndex]!, header.startYear, framework?.id);
  return {
    ...mapped,
    fileName,
    format: file.format,
    tables,
    tableIndex,
    header,
    suggestedIssuer: issuer ? { id: issuer.unit.id, name: issuer.unit.name } : null,
    suggestedParent,
    frameworkId: framework?.id ?? null,
    existingPlan: header.code ? await repo.findPlanByCode(ctx.db, header.code) : null,
    text: [],
  };
}

/**
 * A plan whose tasks are prose ("II. NHIỆM VỤ, GIẢI PHÁP") has no table to map: the preview says so and gives the
 * document's text, so the coordinator enters the tasks by hand beside it (they are saved as a table of their own).
 */
async function withoutTables(
  ctx: TServiceContext,
  fileName: string,
  file: Awaited<ReturnType<typeof readPlanFile>>,
): Promise<TPlanImportPreview> {
  const lines = file.lines(new Set());
  const header = detectPlanHeader(lines);
  const units = await listUnitsWithin(ctx.db, scopesWhere(ctx.actor, ["coordinator"])[0] ?? []);
  const issuer = header.issuerAbbreviation ? matchUnitName(header.issuerAbbreviation, units) : null;
  return {
    rows: [],
    warnings: [],
    problems: [
      `Không tìm thấy bảng nhiệm vụ trong tệp "${fileName}" (cần một bảng có cột STT, Nhiệm vụ và Chủ trì, Phối hợp hoặc Thời gian thực hiện): hãy nhập các nhiệm vụ theo nội dung văn bản hiển thị bên cạnh.`,
    ],
    units: [],
    counts: { tasks: 0, sections: 0, skipped: 0 },
    fileName,
    format: file.format,
    tables: [],
    tableIndex: 0,
    header,
    suggestedIssuer: issuer ? { id: issuer.unit.id, name: issuer.unit.name } : null,
    suggestedParent: null,
    frameworkId: null,
    existingPlan: header.code ? await repo.findPlanByCode(ctx.db, header.code) : null,
    text: lines.slice(0, 5000),
  };
}

/** The preview again for another table or a changed column mapping (the file is not sent again). */
export function remapPlanImport(ctx: TServiceContext, input: TPlanImportRemap): Promise<TPlanImportMapped> {
  return mapTable(
    ctx.db,
    scopesWhere(ctx.actor, ["coordinator"])[0] ?? [],
    input.table,
    input.defaultYear,
    input.frameworkId,
  );
}

/**
 * Saves the plan, its targets and every task of the table in one transaction, the rows mapped again on the server
 * (they came back from the browser). Unit names resolve to the user's choices, else to their match; a name left
 * unresolved stays in the task's text only. Nothing is kept on any error.
 */
export async function commitPlanImport(ctx: TServiceContext, input: TPlanImportCommit): Promise<TPlanDetail> {
  const tables = input.tables ?? (input.table ? [input.table] : []);
  if (!tables.length) throw new AppError("VALIDATION_FAILED", "Chưa chọn bảng nào để nhập.");
  return ctx.db.transaction(async (tx) => {
    const scope = await ownerScope(tx, defaultOwnerUnitId(ctx.actor, input.plan.ownerUnitId));
    ensureCan(ctx.actor, "plan.manage", scope);
    const mappedTables: TPlanImportMapped[] = [];
    const problems: string[] = [];
    for (const [i, table] of tables.entries()) {
      const mapped = await mapTable(tx, scope.scopePath, table, input.plan.startYear, input.frameworkId);
      const where = tables.length > 1 ? `${table.title ?? `Bảng ${i + 1}`}: ` : "";
      problems.push(...mapped.problems.map((p) => `${where}${p}`));
      mappedTables.push(mapped);
    }
    if (problems.length) {
      throw new AppError("VALIDATION_FAILED", `Chưa nhập được: ${problems.join(" ")}`, problems);
    }
    const chosen = Object.values(input.unitResolutions).filter((id): id is string => id !== null);
    await ensureUnitsInScope(tx, scope, chosen);

    const planId = await insertPlanWithTargets(tx, ctx, input.plan);
    let sortOrder = 0;
    for (const [i, mapped] of mappedTables.entries()) {
      // Several appendices (tasks in Phụ lục I, budget lines in Phụ lục II) each become a section of the one plan,
      // so their own numbering ("1", "2"…) does not collide.
      const appendixId =
        tables.length > 1
          ? await repo.insertTask(tx, {
              planId,
              parentId: null,
              number: null,
              isSection: true,
              content: appendixTitle(tables[i]!, i),
              sortOrder: sortOrder++,
            })
          : null;
      const resolve = unitResolver(mapped.units, input.unitResolutions);
      const ids = new Map<number, string>();
      for (const row of importableRows(mapped.rows)) {
        const id = await repo.insertTask(tx, {
          planId,
          parentId: row.parentIndex === null ? appendixId : (ids.get(row.parentIndex) ?? appendixId),
          number: row.number,
          isSection: row.kind === "section",
          content: row.content,
          leadText: row.leadText,
          cooperatingText: row.cooperatingText,
          outputText: row.outputText,
          timeframeText: row.timeframeText,
          timeframe: row.timeframe,
          directingLeader: row.directingLeader,
          budgetAmount: row.budgetAmount,
          budgetSource: row.budgetSource,
          budgetBasis: row.budgetBasis,
          sortOrder: sortOrder++,
        });
        ids.set(row.index, id);
        if (row.kind !== "task") continue;
        const { leadUnitIds, cooperatingUnitIds } = resolveTaskUnits(row, resolve);
        await repo.replaceTaskUnits(tx, id, leadUnitIds, cooperatingUnitIds);
        await repo.replaceTaskIndicators(
          tx,
          id,
          row.indicators.map((x) => x.id),
        );
      }
    }
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "plan.import",
      entityType: "plan",
      entityId: planId,
      after: {
        plan: input.plan,
        tables: tables.map((t, i) => ({
          title: t.title,
          mapping: t.mapping,
          moneyUnit: t.moneyUnit ?? null,
          counts: mappedTables[i]!.counts,
        })),
        unitResolutions: input.unitResolutions,
      },
      ip: ctx.ip,
    });
    return getPlanDetail(ctx, planId, tx);
  });
}

/** "PHỤ LỤC 2: PHÂN CÔNG …" as the section's title: the table's title from its appendix line on. */
function appendixTitle(table: TImportTable, index: number): string {
  // The unit line ("Đơn vị tính: đồng") is about the amounts, not the appendix's name.
  const title =
    table.title
      ?.replace(/\s+/g, " ")
      .replace(/\s*(?:đơn vị tính|đvt)\s*:.*$/iu, "")
      .trim() ?? "";
  const from = title.search(/ph[uụ] l[uụ]c/iu);
  return (from >= 0 ? title.slice(from) : title) || `Bảng ${index + 1}`;
}

/**
 * Imports a plan file with the reader's suggestions accepted (header, issuer, parent plan, mapping), as an
 * operator or the demo seed does without a preview screen. Answers the saved plan, or the problems that
 * stopped it (nothing saved then).
 */
export async function importPlanAsRead(
  ctx: TServiceContext,
  fileName: string,
  content: Buffer,
  overrides: { code?: string; title?: string; ownerUnitId?: string } = {},
): Promise<{ detail: TPlanDetail; preview: Awaited<ReturnType<typeof previewPlanImport>> } | { problems: string[] }> {
  const preview = await previewPlanImport(ctx, fileName, content);
  const { header } = preview;
  const plan = ZPlanInput.safeParse({
    code: overrides.code ?? header.code ?? "",
    title: overrides.title ?? header.title ?? "",
    issuerUnitId: preview.suggestedIssuer?.id ?? null,
    issuerText: preview.suggestedIssuer ? null : header.issuerAbbreviation,
    issuedOn: header.issuedOn,
    signer: header.signer,
    startYear: header.startYear,
    endYear: header.endYear,
    legalBases: header.legalBases,
    parentPlanId: preview.suggestedParent?.id ?? null,
    ownerUnitId: overrides.ownerUnitId ?? null,
  });
  const problems = [
    ...preview.problems,
    ...(plan.success ? [] : plan.error.issues.map((i) => `${i.message} (cần số hiệu, tên kế hoạch)`)),
  ];
  if (!plan.success || problems.length) return { problems };
  const detail = await commitPlanImport(ctx, {
    plan: plan.data,
    // Every appendix table, into the one plan.
    tables: preview.tables,
    unitResolutions: {},
    frameworkId: preview.frameworkId,
  });
  return { detail, preview };
}
