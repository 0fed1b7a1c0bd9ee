import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signedIn } from "./support/browser.ts";
import { minimalPdf } from "./support/pdf.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const DAY_MS = 86_400_000;
// Its own slot (a yearly period of a past year), so the journey does not depend on the other journeys.
const PERIOD = { kind: "year", year: 2023, index: 1 } as const;

const as = (username: string) => signedIn(browser, username);

async function ok<T>(response: ReturnType<APIRequestContext["get"]>): Promise<T> {
  const res = await response;
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

/** A report of Văn phòng UBND tỉnh on 6.6, submitted with evidence (through the API: its page has its own journey). */
async function submittedReport(admin: Page): Promise<string> {
  const frameworks = await ok<{ id: string; code: string }[]>(admin.request.get("/api/frameworks"));
  const dti = frameworks.find((f) => f.code === "DTI-TINH-2025")!;
  const framework = await ok<{ indicators: { id: string; code: string }[] }>(
    admin.request.get(`/api/frameworks/${dti.id}`),
  );
  const period = await ok<{ id: string }>(
    admin.request.post("/api/periods", {
      data: {
        frameworkId: dti.id,
        ...PERIOD,
        deadline: new Date(Date.now() + 7 * DAY_MS).toISOString(),
        // A past year of its own, away from the other journeys' periods, on the 2025 framework: said why.
        outOfYearReason: "Kỳ riêng của hành trình nhật ký thay đổi",
      },
    }),
  );
  const lead = await as("vpubnd");
  const indicatorId = framework.indicators.find((i) => i.code === "6.6")!.id;
  let report = await ok<{ id: string; version: number }>(
    lead.request.post("/api/reports", { data: { periodId: period.id, indicatorId } }),
  );
  report = await ok(
    lead.request.patch(`/api/reports/${report.id}`, {
      data: { values: { numerator: 40, denominator: 50 }, version: report.version },
    }),
  );
  const document = await ok<{ id: string }>(
    lead.request.post("/api/documents", {
      multipart: {
        file: { name: "bao-cao-dvc.pdf", mimeType: "application/pdf", buffer: minimalPdf() },
        docNumber: "88/BC-VP",
      },
    }),
  );
  report = await ok(lead.request.post(`/api/reports/${report.id}/documents`, { data: { documentId: document.id } }));

  // the date was left out at upload: it is added afterwards, and the warning goes
  await lead.goto(`/reports/${report.id}`);
  await lead.getByText("thiếu số hiệu hoặc ngày ban hành").waitFor();
  await lead.getByRole("button", { name: "Sửa thông tin văn bản bao-cao-dvc.pdf" }).click();
  const edit = lead.getByRole("dialog");
  await edit.getByLabel("Ngày ban hành").fill("05/01/2026");
  await edit.getByLabel("Ngày ban hành").press("Enter");
  await edit.getByRole("button", { name: "Lưu" }).click();
  await edit.waitFor({ state: "hidden" });
  await lead.getByText("Ngày ban hành: 05/01/2026").waitFor();
  expect(await lead.getByText("thiếu số hiệu hoặc ngày ban hành").count()).toBe(0);

  await ok(
    lead.request.post(`/api/reports/${report.id}/actions`, { data: { action: "submit", version: report.version } }),
  );
  await lead.close();
  return report.id;
}

describe("the audit log and the everyday fixes, in the browser", () => {
  it("shows the audit log in words and Vietnam time, filters it by object and exports it to Excel", async () => {
    const admin = await as("admin");
    const reportId = await submittedReport(admin);
    await admin.getByRole("navigation").getByRole("link", { name: "Nhật ký thay đổi" }).click();
    const table = admin.getByTestId("audit-table");
    const firstRow = table.locator("tr.ant-table-row").first();
    await firstRow.waitFor();
    const at = await firstRow.getByRole("cell").first().textContent();
    expect(at).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // one report's history, as a link from elsewhere would open it
    await admin.goto(`/audit?entityType=report&entityId=${reportId}`);
    await table.getByText("Gửi báo cáo").waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("Báo cáo 6.6 – Năm 2023 – Văn phòng UBND tỉnh");
    expect(text).toContain("Trạng thái: Đang soạn → Đã gửi");
    expect(text).toContain("Gắn tài liệu kiểm chứng");
    expect(text).toContain("Văn bản: 88/BC-VP");
    expect(text).not.toMatch(/undefined|report\.|[{}"]/);

    await admin.goto("/audit?entityType=document");
    await table.getByText("Sửa thông tin văn bản").first().waitFor();
    expect(await table.textContent()).toContain("Ngày ban hành: (trống) → 05/01/2026");

    await admin.goto(`/audit?entityType=report&entityId=${reportId}`);
    await table.getByText("Gửi báo cáo").waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: "Xuất Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Nhật ký thay đổi .*\.xlsx$/);

    // a viewer reads the submitted report but has no box to post in its thread, and the server refuses too
    const viewer = await as("lanhdao");
    await viewer.goto(`/reports/${reportId}`);
    await viewer.getByText("Trao đổi").first().waitFor();
    expect(await viewer.getByLabel("Nhập nội dung trao đổi, giải trình…").count()).toBe(0);
    const post = await viewer.request.post(`/api/reports/${reportId}/comments`, { data: { body: "Ý kiến" } });
    expect(post.status()).toBe(403);

    // a report that does not exist offers the way back, not "Thử lại"
    await viewer.goto("/reports/00000000-0000-4000-8000-000000000000");
    await viewer.getByRole("button", { name: "Về danh sách báo cáo" }).click();
    await viewer.waitForURL(/\/reports$/);
    expect(await viewer.getByRole("button", { name: "Thử lại" }).count()).toBe(0);
  }, 120_000);

  it("asks before a unit stops working", async () => {
    const admin = await as("admin");
    await admin.goto("/units");
    const row = admin.getByRole("row").filter({ hasText: "Phường Nha Trang" }).first();
    await row.getByRole("button", { name: "Ngừng hoạt động" }).click();
    const confirm = admin.locator(".ant-popconfirm");
    await confirm.getByText("Ngừng hoạt động đơn vị “Phường Nha Trang”?").waitFor();
    await confirm.getByRole("button", { name: "Hủy" }).click();
    expect(await row.getByText("Đang hoạt động").count()).toBe(1);
  });
});
