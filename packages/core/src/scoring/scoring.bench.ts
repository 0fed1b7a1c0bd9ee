import { bench, describe } from "vitest";
import { DTI_PROVINCE_2025 } from "../framework/builtin-dti-2025.ts";
import type { TReportedValues } from "../framework/indicator.ts";
import { aggregateScores } from "./aggregate.ts";
import { scoreIndicator } from "./score-indicator.ts";

const leaves = DTI_PROVINCE_2025.indicators.flatMap((m) => m.children ?? []);

function valuesFor(kind: string | undefined, seed: number): TReportedValues {
  if (kind === "multi") return { numerator: 400 + (seed % 100), denominator: 500 };
  if (kind === "boolean") return { value: seed % 2 === 0 };
  return { value: seed % 10 };
}

// The what-if simulator rescored on every keystroke: 50 leaves scored and aggregated to the 1000-point total.
describe("scoring the 2025 province framework", () => {
  bench("score 50 indicators and aggregate", () => {
    const scores = leaves.map((leaf, i) =>
      scoreIndicator({
        code: leaf.code,
        maxScore: leaf.maxScore,
        rule: leaf.rule ?? { type: "manual" },
        values: valuesFor(leaf.valueKind, i),
        manualPoints: leaf.maxScore / 2,
        evidence: { required: true, count: i % 7 === 0 ? 0 : 1 },
      }),
    );
    aggregateScores({ indicators: DTI_PROVINCE_2025.indicators, scores });
  });
});
