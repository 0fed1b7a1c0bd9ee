import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDropdown } from "./support/antd.ts";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const WORDS = "06 tháng: trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)";

describe("a plan's progress-report calendar, in the browser", () => {
  it("the coordinator sets seed 003's '06 tháng, trước ngày 10/6 và ngày 10/12' on a new plan, sees it in words, and an unchanged edit keeps it", async () => {
    const { page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByTestId("current-user").waitFor();
    await page.goto("/plans");
    await page.getByRole("button", { name: "Thêm kế hoạch" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Số hiệu").fill("03-TD/KH-UBND");
    await dialog.getByLabel("Tên kế hoạch").fill("Kế hoạch thực hiện chỉ tiêu chuyển đổi số (thử lịch báo cáo)");
    await dialog.getByLabel("Định kỳ báo cáo tiến độ").click();
    await openDropdown(page).getByTitle("06 tháng", { exact: true }).click();
    // Words the calendar cannot read are refused by the server with a Vietnamese message; nothing is saved.
    await dialog.getByLabel("Hạn báo cáo (ghi như kế hoạch)").fill("khi có yêu cầu");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByText('Không đọc được hạn báo cáo tiến độ "khi có yêu cầu"').waitFor();
    await dialog.getByLabel("Hạn báo cáo (ghi như kế hoạch)").fill("trước ngày 10/6 và ngày 10/12");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByText(WORDS).waitFor();

    await page.getByRole("button", { name: "Sửa kế hoạch" }).click();
    const edit = page.getByRole("dialog");
    expect(await edit.getByLabel("Hạn báo cáo (ghi như kế hoạch)").inputValue()).toBe(
      "Trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)",
    );
    await edit.getByRole("button", { name: "Lưu" }).click();
    await edit.waitFor({ state: "hidden" });
    await page.getByText(WORDS).waitFor();
  });
});
