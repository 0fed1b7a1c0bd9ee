import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick } from "./support/antd.ts";
import { launchBrowser, signedIn } from "./support/browser.ts";

/*
 * The coordinator's per-agency decisions on the demo commune round (in self-assessment): a later deadline for
 * Phường Nha Trang with a reason, and bonus points with a reason, each confirmed; the agency sees its extension.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ROUND = "Đánh giá mức độ chuyển đổi số xã, phường, đặc khu năm 2025";
const AGENCY = "Phường Nha Trang";

async function as(username: string): Promise<Page> {
  const page = await signedIn(browser, username);
  await page.getByRole("navigation").getByRole("link", { name: "Đánh giá cơ quan" }).click();
  await page.getByRole("link", { name: ROUND }).click();
  await page.getByRole("heading", { name: ROUND }).waitFor();
  return page;
}

/** dd/mm/yyyy of the day `days` from now in Vietnam time. */
const dayFromNow = (days: number) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" })
    .format(new Date(Date.now() + days * 86_400_000))
    .replaceAll("-", "/");

describe("the coordinator extends one agency's deadline and gives bonus points, each with a reason", () => {
  it("confirms each decision, refuses 0 points, and the agency sees its new deadline", async () => {
    const admin = await as("admin");
    await admin.getByRole("tab", { name: "Hội đồng" }).click();

    const extension = admin.locator("form").filter({ hasText: "Hạn mới" });
    await pick(extension, "Cơ quan", AGENCY, AGENCY);
    const date = dayFromNow(40);
    const deadline = extension.getByLabel("Hạn mới", { exact: true });
    await deadline.click();
    await deadline.fill(date);
    await deadline.press("Enter");
    await extension
      .getByLabel("Lý do", { exact: true })
      .fill("Phường mới sáp nhập, cần thêm thời gian thu thập tài liệu");
    await extension.getByRole("button", { name: "Gia hạn" }).click();
    const confirmExtension = admin.getByRole("dialog");
    // antd's confirm carries its title twice (hidden heading and visible text): the visible one
    await confirmExtension.getByText(`Gia hạn tự đánh giá cho ${AGENCY} đến hết ngày ${date}?`).last().waitFor();
    await confirmExtension.getByRole("button", { name: "Gia hạn" }).click();
    await admin.getByText(`Đã gia hạn tự đánh giá cho ${AGENCY}`).waitFor();

    const adjustment = admin.locator("form").filter({ hasText: "Số điểm" });
    await pick(adjustment, "Cơ quan", AGENCY, AGENCY);
    await adjustment.getByLabel("Số điểm", { exact: true }).fill("0");
    await adjustment.getByLabel("Lý do", { exact: true }).fill("Mô hình điểm về chuyển đổi số");
    await adjustment.getByRole("button", { name: "Ghi điểm" }).click();
    await adjustment.getByText("Điểm cộng/trừ phải khác 0").waitFor();
    expect(await admin.getByRole("dialog").count()).toBe(0);
    await adjustment.getByLabel("Số điểm", { exact: true }).fill("2,5");
    await adjustment.getByRole("button", { name: "Ghi điểm" }).click();
    const confirmAdjustment = admin.getByRole("dialog");
    await confirmAdjustment.getByText(`Cộng 2,5 điểm cho ${AGENCY}?`).last().waitFor();
    await confirmAdjustment.getByRole("button", { name: "Ghi điểm" }).click();
    await admin.getByText(`Đã ghi điểm cộng/trừ cho ${AGENCY}`).waitFor();

    await admin.getByRole("tab", { name: "Kết quả, xếp hạng" }).click();
    const row = admin.getByRole("row").filter({ hasText: AGENCY });
    // The table's page is its own query (the form above lists every agency): it may show the numbers it had while
    // it reloads after the change.
    await row.filter({ hasText: "2,5" }).waitFor();
    expect(await row.textContent()).toContain("2,5");

    const agency = await as("nhatrang");
    await agency.getByText("đã gia hạn: Phường mới sáp nhập, cần thêm thời gian thu thập tài liệu").waitFor();
    expect(await agency.getByText(`Hạn: ${date}`).count()).toBe(1);
  }, 180_000);
});
