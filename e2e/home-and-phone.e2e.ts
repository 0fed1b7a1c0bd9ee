import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE, signedIn } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const as = (username: string, viewport?: { width: number; height: number }) =>
  signedIn(browser, username, { viewport });

/** The page does not scroll sideways: nothing is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: page ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** Seen whole on the screen as it is, without scrolling sideways (and, with `vertically`, without scrolling). */
async function expectOnScreen(locator: Locator, where: string, vertically = false) {
  await locator.waitFor();
  const box = (await locator.boundingBox())!;
  const { width, height } = locator.page().viewportSize()!;
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, where).toBeLessThanOrEqual(width);
  if (vertically) {
    expect(box.y, where).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, where).toBeLessThanOrEqual(height);
  }
}

describe("a home page per role", () => {
  it("reporters land on their to-do list, lead agencies and the council on what waits for them, coordinators on who is late, leaders on the score", async () => {
    const landings: [string, string][] = [
      ["nhatrang", "Việc cần làm"],
      ["pqltm", "Việc cần làm"],
      ["noivu", "Chờ tôi xem xét"],
      ["vpubnd", "Chờ tôi xem xét"],
      ["thamdinh", "Chờ tôi xem xét"],
      ["admin", "Tổng quan"],
      ["congthuong", "Tổng quan"],
      ["lanhdao", "Tổng quan"],
    ];
    for (const [username, heading] of landings) {
      const page = await as(username);
      await page.getByRole("heading", { level: 3, name: new RegExp(`^${heading}`) }).waitFor();
      // who is late is the coordinators' business, not the leaders': shown to them once its list has loaded
      const coordinates = username === "admin" || username === "congthuong";
      if (coordinates) await page.getByTestId("behind-units").waitFor();
      else await page.waitForLoadState("networkidle");
      expect(await page.getByTestId("behind-units").count(), username).toBe(coordinates ? 1 : 0);
      await page.context().close();
    }
  });

  it("the reporter's to-do list gives the indicator's name room at 1440 px and keeps the action in view", async () => {
    const page = await as("nhatrang", { width: 1440, height: 900 });
    await page.getByTestId("work-summary").waitFor();
    const row = page.getByRole("row").filter({ hasText: "Số lượng thành viên của Tổ công nghệ số cộng đồng" }).first();
    const name = row.getByRole("cell").first();
    expect((await name.boundingBox())!.width).toBeGreaterThan(400);
    // the name reads in at most three lines, not ten
    const nameHeight = (await name.boundingBox())!.height;
    expect(nameHeight).toBeLessThan(110);
    await expectOnScreen(row.getByRole("button", { name: /Lập báo cáo|Mở báo cáo/ }), "to-do action at 1440 px");
    await expectNoSidewaysScroll(page, "to-do list at 1440 px");
    // English loads when chosen
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.getByRole("heading", { name: "To do" }).waitFor();
    await page.getByRole("button", { name: "VI", exact: true }).click();
    await page.getByRole("heading", { name: "Việc cần làm" }).waitFor();
    // the province's dashboard is one click away
    await page.getByRole("link", { name: "Xem tổng quan của tỉnh" }).click();
    await page.getByRole("heading", { name: /^Tổng quan — / }).waitFor();
    await page.context().close();
  });
});

describe("on a phone (390×844)", () => {
  it("a reporter finds the menu in a drawer, signs out from the header, and works from cards and a one-column report", async () => {
    const page = await as("nhatrang", PHONE);
    // the to-do list: cards, the action on screen
    await page.getByRole("heading", { name: "Việc cần làm" }).waitFor();
    // (one card per open period: other journeys open periods of their own)
    const card = page
      .getByTestId("work-card")
      .filter({ hasText: "Số lượng thành viên của Tổ công nghệ số cộng đồng" })
      .first();
    await expectOnScreen(card.getByRole("button", { name: /Lập báo cáo|Mở báo cáo/ }), "to-do card action");
    await expectNoSidewaysScroll(page, "home (to-do list)");
    await expectOnScreen(page.getByRole("button", { name: "Đăng xuất" }), "sign out in the header", true);

    // the menu opens in a drawer and leads to the reports page
    await page.getByRole("button", { name: "Menu chức năng" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    await page.getByRole("heading", { name: "Báo cáo", exact: true }).waitFor();
    await page.getByTestId("work-card").first().waitFor();
    await expectNoSidewaysScroll(page, "reports (work list)");

    // the report: one column, save and send pinned on screen
    await page
      .getByTestId("work-card")
      .filter({ hasText: "Số lượng thành viên của Tổ công nghệ số cộng đồng" })
      .first()
      .getByRole("button", { name: /Lập báo cáo|Mở báo cáo/ })
      .click();
    await page.getByText("Số liệu báo cáo").waitFor();
    const bar = page.getByTestId("report-action-bar");
    await expectOnScreen(bar.getByRole("button", { name: "Lưu" }), "save on the report", true);
    await expectOnScreen(bar.getByRole("button", { name: "Gửi báo cáo" }), "send on the report", true);
    await expectNoSidewaysScroll(page, "report");
    // still there at the bottom of the form
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expectOnScreen(bar.getByRole("button", { name: "Gửi báo cáo" }), "send after scrolling down", true);

    // notifications
    await page.goto("/notifications");
    await page.getByRole("heading", { name: "Thông báo" }).first().waitFor();
    await expectNoSidewaysScroll(page, "notifications");
    await expectOnScreen(page.getByRole("button", { name: "Đánh dấu tất cả đã đọc" }).first(), "mark all read");

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByRole("button", { name: "Đăng nhập" }).waitFor();
    await page.context().close();
  });

  it("a commune fills its self-assessment sheet on a phone: the criterion's name in full, sending in view", async () => {
    const page = await as("nhatrang", PHONE);
    await page.goto("/assessments");
    await page.getByRole("link", { name: "Đánh giá mức độ chuyển đổi số xã, phường, đặc khu năm 2025" }).click();
    await page.getByTestId("sheet-progress").waitFor();
    await expectNoSidewaysScroll(page, "self-assessment sheet");
    await expectOnScreen(page.getByRole("button", { name: "Gửi phiếu" }), "send the sheet");
    const name = page.getByTestId("criterion-1.1").locator(".ant-card-head-title");
    expect(await name.textContent()).toBe("1.1. Trưởng Ban chỉ đạo chuyển đổi số của cơ quan");
    // wrapped, not cut off with an ellipsis
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.context().close();
  });

  it("a lead agency reviews from cards, and a leader reads the dashboard without scrolling sideways", async () => {
    const lead = await as("noivu", PHONE);
    await lead.getByRole("heading", { name: "Chờ tôi xem xét" }).waitFor();
    await expectOnScreen(lead.getByLabel("Kỳ báo cáo").first(), "review: the period to review");
    await expectNoSidewaysScroll(lead, "review home");
    await lead.goto("/reports?tab=review");
    await lead.getByRole("tab", { name: "Xem xét báo cáo", selected: true }).waitFor();
    await lead.getByLabel("Trạng thái").first().waitFor();
    await expectNoSidewaysScroll(lead, "reports (review)");
    await lead.context().close();

    const leader = await as("lanhdao", PHONE);
    await leader.getByRole("heading", { name: /^Tổng quan — / }).waitFor();
    await leader.getByTestId("point-loss").first().waitFor();
    await expectOnScreen(leader.getByLabel("Chọn bộ chỉ số"), "dashboard: the framework to show");
    await expectNoSidewaysScroll(leader, "dashboard");
    await leader.getByRole("tab", { name: "Điểm bị mất" }).click();
    await expectNoSidewaysScroll(leader, "dashboard, points lost");
    await leader.context().close();
  });
});
