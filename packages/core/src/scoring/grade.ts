import { z } from "zod";
import { roundHalfAwayFromZero } from "./round.ts";

/**
 * A grading band (mức xếp loại): reached when the score is at least `minPercent` of the maximum. The lowest band
 * has `minPercent` 0 so every score gets a grade. Names and thresholds belong to the round, not to the code.
 */
export const ZGradeBand = z.object({
  name: z.string().trim().min(1).max(50),
  minPercent: z.number().min(0).max(100),
});
export type TGradeBand = z.infer<typeof ZGradeBand>;

export const ZGradeBands = z
  .array(ZGradeBand)
  .min(1)
  .max(10)
  .superRefine((bands, ctx) => {
    if (!bands.some((band) => band.minPercent === 0))
      ctx.addIssue({ code: "custom", message: "Cần một mức xếp loại từ 0% để mọi cơ quan đều được xếp loại." });
    if (new Set(bands.map((band) => band.minPercent)).size !== bands.length)
      ctx.addIssue({ code: "custom", message: "Hai mức xếp loại không được có cùng ngưỡng." });
    if (new Set(bands.map((band) => band.name)).size !== bands.length)
      ctx.addIssue({ code: "custom", message: "Hai mức xếp loại không được trùng tên." });
  });

/** The bands most provincial decisions use (QĐ 780/2022 Kon Tum, QĐ 545/2023 Sơn La). */
export const DEFAULT_GRADE_BANDS: readonly TGradeBand[] = [
  { name: "Tốt", minPercent: 80 },
  { name: "Khá", minPercent: 65 },
  { name: "Trung bình", minPercent: 50 },
  { name: "Yếu", minPercent: 0 },
];

/** Score as a percentage of the maximum, 2 decimals half away from zero, as decisions print it (400/500 → 80). */
export function percentOf(points: number, maxScore: number): number {
  return maxScore > 0 ? roundHalfAwayFromZero((points / maxScore) * 100, 2) : 0;
}

/**
 * The grade of a score: the highest band whose threshold the rounded percentage reaches, so 400/500 (80,00%)
 * is "Tốt" and 399,99/500 (80,00% once rounded to 2 decimals) too — the published percentage decides.
 */
export function gradeOf(points: number, maxScore: number, bands: readonly TGradeBand[]): TGradeBand | null {
  const percent = percentOf(points, maxScore);
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  return sorted.find((band) => percent >= band.minPercent) ?? null;
}
