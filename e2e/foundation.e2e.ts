import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick } from "./support/antd.ts";
import { baseUrl, launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("foundation journeys", () => {
  it("a wrong password shows a Vietnamese error and keeps the user on the login page", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, "admin", "mat-khau-sai");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(await page.getByRole("button", { name: "Đăng nhập" }).isVisible()).toBe(true);
    await context.close();
  });

  it("the coordinator sees the 2025 framework totalling 1000 points, creates a unit and issues an account; the new user must change the password", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByRole("link", { name: "Bộ chỉ số" }).click();
    await expect.poll(() => page.getByTestId("framework-total").textContent()).toBe("1.000");
    expect(await page.getByTestId("framework-summary").textContent()).toContain("9 chỉ số chính, 50 chỉ số thành phần");
    expect(await page.getByText("Tỷ lệ hồ sơ trực tuyến toàn trình").isVisible()).toBe(true);

    // accent-insensitive search narrows the tree
    await page.getByRole("searchbox", { name: "Tìm kiếm (không cần dấu)" }).fill("ho so truc tuyen toan trinh");
    await expect.poll(() => page.getByText("Tỷ lệ hồ sơ nộp trực tuyến").count()).toBe(0);
    expect(await page.getByText("Tỷ lệ hồ sơ trực tuyến toàn trình").isVisible()).toBe(true);

    // a new unit
    await page.getByRole("link", { name: "Đơn vị", exact: true }).click();
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    const unitDialog = page.getByRole("dialog");
    await unitDialog.getByLabel("Tên đơn vị").fill("Phường Tây Nha Trang");
    await unitDialog.getByLabel("Tên viết tắt").fill("P. Tây Nha Trang");
    await pick(unitDialog, "Loại đơn vị", "Xã, phường, đặc khu");
    await unitDialog.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Phường Tây Nha Trang" }).count()).toBe(1);

    // an account in it
    await page.getByRole("link", { name: "Tài khoản", exact: true }).click();
    await page.getByRole("button", { name: "Cấp tài khoản" }).click();
    const accountDialog = page.getByRole("dialog");
    await accountDialog.getByLabel("Tên đăng nhập").fill("taynhatrang");
    await accountDialog.getByLabel("Họ và tên").fill("Võ Thị Phường");
    await pick(accountDialog, "Đơn vị", "Phường Tây Nha Trang", "Tây Nha");
    await pick(accountDialog, "Vai trò", "Cán bộ báo cáo");
    await accountDialog.getByText("Cấp tài khoản").click(); // closes the multi-select dropdown
    await accountDialog.getByRole("button", { name: "Lưu" }).click();
    const passwordText = page.getByTestId("initial-password");
    await passwordText.waitFor();
    const initialPassword = (await passwordText.textContent())?.trim() ?? "";
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const shown = page.getByRole("dialog", { name: "Mật khẩu ban đầu" });
    await shown.locator(".ant-modal-footer").getByRole("button").click();
    await shown.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Đăng xuất" }).click();

    // first login of the new user: forced password change
    await loginAs(page, "taynhatrang", initialPassword);
    await page.getByText("Vui lòng đặt mật khẩu mới để tiếp tục").waitFor();
    await page.getByLabel("Mật khẩu hiện tại").fill(initialPassword);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("PhuongMoi2025");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("PhuongMoi2025");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.getByText("Xin chào, Võ Thị Phường").waitFor();
    expect(await page.getByTestId("current-user").textContent()).toContain("Cán bộ báo cáo");
    await context.close();
  });

  it("a unit reporter sees no administration, gets a 403 page for accounts, and the API refuses too", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, "nhatrang");
    await page.getByText("Xin chào, Lê Văn Báo Cáo").waitFor();
    expect(await page.getByRole("link", { name: "Tài khoản", exact: true }).count()).toBe(0);
    await page.goto("/accounts");
    await page.getByText("Bạn không có quyền xem trang này.").waitFor();
    const status = await page.evaluate(async () => (await fetch("/api/accounts")).status);
    expect(status).toBe(403);
    // what it may see: its home is its to-do list, its own indicators as cooperating unit (one per open period)
    await page.goto("/");
    await page.getByRole("heading", { name: "Việc cần làm" }).waitFor();
    await page.getByText("Số lượng thành viên của Tổ công nghệ số cộng đồng trên 100 dân").first().waitFor();
    await context.close();
  });

  it("moves nothing for a user whose system asks for reduced motion, and animates for the others", async () => {
    const transitionOfSignIn = async (reducedMotion: "reduce" | "no-preference") => {
      const context = await browser.newContext({ baseURL: baseUrl(), locale: "vi-VN", reducedMotion });
      const page = await context.newPage();
      await page.goto("/");
      const button = page.getByRole("button", { name: "Đăng nhập" });
      const duration = await button.evaluate((element) => getComputedStyle(element).transitionDuration);
      await context.close();
      return duration;
    };
    expect(await transitionOfSignIn("reduce")).toBe("0s");
    expect(await transitionOfSignIn("no-preference")).not.toBe("0s");
  });
});
