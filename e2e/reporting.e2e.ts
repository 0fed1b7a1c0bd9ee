import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmPopover, openDropdown, pick } from "./support/antd.ts";
import { launchBrowser, signedIn } from "./support/browser.ts";
import { minimalPdf } from "./support/pdf.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ROMAN = ["I", "II", "III", "IV"];
/** The quarter after today's: its deadline is always ahead, whatever day the suite runs. */
function nextQuarter(now = new Date()) {
  const q = Math.floor(now.getMonth() / 3) + 1;
  return q === 4 ? { year: now.getFullYear() + 1, index: 1 } : { year: now.getFullYear(), index: q + 1 };
}
const period = nextQuarter();
const periodLabel = `Quý ${ROMAN[period.index - 1]}/${period.year}`;
const INDICATOR = "Tỷ lệ công chức, viên chức chuyên trách về chuyển đổi số.";

const as = (username: string) => signedIn(browser, username);

async function openReviewRow(page: Page, unit: string) {
  await page.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
  await page.getByRole("tab", { name: "Xem xét báo cáo" }).click();
  // The list opens on the latest period the user sees; other journeys open later ones (a department's own), so
  // the journey picks its period by name.
  await page.getByRole("combobox", { name: "Kỳ báo cáo" }).click();
  await openDropdown(page)
    .getByTitle(`${periodLabel} — Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) năm 2025`, { exact: true })
    .click();
  await page.getByRole("row").filter({ hasText: unit }).filter({ hasText: INDICATOR }).getByRole("link").click();
  await page.getByRole("heading", { name: `4.2. ${INDICATOR}` }).waitFor();
}

/**
 * Waits until the report's status tag reads `label`. A locator wait (Playwright's, up to its action timeout) rather
 * than expect.poll, whose one-second default fails on a busy machine while the server is still answering.
 */
async function statusIs(page: Page, label: string) {
  await page
    .locator(".ant-card")
    .first()
    .locator(".ant-tag")
    .first()
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
}

describe("the reporting cycle, end to end with four accounts", () => {
  it("commune reports with a PDF → lead asks to explain → commune answers and resubmits → lead accepts and consolidates → coordinator verifies → council appraises → final", async () => {
    // the coordinator opens the period
    const admin = await as("admin");
    await admin.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    await admin.getByRole("tab", { name: "Kỳ báo cáo" }).click();
    await admin.getByRole("button", { name: "Mở kỳ báo cáo" }).click();
    const dialog = admin.getByRole("dialog");
    await pick(admin, "Bộ chỉ số", "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) năm 2025");
    await dialog.getByLabel("Năm", { exact: true }).fill(String(period.year));
    await dialog.getByLabel("Kỳ số").fill(String(period.index));
    // the deadline comes from the framework's calendar, shown in its words
    await dialog.getByText("Trước ngày 25 tháng cuối quý").waitFor();
    if (period.year !== 2025)
      await dialog.getByLabel("Lý do mở kỳ ngoài năm 2025 của bộ chỉ số").fill("Tiếp tục dùng bộ chỉ số năm 2025");
    await dialog.getByRole("button", { name: "Mở kỳ báo cáo" }).click();
    await admin.getByText(`Đã mở kỳ ${periodLabel}`).waitFor();

    // the commune reports 3/10 with a scanned plan as evidence
    const commune = await as("nhatrang");
    await commune.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    const row = commune.getByRole("row").filter({ hasText: INDICATOR }).filter({ hasText: periodLabel });
    await row.getByText("Thiếu tài liệu kiểm chứng").waitFor();
    await row.getByRole("button", { name: "Lập báo cáo" }).click();
    await commune.getByLabel("4.2 Số công chức, viên chức chuyên trách về chuyển đổi số").fill("3");
    await commune.getByLabel("4.2 Tổng số công chức, viên chức").fill("10");
    await commune.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
    expect(await commune.getByTestId("self-score").textContent()).toBe("0,00 / 30");
    const communeReportUrl = commune.url();

    await commune.getByRole("button", { name: "Tải lên tài liệu" }).click();
    const upload = commune.getByRole("dialog");
    await upload
      .locator("input[type=file]")
      .setInputFiles({ name: "ke-hoach-cds-2026.pdf", mimeType: "application/pdf", buffer: minimalPdf() });
    await upload.getByLabel("Số hiệu văn bản").fill("15/KH-UBND");
    await upload.getByLabel("Cơ quan ban hành").fill("UBND phường Nha Trang");
    await upload.getByRole("button", { name: "Tải lên và đính kèm" }).click();
    // The closing dialog still shows the file's name for a moment; the report's list is what counts.
    await upload.waitFor({ state: "hidden" });
    await commune.getByText("ke-hoach-cds-2026.pdf").waitFor();
    await commune
      .getByTestId("self-score")
      .filter({ hasText: /^9,00 \/ 30$/ })
      .waitFor();
    // the PDF previews in the browser (served inline, typed by its content)
    const href = await commune.getByRole("link", { name: "Xem ke-hoach-cds-2026.pdf" }).getAttribute("href");
    const served = await commune.evaluate(async (url) => {
      const res = await fetch(url);
      return `${res.headers.get("content-type")} ${res.headers.get("content-disposition")?.split(";")[0]}`;
    }, href!);
    expect(served).toBe("application/pdf inline");
    await confirmPopover(commune, "Gửi báo cáo");
    await statusIs(commune, "Đã gửi");

    // the lead agency asks for an explanation
    const lead = await as("noivu");
    await openReviewRow(lead, "Phường Nha Trang");
    await lead.getByRole("button", { name: "Yêu cầu giải trình, bổ sung" }).click();
    await lead
      .getByRole("dialog")
      .getByLabel("Lý do, nội dung cần sửa")
      .fill("Bổ sung quyết định phân công cán bộ chuyên trách");
    await lead.getByRole("dialog").getByRole("button", { name: "Yêu cầu giải trình, bổ sung" }).click();
    await statusIs(lead, "Yêu cầu giải trình");

    // the commune answers in the thread and resubmits
    await commune.reload();
    await commune.getByText("Bổ sung quyết định phân công cán bộ chuyên trách").first().waitFor();
    await commune.getByLabel("Nhập nội dung trao đổi, giải trình…").fill("Đã bổ sung: phường có 4 cán bộ chuyên trách");
    await commune.getByRole("button", { name: "Gửi", exact: true }).click();
    await commune.getByText("Đã bổ sung: phường có 4 cán bộ chuyên trách").waitFor();
    await commune.getByLabel("4.2 Số công chức, viên chức chuyên trách về chuyển đổi số").fill("4");
    await commune.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await confirmPopover(commune, "Gửi báo cáo");
    await statusIs(commune, "Đã gửi");

    // the lead accepts it, then consolidates with the commune's evidence
    await lead.reload();
    await confirmPopover(lead, "Chấp nhận");
    await statusIs(lead, "Đã chấp nhận");
    await lead.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    await lead.getByRole("tab", { name: "Việc cần làm" }).click();
    await lead
      .getByRole("row")
      .filter({ hasText: INDICATOR })
      .filter({ hasText: periodLabel })
      .getByRole("button", { name: "Lập báo cáo" })
      .click();
    await lead.getByText("Số liệu của các cơ quan phối hợp").waitFor();
    // the commune's figures are offered as the total (3 + 1 more after its answer = 4 of 10)
    await lead.getByRole("row").filter({ hasText: "Số tổng hợp đề xuất" }).filter({ hasText: "10" }).waitFor();
    const communeRow = lead
      .getByRole("row")
      .filter({ hasText: "Phường Nha Trang" })
      .filter({ hasText: "Đã chấp nhận" });
    await communeRow.getByText("1 tài liệu").waitFor();
    expect(await communeRow.getByRole("link", { name: "Phường Nha Trang" }).getAttribute("href")).toBe(
      new URL(communeReportUrl).pathname,
    );
    await lead.getByLabel("4.2 Số công chức, viên chức chuyên trách về chuyển đổi số").fill("120");
    await lead.getByLabel("4.2 Tổng số công chức, viên chức").fill("400");
    await lead.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await lead.getByRole("button", { name: "Chọn tài liệu đã có" }).click();
    await lead.getByRole("dialog").getByRole("combobox").first().click();
    await openDropdown(lead).getByTitle("ke-hoach-cds-2026.pdf — 15/KH-UBND").click();
    await lead.getByRole("dialog").getByRole("button", { name: "Đính kèm" }).click();
    await lead.getByText("Đã đính kèm tài liệu").waitFor();
    await lead.getByRole("link", { name: "Xem ke-hoach-cds-2026.pdf" }).waitFor();
    await confirmPopover(lead, "Gửi báo cáo");
    await statusIs(lead, "Đã gửi");

    // the coordinator verifies
    await openReviewRow(admin, "Sở Nội vụ");
    await confirmPopover(admin, "Xác minh");
    await statusIs(admin, "Đã xác minh");

    // the appraisal council sets its own score, with a reason
    const council = await as("thamdinh");
    await openReviewRow(council, "Sở Nội vụ");
    await council.getByRole("button", { name: "Thẩm định" }).click();
    // 35 on a 30-point indicator is refused where it is typed, never clamped to 30
    await council.getByRole("dialog").getByLabel("Điểm thẩm định").fill("35");
    await council.getByRole("dialog").getByText("Vượt điểm tối đa (30).").waitFor();
    await council.getByRole("dialog").getByLabel("Điểm thẩm định").fill("7,5");
    await council
      .getByRole("dialog")
      .getByLabel(/Nhận xét thẩm định/)
      .fill("Hai phường chưa có quyết định phân công");
    await council.getByRole("dialog").getByRole("button", { name: "Thẩm định" }).click();
    await statusIs(council, "Đã thẩm định");

    // the coordinator closes it: the final score and every step are on the report
    await admin.reload();
    await confirmPopover(admin, "Chốt kết quả");
    await statusIs(admin, "Kết quả chính thức");
    expect(await admin.getByText("Điểm thẩm định: 7,50").isVisible()).toBe(true);
    const history = await admin.getByTestId("report-history").textContent();
    for (const step of ["Gửi báo cáo", "Xác minh", "Thẩm định", "Chốt kết quả"]) expect(history).toContain(step);
    await commune.goto("/reports");
    const communeHistory = commune.getByRole("row").filter({ hasText: INDICATOR }).filter({ hasText: periodLabel });
    expect(await communeHistory.textContent()).toContain("Đã chấp nhận");
  }, 180_000); // eight steps by four people: far more than one page, on a shared 2-core CI machine

  it("keeps what a reporter typed across a reload before it was saved, then saves it", async () => {
    const commune = await as("nhatrang");
    await commune.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    await commune
      .getByRole("row")
      .filter({ hasText: "Tỷ lệ công chức, viên chức chuyên trách về An toàn thông tin mạng." })
      .filter({ hasText: periodLabel })
      .getByRole("button", { name: "Lập báo cáo" })
      .click();
    const numerator = commune.getByLabel(/^4\.3 Số công chức/);
    await numerator.fill("7");
    await commune.reload(); // before the autosave fires
    await commune.getByText("Đã khôi phục nội dung bạn nhập nhưng chưa lưu").waitFor();
    expect(await commune.getByLabel(/^4\.3 Số công chức/).inputValue()).toBe("7");
    await commune.getByLabel("Ghi chú, thuyết minh").fill("Số liệu tạm tính");
    await commune.getByTestId("save-state").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await commune.reload();
    expect(await commune.getByLabel(/^4\.3 Số công chức/).inputValue()).toBe("7");
    expect(await commune.getByText("Đã khôi phục nội dung bạn nhập nhưng chưa lưu").count()).toBe(0);
  });
});
