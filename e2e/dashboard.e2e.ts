import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signedIn } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A synthetic national table (not published values): 63 provinces, Khánh Hòa 25th. */
function resultsCsv(brokenRow?: number) {
  const lines = ["STT,Tỉnh/Thành phố,Chỉ số DTI,Xếp hạng,Nhận thức số"];
  for (let i = 0; i < 63; i++) {
    const province = i === 24 ? "Khánh Hòa" : `Tỉnh số ${i + 1}`;
    const index = i + 2 === brokenRow ? "không rõ" : (0.8 - i * 0.005).toFixed(4);
    lines.push(`${i + 1},${province},${index},${i + 1},${(0.9 - i * 0.001).toFixed(3)}`);
  }
  return Buffer.from(`\uFEFF${lines.join("\n")}\n`, "utf8");
}

const as = (username: string) => signedIn(browser, username);

describe("DTI dashboard", () => {
  it("a leader sees the radar and the point-loss list; the coordinator imports official results (a bad file is refused by row) and the rank shows", async () => {
    const admin = await as("admin");
    // a period to look at (its own slot, so the journey does not depend on other tests)
    const frameworks = await (await admin.request.get("/api/frameworks")).json();
    const dti = frameworks.find((f: { code: string }) => f.code === "DTI-TINH-2025");
    const nextYear = new Date().getFullYear() + 1;
    const opened = await admin.request.post("/api/periods", {
      data: { frameworkId: dti.id, kind: "half", year: nextYear, index: 2, outOfYearReason: "Theo dõi thử kỳ sau" },
    });
    expect(opened.status()).toBe(201);
    const periodLabel = `6 tháng cuối năm ${nextYear}`;

    const leader = await as("lanhdao");
    await leader.goto(`/?framework=${dti.id}&period=${(await opened.json()).id}`);
    await leader.getByRole("heading", { name: `Tổng quan — ${periodLabel}` }).waitFor();
    await leader.getByTestId("main-radar").locator("canvas").waitFor();
    expect(await leader.getByTestId("mains-table").textContent()).toContain("Hạ tầng số");
    const losses = leader.getByTestId("point-loss").first();
    expect(await losses.textContent()).toContain("Chưa báo cáo");
    expect(await losses.textContent()).toContain("−50,00");
    // leadership is read-only: no import button
    await leader.getByRole("tab", { name: "Kết quả chính thức" }).click();
    expect(await leader.getByRole("button", { name: "Nhập bảng kết quả (Excel/CSV)" }).count()).toBe(0);

    await admin.goto(`/?framework=${dti.id}`);
    await admin.getByRole("tab", { name: "Kết quả chính thức" }).click();
    await admin.getByLabel("Năm").fill("2025");
    const upload = admin.locator("input[type=file]");
    await upload.setInputFiles({ name: "dti-2025-hong.csv", mimeType: "text/csv", buffer: resultsCsv(6) });
    await admin.getByTestId("official-issues").waitFor();
    expect(await admin.getByTestId("official-issues").textContent()).toContain(
      'Dòng 6: giá trị "không rõ" không hợp lệ',
    );
    await upload.setInputFiles({ name: "dti-2025.csv", mimeType: "text/csv", buffer: resultsCsv() });
    await admin.getByText("Đã nhập kết quả 63 tỉnh, năm 2025").waitFor();
    await expect.poll(() => admin.getByTestId("official-standing").textContent()).toContain("25/63");

    await leader.reload();
    await leader.getByText("Xếp hạng chính thức: 25/63").waitFor();
  });
});
