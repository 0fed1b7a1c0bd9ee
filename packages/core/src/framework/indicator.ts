import { z } from "zod";

/** What a reporter types for a leaf indicator. */
export const VALUE_KINDS = [
  "boolean", // có/không
  "percent", // tỷ lệ %, typed directly
  "count", // số lượng
  "number", // số có đơn vị tính
  "money", // triệu đồng
  "choice", // một lựa chọn trong danh sách
  "multi", // nhiều ô nhập có tên, ví dụ tử số và mẫu số
] as const;
export const ZValueKind = z.enum(VALUE_KINDS);
export type TValueKind = z.infer<typeof ZValueKind>;

/** A named input of a "multi" indicator (e.g. numerator / denominator). */
export const ZIndicatorInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  unit: z.string().optional(),
  /** How cooperating units' values of this input add up in the lead's report (core reporting/consolidate). */
  consolidate: z.enum(["sum", "none"]).optional(),
});
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

/**
 * Points of a choice or a part: fixed points, or a share of the indicator's maximum ("Phó: 1/2 điểm tối đa"),
 * so the rule stays right when the coordinator changes the maximum. Exactly one of the two is set.
 */
const pointsOrShare = <T extends { points?: number; share?: number }>(item: T) =>
  (item.points === undefined) !== (item.share === undefined);
const POINTS_OR_SHARE = { message: "Cần đúng một trong hai: điểm hoặc tỷ lệ của điểm tối đa." };

export const ZChoiceOption = z
  .object({
    key: z.string().min(1),
    label: z.string().min(1),
    points: z.number().min(0).optional(),
    share: z.number().min(0).max(1).optional(),
  })
  .refine(pointsOrShare, POINTS_OR_SHARE);
export type TChoiceOption = z.infer<typeof ZChoiceOption>;

export const ZRulePart = z
  .object({
    key: z.string().min(1),
    label: z.string().min(1),
    points: z.number().min(0).optional(),
    share: z.number().min(0).max(1).optional(),
  })
  .refine(pointsOrShare, POINTS_OR_SHARE);
export type TRulePart = z.infer<typeof ZRulePart>;

/** The points an option or part is worth on an indicator whose maximum is `maxScore`. */
export function pointsOf(item: { points?: number; share?: number }, maxScore: number): number {
  return item.points ?? (item.share ?? 0) * maxScore;
}

/**
 * What a ratio makes of a zero denominator (no case to count: no procedures, no incidents), chosen in the
 * framework: "invalid" (a data slip, the default), "not_applicable" (the criterion leaves the maximum) or "full".
 */
export const ZERO_DENOMINATOR_RULES = ["invalid", "not_applicable", "full"] as const;

/**
 * Scoring rules. Parameters are stored as data so a coordinator can set them without a developer.
 * Input keys refer to the indicator's inputs; single-valued indicators use the key "value".
 */
export const ZScoringRule = z.discriminatedUnion("type", [
  z.object({ type: z.literal("yes_no"), input: z.string().default("value") }),
  z.object({
    // numerator ÷ denominator × max (capped); `fullAtPercent` lets 80% already earn full points
    type: z.literal("ratio"),
    numerator: z.string().default("numerator"),
    denominator: z.string().default("denominator"),
    fullAtPercent: z.number().positive().max(100).default(100),
    whenZeroDenominator: z.enum(ZERO_DENOMINATOR_RULES).optional(), // absent = "invalid"
  }),
  z.object({
    // value ÷ target × max (capped); value in the indicator's own unit
    type: z.literal("target"),
    input: z.string().default("value"),
    target: z.number().positive(),
  }),
  z.object({
    // thresholds → points; the first band whose `min` the value reaches wins (also count thresholds: "≥ 4 cuộc họp")
    type: z.literal("bands"),
    input: z.string().default("value"),
    bands: z.array(z.object({ min: z.number(), points: z.number().min(0) })).min(1),
  }),
  z.object({ type: z.literal("choice"), input: z.string().default("value"), options: z.array(ZChoiceOption).min(1) }),
  z.object({
    // each satisfied condition adds its share
    type: z.literal("parts"),
    parts: z.array(ZRulePart).min(1),
  }),
  z.object({ type: z.literal("manual") }),
  z.object({ type: z.literal("not_scored") }),
]);
export type TScoringRule = z.infer<typeof ZScoringRule>;
export type TRuleType = TScoringRule["type"];
export const RULE_TYPES = [
  "yes_no",
  "ratio",
  "target",
  "bands",
  "choice",
  "parts",
  "manual",
  "not_scored",
] as const satisfies readonly TRuleType[];

/** A value a reporter entered: one entry per input key. */
export type TInputValue = number | boolean | string | null;
export type TReportedValues = Record<string, TInputValue>;
