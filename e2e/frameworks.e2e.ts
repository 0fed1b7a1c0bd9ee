import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDropdown } from "./support/antd.ts";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function choose(page: Page, scope: ReturnType<Page["getByRole"]>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await openDropdown(page).getByTitle(option, { exact: true }).click();
}

async function addIndicator(
  page: Page,
  fields: { code: string; name: string; max: string },
  extra?: (drawer: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  const drawer = page.getByRole("dialog");
  await drawer.getByLabel("Mã", { exact: true }).fill(fields.code);
  await drawer.getByLabel("Điểm tối đa").fill(fields.max);
  await drawer.getByLabel("Tên chỉ số").fill(fields.name);
  if (extra) await extra(drawer);
  await drawer.getByRole("button", { name: "Lưu" }).click();
  await drawer.waitFor({ state: "hidden" });
}

describe("framework editor", () => {
  it("builds a small framework, is held back by the live checks, publishes it, and simulates scores", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByRole("link", { name: "Bộ chỉ số" }).click();

    await page.getByRole("button", { name: "Tạo bộ chỉ số" }).click();
    const modal = page.getByRole("dialog");
    await modal.getByLabel("Mã bộ chỉ số").fill("SCT-NOIBO-2026");
    await modal.getByLabel("Tên bộ chỉ số").fill("Bộ chỉ số chuyển đổi số nội bộ Sở Công Thương 2026");
    await modal.getByLabel("Năm").fill("2026");
    await choose(page, modal, "Phạm vi đánh giá", "Sở, ban, ngành");
    await modal.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Hãy thêm chỉ số chính, hoặc nhập từ Excel").waitFor();

    await page.getByRole("button", { name: "Thêm chỉ số chính" }).click();
    await addIndicator(page, { code: "1", name: "Chuyển đổi số nội bộ", max: "30" });
    await page.getByRole("button", { name: "Thêm chỉ số con 1" }).click();
    await addIndicator(page, { code: "1.1", name: "Ban hành kế hoạch chuyển đổi số năm", max: "10" });

    // the live check: the branch does not add up yet, publishing is disabled
    await expect
      .poll(() => page.getByTestId("framework-issues").textContent())
      .toContain("1: tổng điểm tối đa của các chỉ số con (10) khác điểm tối đa (30).");
    expect(await page.getByRole("button", { name: "Ban hành" }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Thêm chỉ số con 1" }).click();
    await addIndicator(
      page,
      { code: "1.2", name: "Số cuộc họp Ban chỉ đạo chuyển đổi số", max: "20" },
      async (drawer) => {
        await choose(page, drawer, "Loại giá trị", "Số lượng");
        await choose(page, drawer, "Cách chấm", "Theo ngưỡng");
        await drawer.getByLabel("Từ").fill("4");
      },
    );
    await expect.poll(() => page.getByTestId("framework-issues").count()).toBe(0);
    await expect.poll(() => page.getByTestId("framework-total").textContent()).toBe("30");

    await page.getByRole("button", { name: "Ban hành" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Ban hành" }).click();
    await page.getByText("Đã ban hành bộ chỉ số").waitFor();
    expect(await page.getByText("Đã ban hành", { exact: true }).first().isVisible()).toBe(true);
    // a published tree has no edit controls
    expect(await page.getByRole("button", { name: "Sửa 1.1" }).count()).toBe(0);

    await page.getByRole("tab", { name: "Mô phỏng điểm" }).click();
    await expect.poll(() => page.getByTestId("what-if-total").textContent()).toBe("0");
    await page.getByRole("switch", { name: "1.1" }).click();
    await expect.poll(() => page.getByTestId("what-if-total").textContent()).toBe("10");
    await page.getByLabel("1.2 Giá trị").fill("4");
    await expect.poll(() => page.getByTestId("what-if-total").textContent()).toBe("30");
    expect(await page.getByText("1.2: 4 → 20,00/20 điểm (ngưỡng ≥ 4)").isVisible()).toBe(true);
    await page.getByLabel("1.2 Giá trị").fill("3");
    await expect.poll(() => page.getByTestId("what-if-total").textContent()).toBe("10");
    await context.close();
  });
});
