import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginAs, newPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface TPlanTargets {
  targets: { label: string; metric: string | null }[];
}

describe("editing a plan", () => {
  it("keeps the targets tracked against the dashboard when the coordinator saves the plan's form", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, "admin");
    await page.getByTestId("current-user").waitFor();
    const plan = await page.evaluate(async () => {
      const plans = (await (await fetch("/api/plans")).json()) as { id: string; code: string }[];
      return plans.find((p) => p.code.startsWith("4636"))!;
    });
    const targetsOf = () =>
      page.evaluate(async (id) => ((await (await fetch(`/api/plans/${id}`)).json()) as TPlanTargets).targets, plan.id);
    const before = await targetsOf();
    expect(before.filter((x) => x.metric !== null).length).toBe(3);

    await page.goto(`/plans/${plan.id}`);
    await page.getByRole("button", { name: "Sửa kế hoạch" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });

    expect((await targetsOf()).map((x) => [x.label, x.metric])).toEqual(before.map((x) => [x.label, x.metric]));
    await context.close();
  });
});
