import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmPopover, pick } from "./support/antd.ts";
import { launchBrowser, loginAs, newPage, signedIn } from "./support/browser.ts";
import { minimalPdf } from "./support/pdf.ts";

/*
 * Levels: Sở Công Thương runs the cycle for its own offices, as the province runs it for its agencies. The demo
 * holds the department's framework (from plan 17a's appendix) given to its offices; its new coordinator does the
 * rest here in the browser.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const PLAN_DOCX = fs.readFileSync(path.join(here, "../apps/server/src/modules/plans/fixtures/seed-000.docx"));
const ITEM = "Thông tin doanh nghiệp sử dụng hợp đồng điện tử trên địa bàn tỉnh";
const NEW_PASSWORD = "SoCongThuong2025";

/** The next 30/11 after today ("trước ngày 30/11 hằng năm"), so the period is open whatever day the suite runs. */
function next30November(now = new Date()) {
  const thisYear = new Date(Date.UTC(now.getUTCFullYear(), 10, 30, 16, 59));
  return thisYear.getTime() - now.getTime() > 86_400_000 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
}
const dueYear = next30November();
const PERIOD = `6 tháng cuối năm ${dueYear}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const as = (username: string, password?: string) => signedIn(browser, username, { password });

const nav = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });

const status = (page: Page) => page.locator(".ant-card").first().locator(".ant-tag").first().textContent();

/** Fills the form of a new account; `savedPassword` saves it and returns its one-time password. */
async function issueAccount(page: Page, a: { username: string; fullName: string; unit: string; role: string }) {
  await nav(page, "Tài khoản").click();
  await page.getByRole("button", { name: "Cấp tài khoản" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tên đăng nhập").fill(a.username);
  await dialog.getByLabel("Họ và tên").fill(a.fullName);
  await pick(dialog, "Đơn vị", a.unit, a.unit);
  await pick(dialog, "Vai trò", a.role);
  await page.keyboard.press("Escape"); // closes the multi-select dropdown, not the dialog
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
  return dialog;
}

async function savedPassword(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Lưu" }).click();
  const passwordText = page.getByTestId("initial-password");
  await passwordText.waitFor();
  const password = (await passwordText.textContent())?.trim() ?? "";
  const shown = page.getByRole("dialog", { name: "Mật khẩu ban đầu" });
  await shown.locator(".ant-modal-footer").getByRole("button").click();
  await shown.waitFor({ state: "hidden" });
  return password;
}

/** First sign-in with a one-time password: the new password is set, then the user is in. */
async function firstSignIn(username: string, initialPassword: string): Promise<Page> {
  const { page } = await newPage(browser);
  await loginAs(page, username, initialPassword);
  await page.getByLabel("Mật khẩu hiện tại").fill(initialPassword);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await page.getByTestId("current-user").waitFor();
  return page;
}

describe("a department runs its own cycle (levels), end to end", () => {
  it("the province makes Sở Công Thương's coordinator; it sets up offices, accounts, its plan and period; an office reports, is asked to explain, is verified; offices see only the department; the province sees the progress", async () => {
    // The province's coordinator gives Văn phòng Sở Công Thương the coordination of the department.
    const admin = await as("admin");
    await issueAccount(admin, {
      username: "vpsct.e2e",
      fullName: "Trần Thị Điều Phối",
      unit: "Văn phòng Sở Công Thương",
      role: "Quản trị, điều phối",
    });
    await pick(admin, /^Phạm vi của vai trò/, "Sở Công Thương", "Công Thương");
    const coordinatorPassword = await savedPassword(admin);
    const sct = await firstSignIn("vpsct.e2e", coordinatorPassword);
    expect(await sct.getByTestId("current-user").textContent()).toContain("Sở Công Thương");

    // Two offices, placed under the department by default, and an account for each.
    for (const office of ["Phòng Kinh tế số", "Phòng Kỹ thuật an toàn"]) {
      await nav(sct, "Đơn vị").click();
      await sct.getByRole("button", { name: "Thêm đơn vị" }).click();
      const dialog = sct.getByRole("dialog");
      await dialog.getByLabel("Tên đơn vị").fill(office);
      await pick(sct, "Loại đơn vị", "Phòng thuộc sở");
      const parent = dialog.locator(".ant-form-item").filter({ hasText: "Đơn vị cấp trên" });
      await expect.poll(() => parent.textContent()).toContain("Sở Công Thương");
      await dialog.getByRole("button", { name: "Lưu" }).click();
      await sct.getByRole("cell", { name: office }).waitFor();
    }
    // Its unit list is the department's subtree only.
    expect(await sct.getByRole("cell", { name: "Sở Nội vụ", exact: true }).count()).toBe(0);
    await issueAccount(sct, {
      username: "pkts.e2e",
      fullName: "Lê Văn Thương Mại",
      unit: "Phòng Kinh tế số",
      role: "Cán bộ báo cáo",
    });
    const officePassword = await savedPassword(sct);
    await issueAccount(sct, {
      username: "pktat.e2e",
      fullName: "Phạm Thị An Toàn",
      unit: "Phòng Kỹ thuật an toàn",
      role: "Cán bộ báo cáo",
    });
    await savedPassword(sct);
    // Plan 17a as the department's plan (the demo already holds it under 17a: this copy takes another number).
    await nav(sct, "Kế hoạch").click();
    await sct.getByRole("button", { name: "Nhập từ Word/Excel" }).click();
    const importDialog = sct.getByRole("dialog");
    await importDialog.locator("input[type=file]").setInputFiles({
      name: "KH 17a-SCT.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: PLAN_DOCX,
    });
    await importDialog.getByTestId("import-summary").filter({ hasText: "14 nhiệm vụ" }).waitFor();
    await importDialog.getByLabel("Số hiệu").fill("17a-P/KH-SCT");
    const confirm = importDialog.getByRole("button", { name: "Xác nhận nhập" });
    if (await sct.getByLabel("Đơn vị cho Văn phòng", { exact: true }).count()) {
      await pick(sct, "Đơn vị cho Văn phòng", "Văn phòng Sở Công Thương (VP SCT)", "Văn phòng");
    }
    await confirm.click();
    await sct.getByText("Đã nhập kế hoạch 17a-P/KH-SCT").waitFor();

    // Its own period, due 30/11.
    await nav(sct, "Báo cáo").click();
    await sct.getByRole("tab", { name: "Kỳ báo cáo" }).click();
    await sct.getByRole("button", { name: "Mở kỳ báo cáo" }).click();
    const periodDialog = sct.getByRole("dialog");
    await pick(sct, "Bộ chỉ số", `Bộ chỉ số chuyển đổi số của Sở Công Thương năm ${new Date().getUTCFullYear()}`);
    await pick(sct, "Loại kỳ", "6 tháng");
    await periodDialog.getByLabel("Năm").fill(String(dueYear));
    await periodDialog.getByLabel("Kỳ số").fill("2");
    const deadline = periodDialog.getByLabel("Hạn báo cáo");
    await deadline.click();
    await deadline.fill(`30/11/${dueYear} 23:59`);
    await deadline.press("Enter");
    // Late in the year the next 30/11 falls in the next year: the period is outside the framework's year, said why.
    const frameworkYear = new Date().getUTCFullYear();
    if (dueYear !== frameworkYear) {
      await periodDialog
        .getByLabel(`Lý do mở kỳ ngoài năm ${frameworkYear} của bộ chỉ số`)
        .fill("Sở theo dõi tiếp các mục của năm trước đến hạn 30/11");
    }
    await periodDialog.getByRole("button", { name: "Mở kỳ báo cáo" }).click();
    await sct.getByText(`Đã mở kỳ ${PERIOD}`).waitFor();

    // An office (Phòng Quản lý thương mại, lead of item 7.1) reports with evidence.
    const office = await as("pqltm");
    await nav(office, "Báo cáo").click();
    const row = office.getByRole("row").filter({ hasText: ITEM }).filter({ hasText: PERIOD });
    await row.getByRole("button", { name: "Lập báo cáo" }).click();
    await office.getByRole("switch", { name: "7.1" }).click();
    await office.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await office.getByRole("button", { name: "Tải lên tài liệu" }).click();
    const upload = office.getByRole("dialog");
    await upload
      .locator("input[type=file]")
      .setInputFiles({ name: "hop-dong-dien-tu.pdf", mimeType: "application/pdf", buffer: minimalPdf() });
    await upload.getByLabel("Số hiệu văn bản").fill("45/BC-QLTM");
    await upload.getByRole("button", { name: "Tải lên và đính kèm" }).click();
    await office.getByText("hop-dong-dien-tu.pdf").waitFor();
    await confirmPopover(office, "Gửi báo cáo");
    await expect.poll(() => status(office)).toBe("Đã gửi");
    const reportUrl = office.url();

    // The department's coordinator asks for an explanation …
    await sct.goto(reportUrl);
    await sct.getByText(`7.1. ${ITEM}`).waitFor();
    await sct.getByRole("button", { name: "Yêu cầu giải trình, bổ sung" }).click();
    await sct.getByRole("dialog").getByLabel("Lý do, nội dung cần sửa").fill("Bổ sung số doanh nghiệp theo quý");
    await sct.getByRole("dialog").getByRole("button", { name: "Yêu cầu giải trình, bổ sung" }).click();
    await expect.poll(() => status(sct)).toBe("Yêu cầu giải trình");

    // … the office answers and resubmits …
    await office.reload();
    await office.getByText("Bổ sung số doanh nghiệp theo quý").first().waitFor();
    await office.getByLabel("Nhập nội dung trao đổi, giải trình…").fill("Đã bổ sung: 1.250 doanh nghiệp");
    await office.getByRole("button", { name: "Gửi", exact: true }).click();
    await office.getByText("Đã bổ sung: 1.250 doanh nghiệp").waitFor();
    await confirmPopover(office, "Gửi báo cáo");
    await expect.poll(() => status(office)).toBe("Đã gửi");

    // … and the coordinator verifies it.
    await sct.reload();
    await confirmPopover(sct, "Xác minh");
    await expect.poll(() => status(sct)).toBe("Đã xác minh");

    // A new office's user sees the department's dashboard and plans, not the province's nor another agency's.
    const newOffice = await firstSignIn("pkts.e2e", officePassword);
    await newOffice.goto("/dashboard");
    await newOffice.getByRole("combobox", { name: "Chọn bộ chỉ số" }).waitFor();
    const seen = await newOffice.evaluate(
      async () => (await (await fetch("/api/frameworks")).json()) as { code: string }[],
    );
    expect(seen.map((f) => f.code)).toEqual([`SCT-DTI-${new Date().getUTCFullYear()}`]);
    const provinceFrameworkId = await admin.evaluate(async () => {
      const all = (await (await fetch("/api/frameworks")).json()) as { id: string; ownerUnitId: string | null }[];
      return all.find((f) => f.ownerUnitId === null)!.id;
    });
    const refused = await newOffice.evaluate(
      async (id) => (await fetch(`/api/dashboard?frameworkId=${id}`)).status,
      provinceFrameworkId,
    );
    expect(refused).toBe(403);
    await nav(newOffice, "Kế hoạch").click();
    await newOffice.getByRole("tab", { name: "Kế hoạch" }).click();
    await newOffice.getByRole("link", { name: "17a-P/KH-SCT" }).waitFor();
    // The list holds the department's plans only; the province's plan 4636 (which 17a follows) does not open.
    const plans = await newOffice.evaluate(
      async () =>
        (await (await fetch("/api/plans")).json()) as { id: string; code: string; ownerUnitId: string | null }[],
    );
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((p) => p.ownerUnitId !== null)).toBe(true);
    const province = await admin.evaluate(async () => {
      const all = (await (await fetch("/api/plans")).json()) as { id: string; ownerUnitId: string | null }[];
      return all.find((p) => p.ownerUnitId === null)!.id;
    });
    expect(await newOffice.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).status, province)).toBe(403);

    // The province's coordinator sees the department's progress on its dashboard.
    await admin.goto("/dashboard");
    await pick(
      admin,
      "Chọn bộ chỉ số",
      `Bộ chỉ số chuyển đổi số của Sở Công Thương năm ${new Date().getUTCFullYear()} — Sở Công Thương`,
    );
    await pick(admin, "Kỳ báo cáo", PERIOD);
    await admin.getByRole("heading", { name: new RegExp(PERIOD) }).waitFor();
    await admin.getByRole("tab", { name: "Xếp hạng đơn vị" }).click();
    await admin.getByRole("row").filter({ hasText: "Phòng Quản lý thương mại" }).first().waitFor();
  }, 300_000); // a whole department's day, by four people, on a shared 2-core CI machine
});
