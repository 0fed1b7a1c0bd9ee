import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("proposed points on a judgement criterion", () => {
  it("the lead agency proposes points on 6.2 with an explanation; over the maximum is refused in words; the score shows them", async () => {
    const { page } = await newPage(browser);
    await loginAs(page, "vpubnd");
    await page.getByTestId("current-user").waitFor();
    // the demo's open quarter: the agency's report on 6.2 (a criterion the council judges, no formula)
    const reportId = await page.evaluate(async () => {
      const items: { indicatorCode: string; periodId: string; indicatorId: string; open: boolean }[] = await (
        await fetch("/api/worklist")
      ).json();
      const item = items.find((i) => i.indicatorCode === "6.2" && i.open)!;
      const res = await fetch("/api/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ periodId: item.periodId, indicatorId: item.indicatorId }),
      });
      return ((await res.json()) as { id: string }).id;
    });
    await page.goto(`/reports/${reportId}`);
    const card = page.getByTestId("proposed-points");
    const points = card.getByLabel("Điểm đề xuất (tiêu chí chấm theo đánh giá)");
    await points.fill("25");
    await card.getByText("Vượt điểm tối đa (20).").waitFor();
    // the typed text stays as typed, never clamped, and nothing is saved while it is wrong
    expect(await points.inputValue()).toBe("25");
    await page.getByTestId("save-state").filter({ hasText: "Chưa lưu: sửa ô đang báo lỗi để lưu." }).waitFor();

    await points.fill("15,5");
    await card.getByText("Vui lòng giải thích điểm đề xuất (ít nhất 5 ký tự).").waitFor();
    await card.getByLabel("Giải thích điểm đề xuất").fill("Đã ban hành quy chế, còn thiếu báo cáo quý");
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
    // required evidence is not attached yet: 0 now, as the council would score it
    await page
      .getByTestId("self-score")
      .filter({ hasText: /^0,00 \/ 20$/ })
      .waitFor();
    const saved = await page.evaluate(
      async (id) => (await (await fetch(`/api/reports/${id}`)).json()) as { proposedPoints: number | null },
      reportId,
    );
    expect(saved.proposedPoints).toBe(15.5);

    // withdrawn again, so the demo's totals stay as other journeys expect them
    await points.fill("");
    await card.getByLabel("Giải thích điểm đề xuất").fill("");
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
  });
});
