import { z } from "zod";
import { foldVietnamese } from "../text/fold.ts";

/** Units of money plans state above or in their budget tables; budgets are kept in million đồng. */
export const MONEY_UNITS = ["đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"] as const;
export const ZMoneyUnit = z.enum(MONEY_UNITS);
export type TMoneyUnit = z.infer<typeof ZMoneyUnit>;

const MILLIONS_PER_UNIT: Record<TMoneyUnit, number> = {
  đồng: 1e-6,
  "nghìn đồng": 1e-3,
  "triệu đồng": 1,
  "tỷ đồng": 1000,
};

/**
 * The unit of money a table states: "Đơn vị tính: Triệu đồng" above it, or "Kinh phí (nghìn đồng)" in its header;
 * null when it says none (then the plan's usual million đồng is assumed, and the preview says so).
 */
export function detectMoneyUnit(texts: readonly (string | null | undefined)[]): TMoneyUnit | null {
  for (const text of texts) {
    if (!text) continue;
    const folded = foldVietnamese(text);
    const match =
      /don vi(?: tinh)?\s*:?\s*(ty|trieu|nghin|ngan)?\s*(?:dong|vnd)\b/.exec(folded) ??
      /\(\s*(ty|trieu|nghin|ngan)?\s*(?:dong|vnd)\s*\)/.exec(folded) ??
      /\b(ty|trieu|nghin|ngan)\s+dong\b/.exec(folded);
    if (!match) continue;
    const word = match[1];
    if (word === "ty") return "tỷ đồng";
    if (word === "trieu") return "triệu đồng";
    if (word === "nghin" || word === "ngan") return "nghìn đồng";
    return "đồng";
  }
  return null;
}

/** An amount in the stated unit, in million đồng (to the đồng: six decimals). */
export function toMillionDong(amount: number, unit: TMoneyUnit | null): number {
  return Math.round(amount * MILLIONS_PER_UNIT[unit ?? "triệu đồng"] * 1e6) / 1e6;
}
