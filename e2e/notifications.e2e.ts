import type { APIRequestContext, Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDropdown } from "./support/antd.ts";
import { launchBrowser, signedIn } from "./support/browser.ts";
import { minimalPdf } from "./support/pdf.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const DAY_MS = 86_400_000;
// Its own slot (a yearly period of a past year), so the journey does not depend on the other journeys.
const PERIOD = { kind: "year", year: 2024, index: 1, outOfYearReason: "Bổ sung số liệu năm 2024" } as const;
const PERIOD_LABEL = "Năm 2024";

const as = (username: string) => signedIn(browser, username);

async function ok<T>(response: ReturnType<APIRequestContext["get"]>): Promise<T> {
  const res = await response;
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

describe("chasing: notifications and the completeness page", () => {
  it("a returned report shows in the reporter's bell and is marked read; the coordinator sees a late unit and chases it", async () => {
    const admin = await as("admin");
    const frameworks = await ok<{ id: string; code: string }[]>(admin.request.get("/api/frameworks"));
    const dti = frameworks.find((f) => f.code === "DTI-TINH-2025")!;
    const framework = await ok<{ indicators: { id: string; code: string }[] }>(
      admin.request.get(`/api/frameworks/${dti.id}`),
    );
    const period = await ok<{ id: string }>(
      admin.request.post("/api/periods", {
        data: { frameworkId: dti.id, ...PERIOD, deadline: new Date(Date.now() + 7 * DAY_MS).toISOString() },
      }),
    );

    // the ward reports 4.2 with a scanned decision (through the API: the report page has its own journey)
    const ward = await as("nhatrang");
    const indicatorId = framework.indicators.find((i) => i.code === "4.2")!.id;
    let report = await ok<{ id: string; version: number }>(
      ward.request.post("/api/reports", { data: { periodId: period.id, indicatorId } }),
    );
    report = await ok(
      ward.request.patch(`/api/reports/${report.id}`, {
        data: { values: { numerator: 4, denominator: 10 }, version: report.version },
      }),
    );
    const document = await ok<{ id: string }>(
      ward.request.post("/api/documents", {
        multipart: {
          file: { name: "qd-phan-cong.pdf", mimeType: "application/pdf", buffer: minimalPdf() },
          docNumber: "21/QĐ-UBND",
          issuer: "UBND phường Nha Trang",
        },
      }),
    );
    report = await ok(ward.request.post(`/api/reports/${report.id}/documents`, { data: { documentId: document.id } }));
    report = await ok(
      ward.request.post(`/api/reports/${report.id}/actions`, { data: { action: "submit", version: report.version } }),
    );

    // the lead agency returns it
    const lead = await as("noivu");
    await ok(
      lead.request.post(`/api/reports/${report.id}/actions`, {
        data: { action: "return", version: report.version, comment: "Thiếu quyết định phân công cán bộ" },
      }),
    );

    // the reporter's bell shows it; one click marks it read, another marks everything read
    await ward.reload();
    const bell = ward.getByTestId("notification-bell");
    // a locator wait: expect.poll gives up after one second, short on a busy machine right after a reload
    await ward.locator('[data-testid="notification-bell"][aria-label*="thông báo chưa đọc"]').waitFor();
    await bell.click();
    const panel = ward.getByTestId("notification-panel");
    const returned = panel.getByTestId("notification-item").filter({ hasText: "Báo cáo chỉ số 4.2 bị trả lại" });
    await returned.waitFor();
    expect(await returned.textContent()).toContain("Thiếu quyết định phân công cán bộ");
    expect(await returned.getAttribute("data-unread")).toBe("true");
    await returned.getByRole("button", { name: "Đánh dấu đã đọc: Báo cáo chỉ số 4.2 bị trả lại" }).click();
    await returned.and(ward.locator('[data-unread="false"]')).waitFor();
    await panel.getByRole("button", { name: "Đánh dấu tất cả đã đọc" }).click();
    await ward.locator('[data-testid="notification-bell"][aria-label="Thông báo"]').waitFor();
    // the notice leads to the report
    await returned.getByText("Báo cáo chỉ số 4.2 bị trả lại").click();
    await ward.waitForURL(`**/reports/${report.id}`);

    // the deadline passes: the coordinator sees who is late and chases them
    await ok(
      admin.request.patch(`/api/periods/${period.id}`, {
        data: { deadline: new Date(Date.now() - 2 * DAY_MS).toISOString() },
      }),
    );
    await admin.getByRole("navigation").getByRole("link", { name: "Tỷ lệ báo cáo" }).click();
    await admin.getByLabel("Kỳ báo cáo").click();
    await openDropdown(admin)
      .getByTitle(new RegExp(`^${PERIOD_LABEL} — `))
      .click();
    const late = admin.getByRole("row").filter({ hasText: "Phường Bắc Nha Trang" });
    await late.getByText(/Quá hạn chưa nộp: \d+/).waitFor();
    expect(await late.textContent()).toContain("quá hạn 2 ngày");
    expect(await late.textContent()).toContain("—"); // never chased yet
    // opening the row lists its missing reports (fetched for that unit only), each leading to its report
    await late.getByRole("button", { name: /Expand row|Mở rộng/ }).click();
    const missing = admin.locator(".ant-table-expanded-row").filter({ hasText: "Chưa nộp" });
    await missing.getByText(/^4\.2\. /).waitFor();

    await admin.getByRole("button", { name: "Đôn đốc ngay" }).click();
    await admin
      .locator(".ant-popconfirm")
      .getByText(/Gửi nhắc nhở tới \d+ đơn vị còn thiếu báo cáo\?/)
      .waitFor();
    await admin.locator(".ant-popconfirm").getByRole("button", { name: "Đôn đốc ngay" }).click();
    await admin.getByText(/Đã đôn đốc \d+ đơn vị/).waitFor();
    await late.filter({ hasNotText: "—" }).waitFor();

    // the reminder reaches the ward (its other indicators are still missing)
    await ward.goto("/notifications");
    await ward
      .getByTestId("notification-item")
      .filter({ hasText: `Sở Khoa học và Công nghệ đôn đốc báo cáo ${PERIOD_LABEL}` })
      .waitFor();
    expect(await ward.getByTestId("notification-bell").getAttribute("aria-label")).toMatch(/\d+ thông báo chưa đọc/);

    // leave no open period behind for the other journeys
    await ok(admin.request.patch(`/api/periods/${period.id}`, { data: { isClosed: true } }));
  });
});
