import { mkdir, writeFile } from "node:fs/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject, onTestFailed } from "vitest";

export const DEMO_PASSWORD = "ChiSo@2025";

/** Debian's Chromium, headless, without the background traffic a closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Pages opened so far in this file: a failed journey's screenshots are told apart by it. */
let pagesOpened = 0;

export function baseUrl(): string {
  return inject("baseUrl");
}

/** A phone as the issue measured it (390×844, touch, the page's viewport meta honoured). */
export const PHONE = { width: 390, height: 844 };

/** A signed-out page in its own context: a desktop (or `viewport`) in Vietnamese, in the machine's time zone unless `timezoneId`. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1400, height: 900 },
  timezoneId?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const phone = viewport.width < 768;
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "vi-VN",
    viewport,
    ...(timezoneId ? { timezoneId } : {}),
    // Dialogs and lists open without animating (the app honours the setting): a click never lands on a moving target.
    reducedMotion: "reduce",
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const index = ++pagesOpened;
  if (expect.getState().currentTestName) onTestFailed(() => reportWhatTheUserSaw(page, index));
  return { context, page };
}

/**
 * After a failed journey, what its user had on screen: the address, open dialogs, messages and field errors, printed
 * (CI keeps only the log) and a screenshot under e2e/.failures/. A timeout alone says what was awaited, not why.
 */
async function reportWhatTheUserSaw(page: Page, index: number) {
  if (page.isClosed()) return;
  const user = await page
    .getByTestId("current-user")
    .textContent({ timeout: 1_000 })
    .catch(() => "not signed in");
  const shown = page.locator(
    ".ant-modal:visible, [role=alert]:visible, .ant-message:visible, .ant-form-item-explain-error:visible, .ant-notification:visible",
  );
  const texts = await shown.allInnerTexts().catch(() => []);
  const test = (expect.getState().currentTestName ?? "journey").replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
  const name = `${test}-page-${index}`;
  const folder = new URL("../.failures/", import.meta.url);
  await mkdir(folder, { recursive: true });
  const screenshot = await page.screenshot({ fullPage: true }).catch(() => null);
  if (screenshot) await writeFile(new URL(`${encodeURIComponent(name)}.png`, folder), screenshot);
  console.error(
    [
      `— what page ${index} (${user}) saw at ${page.url()}:`,
      ...texts.map((t) => `  ${t.replaceAll("\n", " · ")}`),
    ].join("\n"),
  );
}

/** A desktop page (or a `viewport`) signed in as `username`, with the demo password unless given, once it is in. */
export async function signedIn(
  browser: Browser,
  username: string,
  options: { password?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const { page } = await newPage(browser, options.viewport);
  await loginAs(page, username, options.password);
  await page.getByTestId("current-user").waitFor();
  return page;
}

export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}
