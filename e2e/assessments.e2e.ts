import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick } from "./support/antd.ts";
import { launchBrowser, signedIn } from "./support/browser.ts";
import { minimalPdf } from "./support/pdf.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ROUND = "Đánh giá thử nghiệm sở, ban, ngành";
const FRAMEWORK = "Bộ chỉ số đánh giá chuyển đổi số sở, ban, ngành năm 2025";

const as = (username: string) => signedIn(browser, username);

async function typeDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

async function openRound(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "Đánh giá cơ quan" }).click();
  await page.getByRole("link", { name: ROUND }).click();
  await page.getByRole("heading", { name: ROUND }).waitFor();
}

const card = (page: Page, code: string) => page.getByTestId(`criterion-${code}`);
const points = (page: Page, code: string) => page.getByTestId(`points-${code}`).textContent();

/** What every document this journey uploads is about. */
const SUMMARY = "Kế hoạch chuyển đổi số năm";

/** Cites a document `uploadEvidence` uploaded, by its number. */
async function cite(page: Page, code: string, document: string) {
  await pick(card(page, code), `${code} Tài liệu kiểm chứng`, `${document} · ${SUMMARY}`);
  await page.keyboard.press("Escape"); // closes the multiple select's list, not the page
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}

async function save(page: Page, code: string) {
  await card(page, code)
    .getByRole("button", { name: `Lưu ${code}` })
    .click();
  await page.getByText(`Đã lưu tiêu chí ${code}`).last().waitFor();
}

async function uploadEvidence(page: Page, docNumber: string) {
  await page.getByRole("button", { name: "Tải lên văn bản" }).click();
  const dialog = page.getByRole("dialog");
  await dialog
    .locator("input[type=file]")
    .setInputFiles({ name: `${docNumber.replace("/", "-")}.pdf`, mimeType: "application/pdf", buffer: minimalPdf() });
  await dialog.getByLabel("Số hiệu văn bản").fill(docNumber);
  await dialog.getByLabel("Trích yếu").fill(SUMMARY);
  await dialog.getByRole("button", { name: "Tải lên và đính kèm" }).click();
  await page.getByText("Đã tải lên văn bản").waitFor();
}

describe("an agency assessment round, end to end", () => {
  it("coordinator opens → two agencies self-assess with evidence, one recalls and corrects → council member appraises indicator 2 across agencies, asks, accepts → published → grades, ranks, league table", async () => {
    // the coordinator creates the round for two departments and opens self-assessment
    const admin = await as("admin");
    await admin.getByRole("navigation").getByRole("link", { name: "Đánh giá cơ quan" }).click();
    await admin.getByRole("button", { name: "Tạo đợt đánh giá" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Tên đợt đánh giá").fill(ROUND);
    await pick(admin, "Bộ chỉ số", FRAMEWORK);
    await dialog.getByLabel("Nhóm cơ quan").fill("Sở, ban, ngành cấp tỉnh");
    await pick(admin, "Các cơ quan được đánh giá", "Sở Nội vụ", "Sở Nội vụ");
    await pick(admin, "Các cơ quan được đánh giá", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh");
    await admin.keyboard.press("Escape");
    await typeDate(admin, "Bắt đầu tự đánh giá", "01/11/2026");
    await typeDate(admin, "Hạn tự đánh giá", "31/12/2030");
    await typeDate(admin, "Bắt đầu thẩm định", "01/01/2031");
    await typeDate(admin, "Kết thúc thẩm định", "31/01/2031");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await admin.getByText("Đã tạo đợt đánh giá").waitFor();
    const row = admin.getByRole("row").filter({ hasText: ROUND });
    await row.getByRole("button", { name: "Mở tự đánh giá" }).click();
    await row.getByText("Đang tự đánh giá").waitFor();

    // …and gives main indicator 2 to a council member
    await openRound(admin);
    await admin.getByRole("tab", { name: "Hội đồng" }).click();
    await pick(admin, "Thành viên hội đồng", "Phạm Thị Thẩm Định (Sở Nội vụ)");
    await pick(admin, "Chỉ số được giao", "2. Thể chế số");
    await admin.keyboard.press("Escape");
    await admin.getByRole("button", { name: "Giao thẩm định" }).click();
    await admin.getByText("Đã giao thẩm định").waitFor();

    // Sở Nội vụ: ½ on a categorical criterion, a 0/0 ratio not applicable, with evidence; submits
    const noivu = await as("noivu");
    await openRound(noivu);
    await expect
      .poll(() => noivu.getByTestId("sheet-progress").textContent())
      .toBe("0/15 tiêu chí, 15 thiếu tài liệu kiểm chứng");
    await uploadEvidence(noivu, "12/QĐ-SNV");
    const doc = "12/QĐ-SNV";
    await pick(noivu, "1.1 Giá trị", "Cấp phó của người đứng đầu (10 đ)");
    await cite(noivu, "1.1", doc);
    await save(noivu, "1.1");
    await expect.poll(() => points(noivu, "1.1")).toBe("10/20 đ");
    await card(noivu, "3.2").getByLabel("3.2 Số hệ thống đã kết nối").fill("0");
    await card(noivu, "3.2").getByLabel("3.2 Số hệ thống chuyên ngành").fill("0");
    await cite(noivu, "3.2", doc);
    await save(noivu, "3.2");
    await card(noivu, "3.2").getByText("Không áp dụng", { exact: true }).waitFor();
    await card(noivu, "2.1").getByLabel("2.1 Giá trị").fill("3");
    await cite(noivu, "2.1", doc);
    await save(noivu, "2.1");
    await expect.poll(() => points(noivu, "2.1")).toBe("15/30 đ");
    await expect
      .poll(() => noivu.getByTestId("sheet-progress").textContent())
      .toBe("3/15 tiêu chí, 12 thiếu tài liệu kiểm chứng");
    await expect.poll(() => noivu.getByTestId("sheet-total").textContent()).toBe("Điểm tự đánh giá: 25/460");
    await noivu.getByRole("button", { name: "Gửi phiếu" }).click();
    await noivu.getByText("Đã gửi phiếu tự đánh giá").waitFor();

    // …then recalls it before the deadline, corrects 1.1 and submits again
    await noivu.getByRole("button", { name: "Thu hồi để sửa" }).click();
    await noivu.getByText("Đã thu hồi phiếu").waitFor();
    await pick(noivu, "1.1 Giá trị", "Người đứng đầu cơ quan (20 đ)");
    await save(noivu, "1.1");
    await expect.poll(() => points(noivu, "1.1")).toBe("20/20 đ");
    await noivu.getByRole("button", { name: "Gửi phiếu" }).click();
    await noivu.getByText("Đã gửi phiếu tự đánh giá").last().waitFor();

    // Văn phòng UBND tỉnh answers 2.1 with its own evidence and submits
    const vp = await as("vpubnd");
    await openRound(vp);
    await uploadEvidence(vp, "7/QĐ-VP");
    await card(vp, "2.1").getByLabel("2.1 Giá trị").fill("4");
    await cite(vp, "2.1", "7/QĐ-VP");
    await save(vp, "2.1");
    await expect.poll(() => points(vp, "2.1")).toBe("30/30 đ");
    await vp.getByRole("button", { name: "Gửi phiếu" }).click();
    await vp.getByText("Đã gửi phiếu tự đánh giá").waitFor();

    // the coordinator closes self-assessment for appraisal
    await admin.getByRole("navigation").getByRole("link", { name: "Đánh giá cơ quan" }).click();
    await admin
      .getByRole("row")
      .filter({ hasText: ROUND })
      .getByRole("button", { name: "Chuyển sang thẩm định" })
      .click();
    await admin.getByRole("row").filter({ hasText: ROUND }).getByText("Đang thẩm định").waitFor();

    // the council member sees 2.1 of both agencies in one table, asks Sở Nội vụ to explain
    const council = await as("thamdinh");
    await openRound(council);
    await council.getByRole("tab", { name: "Thẩm định" }).click();
    const snvRow = council.getByRole("row").filter({ hasText: "Sở Nội vụ" });
    await snvRow.getByText("2.1: 3 văn bản").waitFor();
    await council.getByRole("row").filter({ hasText: "Văn phòng UBND tỉnh" }).getByText("2.1: 4 văn bản").waitFor();
    await snvRow.getByRole("button", { name: "Yêu cầu giải trình" }).click();
    await council.getByRole("dialog").getByLabel("Nội dung").fill("Đề nghị nêu rõ văn bản chỉ đạo thứ tư");
    await council.getByRole("dialog").getByRole("button", { name: "Gửi yêu cầu" }).click();
    await council.getByText("Đã gửi yêu cầu").waitFor();

    // Sở Nội vụ answers in its sheet
    await noivu.reload();
    await card(noivu, "2.1").getByLabel("Nội dung giải trình").fill("Văn bản thứ tư là Kế hoạch 45/KH-SNV ngày 02/10");
    await card(noivu, "2.1").getByRole("button", { name: "Gửi giải trình" }).click();
    await noivu.getByText("Đã gửi giải trình").waitFor();

    // the council member accepts the answer and raises 2.1 to the full 30 points, with the reason
    await council.reload();
    await council.getByRole("tab", { name: "Thẩm định" }).click();
    const answered = council.getByRole("row").filter({ hasText: "Sở Nội vụ" });
    await answered.getByText("Văn bản thứ tư là Kế hoạch 45/KH-SNV").waitFor();
    await answered.getByRole("button", { name: "Chấp nhận giải trình" }).click();
    await council.getByText("Đã chấp nhận giải trình").waitFor();
    await answered.getByLabel("Sở Nội vụ Điểm thẩm định").fill("30");
    await answered.getByLabel("Sở Nội vụ Lý do").fill("Đủ 4 văn bản sau giải trình");
    await answered.getByRole("button", { name: "Lưu" }).click();
    await council.getByText("Đã lưu điểm thẩm định của Sở Nội vụ").waitFor();

    // the coordinator publishes with the decision number
    await admin.getByRole("row").filter({ hasText: ROUND }).getByRole("button", { name: "Công bố" }).click();
    const publish = admin.getByRole("dialog");
    await publish.getByLabel("Số quyết định").fill("99/QĐ-UBND");
    await typeDate(admin, "Ngày quyết định", "15/01/2031");
    await publish.getByRole("button", { name: "Công bố" }).click();
    await admin.getByText("Đã công bố kết quả").waitFor();

    // Sở Nội vụ's own plan has a task linked to 1.2 (where it lost all 30 points); Văn phòng's plan has one too
    await admin.evaluate(async (roundName) => {
      const post = async (url: string, body: object) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { id: string };
      };
      const rounds = (await (await fetch("/api/assessment-rounds")).json()) as { name: string; frameworkId: string }[];
      const round = rounds.find((r) => r.name === roundName)!;
      const detail = (await (await fetch(`/api/frameworks/${round.frameworkId}`)).json()) as {
        indicators: { id: string; code: string }[];
      };
      const criterion = detail.indicators.find((i) => i.code === "1.2")!.id;
      const units = (await (await fetch("/api/units")).json()) as { id: string; name: string }[];
      const unitId = (name: string) => units.find((u) => u.name === name)!.id;
      for (const [code, owner, content] of [
        ["31/KH-SNV-E2E", "Sở Nội vụ", "Kiện toàn Ban chỉ đạo chuyển đổi số của Sở"],
        ["32/KH-VP-E2E", "Văn phòng UBND tỉnh", "Kiện toàn Ban chỉ đạo của Văn phòng"],
      ] as const) {
        const plan = await post("/api/plans", { code, title: `Kế hoạch ${code}`, ownerUnitId: unitId(owner) });
        await post(`/api/plans/${plan.id}/tasks`, { number: "1", content, indicatorIds: [criterion] });
      }
    }, ROUND);

    // each agency sees its score, grade and rank
    await noivu.reload();
    const snvResult = noivu.getByTestId("agency-result");
    await snvResult.waitFor();
    expect(await snvResult.textContent()).toContain("1/2");
    expect(await snvResult.textContent()).toContain("Yếu");
    expect(await snvResult.getByTestId("result-change").textContent()).toMatch(/^So với năm 2025.+ điểm, /);
    // and its years side by side, oldest first: the demo's published 2025 round, then this one
    expect(await snvResult.getByTestId("result-trend").textContent()).toMatch(
      /^Qua các năm: 2025: [\d.,]+ · \S+ · \d+\/\d+ → \d{4}: [\d.,]+ · Yếu · 1\/2$/,
    );
    // beside 1.2, the task of its own plan with its progress — not Văn phòng's
    const linked = snvResult.getByTestId("linked-tasks-1.2");
    await linked.getByRole("link", { name: "31/KH-SNV-E2E" }).waitFor();
    expect(await linked.textContent()).toMatch(/— 1\. Kiện toàn Ban chỉ đạo chuyển đổi số của Sở\s*Chưa bắt đầu\s*0%/);
    expect(await linked.textContent()).not.toContain("32/KH-VP-E2E");
    // its six main indicators beside the group's average and best
    const mains = snvResult.getByTestId("mains-against-group");
    await mains.getByText("Chỉ số chính so với nhóm").waitFor();
    expect(await mains.locator(".ant-table-row").count()).toBe(6);
    await vp.reload();
    expect(await vp.getByTestId("agency-result").textContent()).toContain("2/2");
    // what-if: answering 1.1 in full would give 20 more points and the first place (tied)
    await vp
      .getByTestId("agency-result")
      .getByRole("row")
      .filter({ hasText: "1.1." })
      .getByText("+20 điểm, hạng 1")
      .waitFor();

    // the leader sees the league table
    const leader = await as("lanhdao");
    await openRound(leader);
    await leader.getByRole("tab", { name: "Kết quả, xếp hạng" }).click();
    await leader.getByText("Kết quả công bố theo Quyết định số 99/QĐ-UBND ngày 15/01/2031").waitFor();
    const rows = leader.locator(".ant-table-tbody tr.ant-table-row");
    expect(await rows.nth(0).textContent()).toMatch(/^1Sở Nội vụ.*50\/460.*Yếu$/);
    expect(await rows.nth(1).textContent()).toMatch(/^2Văn phòng UBND tỉnh.*30\/500.*Yếu$/);
    // both agencies were in the demo's published 2025 round of the same group: the change against it
    await leader.getByRole("columnheader", { name: "So với năm 2025" }).waitFor();
    for (const index of [0, 1]) {
      expect(await rows.nth(index).textContent()).toMatch(/-?[\d.,]+ điểm, (↑\d+ hạng|↓\d+ hạng|giữ hạng)/);
    }
    expect(await leader.getByTestId("most-lost").textContent()).toMatch(
      /^Tiêu chí bị mất nhiều điểm nhất trong nhóm: /,
    );
    await leader.getByTestId("grade-distribution").getByText("Tốt: 0 · Khá: 0 · Trung bình: 0 · Yếu: 2").waitFor();
  }, 240_000); // a round from opening to publication by five people, on a shared 2-core machine
});
