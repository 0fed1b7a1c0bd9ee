import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick } from "./support/antd.ts";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("deadlines picked in a browser outside Vietnam", () => {
  it("reads 05/12/2026 17:00 as Vietnam time and shows it back unchanged", async () => {
    // A computer set to UTC: the picker used to save 17:00 UTC, shown as 06/12 00:00 in Vietnam time.
    const { context, page } = await newPage(browser, undefined, "UTC");
    await loginAs(page, "admin");
    await page.getByTestId("current-user").waitFor();

    // its own period slot, so no other journey depends on it; its own deadline (the plan's rule) is in 2022
    const frameworks = (await (await page.request.get("/api/frameworks")).json()) as { id: string; code: string }[];
    const dti = frameworks.find((f) => f.code === "DTI-TINH-2025")!;
    const created = await page.request.post("/api/periods", {
      data: {
        frameworkId: dti.id,
        kind: "half",
        year: 2022,
        index: 1,
        // A year no other journey uses, on the 2025 framework: said why.
        outOfYearReason: "Kỳ riêng của hành trình múi giờ",
      },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const period = (await created.json()) as { id: string };

    await page.goto("/reports?tab=periods");
    const row = page.getByRole("row").filter({ hasText: "6 tháng đầu năm 2022" });
    await row.getByRole("button", { name: "Gia hạn cho đơn vị" }).click();
    const dialog = page.getByRole("dialog");
    await pick(dialog, "Đơn vị", "Phường Nha Trang", "Phường Nha Trang");
    const deadline = dialog.getByLabel("Hạn mới");
    await deadline.click();
    await deadline.fill("05/12/2026 17:00");
    await deadline.press("Enter");
    await dialog.getByLabel("Lý do").fill("Mất điện diện rộng");
    await dialog.getByRole("button", { name: "Gia hạn cho đơn vị" }).click();
    await row.getByText("Phường Nha Trang: 05/12/2026 17:00").waitFor();

    const periods = (await (await page.request.get("/api/periods")).json()) as {
      id: string;
      extensions: { unitName: string; deadline: string }[];
    }[];
    const extension = periods.find((p) => p.id === period.id)!.extensions[0]!;
    expect(new Date(extension.deadline).toISOString()).toBe("2026-12-05T10:00:00.000Z");
    await context.close();
  }, 60_000);
});
