import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const PLAN_DOCX = fs.readFileSync(path.join(here, "../apps/server/src/modules/plans/fixtures/seed-000.docx"));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("plan import, when the number is missing", () => {
  it("brings the missing số hiệu into view and says so, without an unhandled error", async () => {
    const { page } = await newPage(browser);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await loginAs(page, "admin");
    await page.getByRole("navigation").getByRole("link", { name: "Kế hoạch", exact: true }).click();
    await page.getByRole("button", { name: "Nhập từ Word/Excel" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("input[type=file]").setInputFiles({
      name: "KH 17a-SCT.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: PLAN_DOCX,
    });
    const code = dialog.getByLabel("Số hiệu");
    await code.waitFor();
    // the title was read without the number glued to it
    expect(await dialog.getByLabel("Tên kế hoạch").inputValue()).not.toMatch(/Số\s*:/);
    await code.fill("");
    // scroll away from the header, as a user checking the rows would have
    await dialog.getByTestId("import-rows").scrollIntoViewIfNeeded();
    await dialog.getByRole("button", { name: "Xác nhận nhập" }).click();
    const error = dialog.getByText("Vui lòng nhập số hiệu kế hoạch").first();
    await error.waitFor();
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator(".ant-message").getByText("Vui lòng nhập số hiệu kế hoạch").waitFor();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
