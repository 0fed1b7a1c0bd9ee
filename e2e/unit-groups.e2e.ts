import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("named groups of units", () => {
  it("the coordinator creates a group with Công an tỉnh under Đơn vị, edits it, and deletes it after confirming", async () => {
    const { page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByTestId("current-user").waitFor();
    await page.goto("/units");
    const section = page.getByTestId("unit-groups");
    await section.getByRole("button", { name: "Tạo nhóm đơn vị" }).click();
    const dialog = page.getByRole("dialog");
    // saving without members says what is missing, in Vietnamese
    await dialog.getByLabel("Tên nhóm").fill("Cơ quan ngành dọc e2e");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByText("Vui lòng chọn ít nhất một đơn vị của nhóm").waitFor();
    const members = dialog.getByLabel("Các đơn vị trong nhóm");
    await members.fill("Công an");
    await page.locator(".ant-select-item-option", { hasText: "Công an tỉnh" }).first().click();
    await members.fill("Sở Nội");
    await page.locator(".ant-select-item-option", { hasText: "Sở Nội vụ" }).first().click();
    await dialog.getByLabel("Tên nhóm").click();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = section.getByRole("row", { name: /Cơ quan ngành dọc e2e/ });
    await row.getByText("2 đơn vị: Công an tỉnh; Sở Nội vụ").waitFor();

    await row.getByRole("button", { name: "Sửa" }).click();
    await dialog
      .locator(".ant-select-selection-item", { hasText: "Sở Nội vụ" })
      .locator(".ant-select-selection-item-remove")
      .click();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.getByText("1 đơn vị: Công an tỉnh").waitFor();

    await row.getByRole("button", { name: "Xóa" }).click();
    await page.getByText("Xóa nhóm “Cơ quan ngành dọc e2e”?").waitFor();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Xóa" }).click();
    await page.getByText("Đã xóa nhóm đơn vị").waitFor();
    expect(await section.getByText("Cơ quan ngành dọc e2e").count()).toBe(0);
  });
});
