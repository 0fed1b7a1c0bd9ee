import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick } from "./support/antd.ts";
import { launchBrowser, signedIn } from "./support/browser.ts";
import { minimalPdf } from "./support/pdf.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Seed 000's plan as a Word file: tables split across pages, row 4.2 cut by a page break (scripts/fixtures). */
const PLAN_DOCX = fs.readFileSync(path.join(here, "../apps/server/src/modules/plans/fixtures/seed-000.docx"));
const TASK_11 = "Triển khai thiết lập chuyên mục “Chuyển đổi số” trên trang thông tin điện tử Sở Công Thương";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, username);

describe("plans, end to end", () => {
  it("the coordinator imports a Word plan, adjusts a column, confirms; the lead unit posts progress with a document and sees what is overdue", async () => {
    // the coordinator uploads the plan: every row is shown, nothing is saved yet
    const admin = await as("admin");
    await admin.getByRole("navigation").getByRole("link", { name: "Kế hoạch", exact: true }).click();
    await admin.getByRole("button", { name: "Nhập từ Word/Excel" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.locator("input[type=file]").setInputFiles({
      name: "KH 17a-SCT.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: PLAN_DOCX,
    });
    const summary = dialog.getByTestId("import-summary");
    await summary.filter({ hasText: "14 nhiệm vụ, 8 mục, 5 dòng bỏ qua" }).waitFor();
    expect(await dialog.getByLabel("Số hiệu").inputValue()).toBe("17a/KH-SCT");
    // The demo already holds 17a as Sở Công Thương's own plan: the province keeps its copy under another number.
    await dialog.getByLabel("Số hiệu").fill("17a-T/KH-SCT");
    const rows = dialog.getByTestId("import-rows");
    await rows.getByText("Ghép vào dòng trên").waitFor();
    await rows.getByText("Quyết định phân công").waitFor();

    // one column read as something it is not: ignore it, the preview follows; then read it as the result again
    await pick(admin, 'Cột "Kết quả"', "Bỏ qua (không nhập)");
    await expect.poll(() => rows.getByText("Quyết định phân công").count()).toBe(0);
    await pick(admin, 'Cột "Kết quả"', "Kết quả / sản phẩm đầu ra");
    await rows.getByText("Quyết định phân công").waitFor();

    // "Văn phòng" matched no unit: the coordinator assigns it (the demo has no Văn phòng Sở Công Thương account)
    await pick(admin, "Đơn vị cho Văn phòng", "Văn phòng UBND tỉnh (VP UBND tỉnh)", "UBND tỉnh");
    await dialog.getByRole("button", { name: "Xác nhận nhập" }).click();
    await admin.getByText("Đã nhập kế hoạch 17a-T/KH-SCT").waitFor();
    await admin
      .getByRole("heading", { name: "Hỗ trợ nâng bậc DTI tỉnh Khánh Hòa năm 2025 và các năm tiếp theo" })
      .waitFor();
    await admin.getByTestId("progress-by-section").getByText("II.4 Nhân lực số").waitFor();
    await admin.getByTestId("progress-by-unit").getByText("Văn phòng UBND tỉnh").waitFor();
    // "Năm 2025" has ended: those tasks are flagged, the recurring ones are not
    expect(await admin.getByTestId("overdue-tag").count()).toBe(2);

    // the lead unit sees its tasks across plans, overdue ones flagged, and posts progress with evidence
    const unit = await as("vpubnd");
    await unit.getByRole("navigation").getByRole("link", { name: "Kế hoạch", exact: true }).click();
    await unit.getByRole("tab", { name: "Công việc của đơn vị" }).click();
    const row = unit.getByTestId("my-tasks").getByRole("row").filter({ hasText: TASK_11 });
    await row.getByTestId("overdue-tag").waitFor();
    await row.getByRole("button", { name: TASK_11 }).click();
    const drawer = unit.getByRole("dialog");
    await drawer.getByTestId("task-content").filter({ hasText: TASK_11 }).waitFor();
    await drawer.locator("input[type=file]").setInputFiles({
      name: "chuyen-muc-cds.pdf",
      mimeType: "application/pdf",
      buffer: minimalPdf("Chuyen muc chuyen doi so"),
    });
    await unit.getByText("Đã tải lên chuyen-muc-cds.pdf").waitFor();
    await drawer.getByLabel("Tỷ lệ", { exact: true }).fill("60");
    await drawer.getByLabel("Ghi chú, kết quả đạt được").fill("Đã lập chuyên mục, đang bổ sung tin bài");
    await drawer.getByRole("button", { name: "Cập nhật tiến độ" }).click();
    await unit.getByText("Đã cập nhật tiến độ").waitFor();
    const updates = drawer.getByTestId("task-updates");
    await updates.getByText("Đã lập chuyên mục, đang bổ sung tin bài").waitFor();
    await updates.getByRole("link", { name: "chuyen-muc-cds.pdf" }).waitFor();
    expect(await drawer.getByTestId("task-status").textContent()).toContain("Đang thực hiện");
    expect(await drawer.getByTestId("task-status").textContent()).toContain("Quá hạn");
    await unit.keyboard.press("Escape");

    // only the overdue ones
    await unit.getByLabel("Chỉ nhiệm vụ quá hạn").click();
    await expect.poll(() => unit.getByTestId("my-tasks").getByTestId("overdue-tag").count()).toBe(2);

    // a cooperating or unrelated unit reads but cannot post
    const other = await as("noivu");
    await other.goto("/plans");
    await other.getByRole("tab", { name: "Kế hoạch" }).click();
    await other.getByRole("link", { name: "17a-T/KH-SCT" }).click();
    await other.getByRole("button", { name: TASK_11 }).click();
    await other.getByText("Chỉ đơn vị chủ trì nhiệm vụ được cập nhật tiến độ.").waitFor();
    expect(await other.getByRole("button", { name: "Cập nhật tiến độ" }).count()).toBe(0);
  });
});
