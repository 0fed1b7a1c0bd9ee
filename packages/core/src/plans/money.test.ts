import { describe, expect, it } from "vitest";
import { detectMoneyUnit, toMillionDong } from "./money.ts";

describe("the unit of money a plan states", () => {
  it.each([
    [["PHỤ LỤC II", "Đơn vị tính: Triệu đồng"], "triệu đồng"],
    [["Đơn vị tính: đồng"], "đồng"],
    [["ĐVT: nghìn đồng", "Đơn vị: Nghìn đồng"], "nghìn đồng"],
    [["DANH MỤC DỰ ÁN", "Tổng mức đầu tư (tỷ đồng)"], "tỷ đồng"],
    [["Kinh phí (đồng)"], "đồng"],
    [["Mục tiêu, nội dung đầu tư", null], null],
  ])("%o → %s", (texts, unit) => {
    expect(detectMoneyUnit(texts)).toBe(unit);
  });

  it("converts to million đồng, exact to the đồng", () => {
    expect(toMillionDong(1_234_567_000, "đồng")).toBe(1234.567);
    expect(toMillionDong(1_500_001, "đồng")).toBe(1.500001);
    expect(toMillionDong(2_500, "nghìn đồng")).toBe(2.5);
    expect(toMillionDong(1.2, "tỷ đồng")).toBe(1200);
    expect(toMillionDong(350, null)).toBe(350);
  });
});
