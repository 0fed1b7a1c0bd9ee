import { Readable } from "node:stream";
import { parseOfficialResults, type TCell, type TOfficialResult } from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import { loadExcel } from "../../excel.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { inspectOfficeFile, isDamagedArchive, OFFICE_LIMITS } from "../../storage/office-file.ts";
import { recordAudit } from "../audit/repo.ts";
import { listIndicators } from "../frameworks/repo.ts";
import { findFrameworkForYear } from "./framework-of-year.ts";
import * as repo from "./repo.ts";

export function presentResult(row: Awaited<ReturnType<typeof repo.listResults>>[number]): TOfficialResult {
  return {
    year: row.year,
    province: row.province,
    index: row.dtiIndex,
    rank: row.rank,
    mainValues: Object.fromEntries(
      Object.entries(row.mainValues).map(([k, v]) => [k, { value: v.value, rank: v.rank ?? null }]),
    ),
    pillarValues: row.pillarValues,
    note: row.note,
  };
}

export async function listOfficialResults(db: TDbOrTx, year?: number) {
  return (await repo.listResults(db, year)).map(presentResult);
}

/** Cells of the first sheet of an .xlsx, or of a .csv, as plain values. */
async function readTable(fileName: string, content: Buffer): Promise<TCell[][]> {
  const workbook = new (await loadExcel()).Workbook();
  const csv = /\.csv$/i.test(fileName);
  try {
    if (!csv) await inspectOfficeFile(content, fileName);
    else if (content.toString("latin1").split("\n").length > OFFICE_LIMITS.maxRows)
      throw new AppError("UNSUPPORTED_FILE", `Tệp "${fileName}" bị từ chối: có hơn ${OFFICE_LIMITS.maxRows} dòng.`);
  } catch (err) {
    if (!isDamagedArchive(err)) throw err;
  }
  try {
    if (csv) await workbook.csv.read(Readable.from(content.toString("utf8").replace(/^\uFEFF/, "")));
    else await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    throw new AppError("VALIDATION_FAILED", "Tệp không đọc được: cần tệp Excel (.xlsx) hoặc CSV (.csv) hợp lệ.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("VALIDATION_FAILED", "Tệp không có trang tính nào.");
  const rows: TCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as unknown[]).slice(1).map((v): TCell => {
      if (v === null || v === undefined) return null;
      if (typeof v === "number" || typeof v === "string") return v;
      if (typeof v === "object" && v && "result" in v) return (v as { result: TCell }).result;
      if (typeof v === "object" && v && "richText" in v)
        return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
      return String(v);
    });
    rows[number - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Replaces a year's national results with the file's, in one transaction — or refuses the whole file with
 * row-numbered messages. Main indicators are recognised by the codes and names of that year's framework.
 */
export async function importOfficialResults(ctx: TServiceContext, year: number, fileName: string, content: Buffer) {
  const table = await readTable(fileName, content);
  const framework = await findFrameworkForYear(ctx.db, year);
  const mains = framework ? (await listIndicators(ctx.db, framework.id)).filter((i) => i.parentId === null) : [];
  const { results, issues } = parseOfficialResults(table, year, mains);
  if (issues.length)
    throw new AppError("VALIDATION_FAILED", `Tệp có ${issues.length} lỗi; chưa lưu kết quả nào.`, issues);
  await ctx.db.transaction(async (tx) => {
    await repo.replaceYear(
      tx,
      year,
      results.map((r) => toRow(r, ctx.actor.id)),
    );
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "official_results.import",
      entityType: "official_results",
      entityId: String(year),
      after: { year, provinces: results.length, fileName },
      ip: ctx.ip,
    });
  });
  return { year, count: results.length };
}

export async function saveOfficialResult(ctx: TServiceContext, input: TOfficialResult) {
  await ctx.db.transaction(async (tx) => {
    await repo.upsertResult(tx, toRow(input, ctx.actor.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "official_results.save",
      entityType: "official_results",
      entityId: `${input.year}:${input.province}`,
      after: input,
      ip: ctx.ip,
    });
  });
}

function toRow(r: TOfficialResult, actorId: string) {
  return {
    year: r.year,
    province: r.province,
    dtiIndex: r.index,
    rank: r.rank,
    mainValues: r.mainValues,
    pillarValues: r.pillarValues,
    note: r.note,
    importedBy: actorId,
  };
}
