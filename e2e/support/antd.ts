import type { Locator, Page } from "playwright-core";

/**
 * The open Ant Design select list: on screen and not one still closing after the previous pick. For a moment both are
 * visible, and a journey that picked in two selects in a row then matched two lists (a flaky failure seen in CI).
 */
export function openDropdown(page: Page): Locator {
  return page.locator(".ant-select-dropdown:visible:not(.ant-slide-up-leave):not(.ant-slide-down-leave)");
}
