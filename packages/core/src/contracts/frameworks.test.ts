import { describe, expect, it } from "vitest";
import {
  COOPERATING_PREVIEW_LIMIT,
  hasAllCooperating,
  MAX_COOPERATING_UNITS,
  type TFrameworkDetail,
  type TIndicator,
  withCooperatingPreview,
  ZAssignmentUpdate,
} from "./frameworks.ts";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const units = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ unitId: id(i + 1), unitName: `Đơn vị ${i + 1}`, shortName: null }));

function withCooperating(count: number): TFrameworkDetail {
  const indicator = { id: id(9000), cooperating: units(count), cooperatingCount: count } as unknown as TIndicator;
  return { indicators: [indicator] } as unknown as TFrameworkDetail;
}

describe("withCooperatingPreview", () => {
  it.each([
    [0, 0],
    [COOPERATING_PREVIEW_LIMIT, COOPERATING_PREVIEW_LIMIT],
    [COOPERATING_PREVIEW_LIMIT + 1, COOPERATING_PREVIEW_LIMIT],
    [800, COOPERATING_PREVIEW_LIMIT],
  ])("%i cooperating units → %i listed, the count kept", (count, listed) => {
    const full = withCooperating(count);
    const [indicator] = withCooperatingPreview(full).indicators;
    expect(indicator!.cooperating).toEqual(full.indicators[0]!.cooperating.slice(0, listed));
    expect(indicator!.cooperatingCount).toBe(count);
    expect(hasAllCooperating(indicator!)).toBe(count <= COOPERATING_PREVIEW_LIMIT);
    // The server's whole detail is left as it was.
    expect(full.indicators[0]!.cooperating).toHaveLength(count);
  });
});

describe("ZAssignmentUpdate", () => {
  it.each([
    [800, true],
    [MAX_COOPERATING_UNITS, true],
    [MAX_COOPERATING_UNITS + 1, false],
  ])("%i cooperating units → accepted: %s", (count, ok) => {
    const parsed = ZAssignmentUpdate.safeParse({
      leadUnitId: null,
      cooperatingUnitIds: units(count).map((u) => u.unitId),
    });
    expect(parsed.success).toBe(ok);
  });
});
