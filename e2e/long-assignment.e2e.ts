import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginAs, newPage, PHONE, signedIn } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("an indicator with more cooperating units than the framework detail lists", () => {
  it("shows the first names and the count, and the coordinator edits the whole list without dropping any", async () => {
    const { page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByTestId("current-user").waitFor();
    // Every unit of the demo province (and a few more) cooperating on 6.6, set through the API.
    for (let n = 1; n <= 5; n++) {
      const res = await page.request.post("/api/units", { data: { name: `Xã Phối Hợp ${n}`, kind: "commune" } });
      expect(res.status()).toBe(201);
    }
    const frameworks: { id: string; code: string }[] = await (await page.request.get("/api/frameworks")).json();
    const frameworkId = frameworks.find((f) => f.code === "DTI-TINH-2025")!.id;
    const detail: { indicators: { id: string; code: string }[] } = await (
      await page.request.get(`/api/frameworks/${frameworkId}`)
    ).json();
    const indicatorId = detail.indicators.find((i) => i.code === "6.6")!.id;
    const units: { id: string; name: string }[] = await (await page.request.get("/api/units")).json();
    const leadId = units.find((u) => u.name === "Văn phòng UBND tỉnh")!.id;
    const cooperating = units.filter((u) => u.id !== leadId).map((u) => u.id);
    expect(cooperating.length).toBeGreaterThan(20);
    const saved = await page.request.put(`/api/indicators/${indicatorId}/assignment`, {
      data: { leadUnitId: leadId, cooperatingUnitIds: cooperating },
    });
    expect(saved.status()).toBe(200);

    await page.goto(`/frameworks?id=${frameworkId}&tab=assignment`);
    const row = page.getByRole("row", { name: /^6\.6 / });
    await row.getByText(`+${cooperating.length - 3} đơn vị`).waitFor();
    await row.getByRole("button", { name: `Xem, sửa danh sách (${cooperating.length})` }).click();
    const dialog = page.getByRole("dialog", { name: "Cơ quan phối hợp — chỉ số 6.6" });
    // Searched without accents, among the chosen units: one is moved out, the rest stay.
    const chosen = dialog.locator(".ant-transfer-section").nth(1);
    await chosen.getByPlaceholder("Tìm đơn vị (gõ có dấu hoặc không dấu)").fill("so tai chinh");
    await chosen.getByText("Sở Tài chính (STC)", { exact: true }).click();
    await dialog.getByRole("button", { name: "Bỏ ra" }).click();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu phân công chỉ số 6.6").waitFor();
    await dialog.waitFor({ state: "hidden" });

    const after: { cooperating: { unitName: string }[] } = await (
      await page.request.get(`/api/frameworks/${frameworkId}/indicators/${indicatorId}/assignment`)
    ).json();
    expect(after.cooperating).toHaveLength(cooperating.length - 1);
    expect(after.cooperating.map((c) => c.unitName)).not.toContain("Sở Tài chính");
    await row.getByRole("button", { name: `Xem, sửa danh sách (${cooperating.length - 1})` }).waitFor();

    // On a phone the two lists stack: the chosen units and both buttons are on screen, none cut off at the right.
    const phone = await signedIn(browser, "admin", { viewport: PHONE });
    await phone.goto(`/frameworks?id=${frameworkId}&tab=assignment`);
    await phone.getByRole("button", { name: `Xem, sửa danh sách (${cooperating.length - 1})` }).click();
    const phoneDialog = phone.getByRole("dialog", { name: "Cơ quan phối hợp — chỉ số 6.6" });
    await phoneDialog.getByText(`${cooperating.length - 1} mục`).waitFor();
    for (const part of [
      phoneDialog.locator(".ant-transfer-section").first(),
      phoneDialog.locator(".ant-transfer-section").last(),
      phoneDialog.getByRole("button", { name: "Thêm" }),
      phoneDialog.getByRole("button", { name: "Bỏ ra" }),
    ]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await phone.context().close();
  });
});
