import { z } from "zod";
import {
  FRAMEWORK_TRANSFER_FORMAT,
  hasAllCooperating,
  type TFrameworkDetail,
  type TFrameworkIssue,
  type TFrameworkTransfer,
  type TIndicator,
  type TTransferIndicator,
  ZFrameworkTransfer,
} from "../contracts/frameworks.ts";
import type { TFrameworkAdjustment } from "../scoring/aggregate.ts";
import { createUnitNameMatcher, type TUnitNameCandidate } from "../text/unit-names.ts";
import type { TBuiltinFramework, TBuiltinIndicator, TUnitGroup, TUnitRef } from "./builtin-dti-2025.ts";
import { buildTree, type TTree } from "./tree.ts";
import { type TValidatableIndicator, validateFramework } from "./validate.ts";

/**
 * The portable form of a framework (`TFrameworkTransfer`): built from a stored framework or a built-in one,
 * read from JSON, checked, and matched to the province's units. The Excel form lives in the server
 * (apps/server/src/modules/frameworks/excel.ts) and reads into the same shape.
 */

/** What reading a file gives: the framework when it could be read (possibly with issues), and every problem. */
export interface TTransferRead {
  transfer: TFrameworkTransfer | null;
  issues: TFrameworkIssue[];
}

// Per-parse rather than z.config(): core is also loaded by the web, whose global zod config is not ours to set.
const VIETNAMESE_ERRORS = z.locales.vi().localeError;

/** safeParse with zod's built-in messages in Vietnamese (the schemas' own messages already are). */
export function safeParseVi<T extends z.ZodType>(schema: T, data: unknown) {
  return schema.safeParse(data, { error: VIETNAMESE_ERRORS });
}

/** ["indicators", 3, "maxScore"] → "indicators[3].maxScore". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, "");
}

/** A stored framework with its assignment; indicators in tree order, units by name. */
export function frameworkToTransfer(
  detail: TFrameworkDetail,
  adjustments: readonly TFrameworkAdjustment[] = detail.adjustments,
): TFrameworkTransfer {
  const codeById = new Map(detail.indicators.map((i) => [i.id, i.code]));
  const ordered = flattenTree(buildTree(detail.indicators));
  return {
    format: FRAMEWORK_TRANSFER_FORMAT,
    framework: {
      code: detail.code,
      name: detail.name,
      year: detail.year,
      level: detail.level,
      legalBasis: detail.legalBasis,
      adjustments: adjustments.map((a) => ({ ...a })),
    },
    indicators: ordered.map((i) => storedToTransfer(i, i.parentId ? (codeById.get(i.parentId) ?? null) : null)),
  };
}

function flattenTree<T extends TIndicator>(nodes: readonly TTree<T>[]): T[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

function storedToTransfer(i: TIndicator, parentCode: string | null): TTransferIndicator {
  // The API's detail lists only the first cooperating units: a transfer made from it would drop the rest.
  if (!hasAllCooperating(i)) throw new Error(`Indicator ${i.code}: a transfer needs every cooperating unit`);
  return {
    code: i.code,
    name: i.name,
    maxScore: i.maxScore,
    valueKind: i.valueKind,
    inputs: i.inputs,
    rule: i.rule,
    unitOfMeasure: i.unitOfMeasure,
    evidenceText: i.evidenceText,
    evidenceRequired: i.evidenceRequired,
    guidance: i.guidance,
    dataSource: i.dataSource,
    autoMeasured: i.autoMeasured,
    parentCode,
    lead: i.lead?.unitName ?? null,
    cooperating: i.cooperating.map((u) => u.unitName),
  };
}

/**
 * How a built-in framework's unit groups are written in a transfer: the plan's own wording (ADR 0005).
 * A transfer has no notion of groups, so on import these are names like any other and the coordinator
 * decides what they map to.
 */
export const UNIT_GROUP_NAMES: Record<TUnitGroup, string> = {
  departments: "Các sở, ban, ngành",
  communes: "Các địa phương",
  telecoms: "Các doanh nghiệp viễn thông",
};

/**
 * A built-in framework as a transfer, with the defaults `installBuiltinFrameworks` stores (a leaf without a
 * rule is "number" + manual, evidence required on scored leaves) and the plan's lead and cooperating agencies.
 */
export function builtinToTransfer(framework: TBuiltinFramework): TFrameworkTransfer {
  return ZFrameworkTransfer.parse({
    format: FRAMEWORK_TRANSFER_FORMAT,
    framework: {
      code: framework.code,
      name: framework.name,
      year: framework.year,
      level: framework.level,
      legalBasis: framework.legalBasis,
      adjustments: [],
    },
    indicators: flattenBuiltin(framework.indicators, null),
  });
}

function flattenBuiltin(nodes: readonly TBuiltinIndicator[], parentCode: string | null): TTransferIndicator[] {
  return nodes.flatMap((node) => [
    builtinToIndicator(node, parentCode),
    ...flattenBuiltin(node.children ?? [], node.code),
  ]);
}

function builtinToIndicator(node: TBuiltinIndicator, parentCode: string | null): TTransferIndicator {
  const isLeaf = !node.children?.length;
  const lead = node.lead ?? null;
  const cooperating = (node.cooperating ?? []).map(unitRefName).filter((name) => name !== lead);
  return {
    code: node.code,
    name: node.name,
    maxScore: node.maxScore,
    valueKind: isLeaf ? (node.valueKind ?? "number") : null,
    inputs: node.inputs ?? [],
    rule: isLeaf ? (node.rule ?? { type: "manual" }) : null,
    unitOfMeasure: null,
    evidenceText: null,
    evidenceRequired: isLeaf && node.maxScore > 0,
    guidance: null,
    dataSource: null,
    autoMeasured: false,
    parentCode,
    lead,
    cooperating: [...new Set(cooperating)],
  };
}

function unitRefName(ref: TUnitRef): string {
  return "unit" in ref ? ref.unit : UNIT_GROUP_NAMES[ref.group];
}

/** The fields of an indicator that the framework checks need. */
export type TTransferTreeFields = Pick<
  TTransferIndicator,
  "code" | "parentCode" | "maxScore" | "valueKind" | "inputs" | "rule"
>;

/** Indicators of a transfer as `validateFramework` takes them; `rows[i]` is the file row of indicator i. */
export function transferToValidatable(
  transfer: { indicators: readonly TTransferTreeFields[] },
  rows?: readonly number[],
): TValidatableIndicator[] {
  return transfer.indicators.map((i, index) => ({
    code: i.code,
    parentCode: i.parentCode,
    maxScore: i.maxScore,
    valueKind: i.valueKind,
    inputs: i.inputs,
    rule: i.rule,
    row: rows?.[index],
  }));
}

const NOT_JSON = "Tệp không phải là tệp JSON hợp lệ hoặc đã bị hỏng.";
const NOT_TRANSFER = `Tệp JSON không phải là bộ chỉ số xuất từ Chỉ số (cần "format": "${FRAMEWORK_TRANSFER_FORMAT}").`;

/**
 * Reads an exported JSON file. Schema errors name their path ("indicators[3].maxScore: …") and give no
 * framework; a readable framework is then checked and returned with the check's issues.
 */
export function parseTransferJson(text: string): TTransferRead {
  const data = parseJson(text.replace(/^\uFEFF/, "")); // editors on Windows save JSON with a byte-order mark
  if (data === undefined) return onlyIssue(NOT_JSON);
  // Any other JSON (a list, another tool's export) gets one clear message rather than dozens of schema errors.
  if (!isObject(data) || data.format !== FRAMEWORK_TRANSFER_FORMAT) return onlyIssue(NOT_TRANSFER);
  const parsed = safeParseVi(ZFrameworkTransfer, data);
  if (!parsed.success) {
    return { transfer: null, issues: parsed.error.issues.map((issue) => jsonSchemaIssue(issue, data)) };
  }
  return { transfer: parsed.data, issues: validateFramework(transferToValidatable(parsed.data)) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyIssue(message: string): TTransferRead {
  return { transfer: null, issues: [{ code: null, row: null, message }] };
}

function jsonSchemaIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): TFrameworkIssue {
  const [section, index] = issue.path;
  const indicator = section === "indicators" && typeof index === "number" ? indicatorAt(data, index) : undefined;
  const code = isObject(indicator) && typeof indicator.code === "string" ? indicator.code : null;
  return { code, row: null, message: `${formatIssuePath(issue.path)}: ${issue.message}` };
}

function indicatorAt(data: Record<string, unknown>, index: number): unknown {
  return Array.isArray(data.indicators) ? data.indicators[index] : undefined;
}

/** Every distinct unit name of a transfer (leads and cooperating), in order of first appearance. */
export function collectUnitNames(transfer: Pick<TFrameworkTransfer, "indicators">): string[] {
  const names = transfer.indicators.flatMap((i) => [...(i.lead ? [i.lead] : []), ...i.cooperating]);
  return [...new Set(names)];
}

/**
 * Matches each unit name of a transfer to a unit ("Sở KH&CN" = "Sở Khoa học và Công nghệ", accents and case
 * aside). Ambiguous names stay unmatched: assigning an indicator to the wrong agency is worse than asking.
 */
export function matchTransferUnits(
  transfer: Pick<TFrameworkTransfer, "indicators">,
  units: readonly TUnitNameCandidate[],
): { matched: Record<string, string>; unmatched: string[] } {
  const match = createUnitNameMatcher(units);
  const matched: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const name of collectUnitNames(transfer)) {
    const found = match(name);
    if (found) matched[name] = found.unit.id;
    else unmatched.push(name);
  }
  return { matched, unmatched };
}
