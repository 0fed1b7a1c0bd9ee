import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const HEADER = [
  "Đơn vị",
  "Đơn vị cấp trên",
  "Loại đơn vị",
  "Họ và tên",
  "Chức vụ",
  "Email",
  "Tên đăng nhập",
  "Vai trò",
];

async function accountsSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tài khoản");
  sheet.addRow(HEADER);
  sheet.addRow([
    "Phòng Thương mại điện tử",
    "Sở Công Thương",
    "Phòng thuộc sở",
    "Trần Thị Thương",
    "Trưởng phòng",
    "",
    "e2e.tmdt.lead",
    "Lãnh đạo đơn vị",
  ]);
  sheet.addRow(["Phòng Thương mại điện tử", "", "", "Lê Văn Mại", "Chuyên viên", "", "e2e.tmdt.bc", "Cán bộ báo cáo"]);
  sheet.addRow(["Sở Tài chính", "", "", "Phạm Thị Chính", "Chuyên viên", "", "e2e.tc.bc", "can bo bao cao"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("accounts in bulk", () => {
  it("the coordinator previews a sheet, issues its accounts, prints the one-time passwords; re-importing changes nothing", async () => {
    const { page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByTestId("current-user").waitFor();
    await page.goto("/accounts");
    await page.getByRole("button", { name: "Nhập từ Excel" }).click();
    const file = { name: "tai-khoan.xlsx", mimeType: "application/octet-stream", buffer: await accountsSheet() };
    await page.locator("input[type=file]").setInputFiles(file);
    const dialog = page.getByRole("dialog");
    await dialog.getByText("1 đơn vị mới, 3 tài khoản mới, 0 tài khoản giữ nguyên, 0 dòng lỗi").waitFor();
    expect(await dialog.getByText("đơn vị mới", { exact: true }).count()).toBe(2);
    await dialog.getByRole("button", { name: "Cấp 3 tài khoản" }).click();

    await page.getByRole("heading", { name: "Danh sách mật khẩu ban đầu" }).waitFor();
    const list = await page.locator(".password-list table").textContent();
    expect(list).toContain("e2e.tmdt.lead");
    expect(list).toContain("Trưởng phòng");
    expect(await page.locator(".password-list table code").count()).toBe(3);
    await page.getByRole("button", { name: "In danh sách" }).waitFor();
    await page.getByRole("button", { name: "Đóng (mật khẩu sẽ không hiển thị lại)" }).click();
    await page.getByRole("cell", { name: "e2e.tc.bc" }).waitFor();

    await page.getByRole("button", { name: "Nhập từ Excel" }).click();
    await page.locator("input[type=file]").setInputFiles(file);
    await dialog.getByText("0 đơn vị mới, 0 tài khoản mới, 3 tài khoản giữ nguyên, 0 dòng lỗi").waitFor();
    expect(await dialog.getByRole("button", { name: "Cấp 0 tài khoản" }).isDisabled()).toBe(true);
  });
});
