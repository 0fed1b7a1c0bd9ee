import type { Locator, Page } from "playwright-core";

/**
 * The open Ant Design select list: on screen and not one still closing after the previous pick. For a moment both are
 * visible, and a journey that picked in two selects in a row then matched two lists (a flaky failure seen in CI).
 */
export function openDropdown(page: Page): Locator {
  return page.locator(".ant-select-dropdown:visible:not(.ant-slide-up-leave):not(.ant-slide-down-leave)");
}

/**
 * Picks `option` in the select labelled `label` within `scope` (a page or a dialog), as a user does: opens it, types
 * `search` first when given (long lists are virtual: unseen options are not rendered), clicks the option, and waits
 * until the select shows it. On a busy machine the list can still be settling into place when the click lands, and
 * the click picks nothing (seen in CI); a user sees the select still empty and picks again, and so does this, up to
 * three times. A multiple select's list stays open afterwards.
 */
export async function pick(scope: Page | Locator, label: string | RegExp, option: string, search?: string) {
  const page = "page" in scope ? scope.page() : scope;
  const field = scope.getByLabel(label, { exact: true });
  // A single select shows its value as the content's title, a multiple one as a tag's.
  const shown = scope
    .locator(".ant-select", { has: page.getByLabel(label, { exact: true }) })
    .locator(`[title=${JSON.stringify(option)}]`);
  for (let attempt = 1; ; attempt++) {
    // a pick shown late is not undone by a second click
    if (attempt > 1 && (await shown.count()) > 0) return;
    if ((await openDropdown(page).count()) === 0) await field.click();
    if (search !== undefined) await field.fill(search);
    await openDropdown(page).getByTitle(option, { exact: true }).click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Clicks `button`, then the same word in the confirmation that opens. */
export async function confirmPopover(page: Page, button: string) {
  await page.getByRole("button", { name: button, exact: true }).first().click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: button, exact: true }).click();
}
