import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { openDropdown } from "./support/antd.ts";
import { launchBrowser, signedIn } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, username);

const CONCLUSION = "Bổ sung công chức chuyên trách chuyển đổi số tại 65 xã, phường, đặc khu";

describe("six-monthly review, end to end", () => {
  it("the coordinator records a review of plan 4636; its conclusion becomes a task in the lead unit's list", async () => {
    const admin = await as("admin");
    await admin.getByRole("navigation").getByRole("link", { name: "Kế hoạch", exact: true }).click();
    // (17a links to it as its parent too: the first link is the plan's own row)
    await admin.getByRole("link", { name: "4636/KH-UBND", exact: true }).first().click();
    // the plan as written: its targets and a section II task with its lead
    await admin.getByText("DTI ≥ 800/1000 điểm").waitFor();
    await admin.getByText("Ít nhất 04/08 chỉ số chính nằm trong nhóm 10 tỉnh, thành phố dẫn đầu").waitFor();

    await admin.getByRole("button", { name: "Ghi biên bản sơ kết" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Ngày họp").fill("15/07/2025");
    await dialog.getByLabel("Ngày họp").press("Enter");
    await dialog.getByLabel("Thành phần tham dự").fill("Lãnh đạo UBND tỉnh; Sở KH&CN; Sở Nội vụ; các sở, ban, ngành");
    await dialog.getByLabel("Kết luận 1", { exact: true }).fill(CONCLUSION);
    await dialog.getByLabel("Đơn vị chủ trì kết luận 1").click();
    await admin.keyboard.type("Sở Nội vụ");
    await openDropdown(admin).getByTitle("Sở Nội vụ", { exact: true }).click();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await admin.getByText("Đã ghi biên bản; các kết luận đã thành nhiệm vụ").waitFor();
    await admin.getByTestId("plan-reviews").getByText(CONCLUSION).waitFor();

    // the lead unit finds the conclusion among its own tasks
    const lead = await as("noivu");
    await lead.getByRole("navigation").getByRole("link", { name: "Kế hoạch", exact: true }).click();
    await lead.getByRole("tab", { name: "Công việc của đơn vị" }).click();
    await lead.getByTestId("my-tasks").getByRole("row").filter({ hasText: CONCLUSION }).waitFor();
  });
});
