import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../host/browser';
import { startCodeServer, type CodeServer } from '../host/codeServer';
import { PROJECT_ROOT } from '../host/projectRoot';
import { remoteUri, workbenchUrl } from '../host/workbenchUrl';

/*
 * A real VS Code workbench (code-server) in headless Chromium with this extension loaded as a
 * development extension (the built dist/), plus the few gestures UI tests share. The
 * extension runs for real; UI tests only press keys and read the screen like a person.
 */

export interface WorkbenchOptions {
  /** User settings, e.g. { 'flexprice.apiUrl': server.baseUrl }. */
  settings?: object;
  /** Environment for code-server and the extension host, e.g. FLEXPRICE_API_KEY; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
}

/** What screenshotOnFailure needs from a mocha test (`this.currentTest`). */
export interface FinishedTest {
  state?: 'failed' | 'passed' | 'pending';
  fullTitle(): string;
}

export interface Workbench {
  page: Page;
  server: CodeServer;
  /** The workspace folder the workbench has open (a fresh temp folder). */
  folder: string;
  /** F1, the command's title as shown in the palette ("Flexprice: Set API Key"), Enter. */
  runCommand(title: string): Promise<void>;
  /** Types into the open quick input (input box or picker) and presses Enter. */
  typeIntoInput(text: string): Promise<void>;
  /** Waits for a notification toast whose message matches; resolves to its text. */
  waitForNotification(message: RegExp): Promise<string>;
  /** Saves test-results/ui/<full test title>.png when the test failed; resolves to the path. */
  screenshotOnFailure(test: FinishedTest | undefined): Promise<string | undefined>;
  close(): Promise<void>;
}

const ACTIVITY_BAR_TITLE = 'Flexprice';
const QUICK_INPUT = '.quick-input-widget';
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results', 'ui');

function gestures(page: Page): Pick<Workbench, 'runCommand' | 'typeIntoInput' | 'waitForNotification'> {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  return {
    async runCommand(title) {
      await page.keyboard.press('F1');
      await input.waitFor();
      await input.pressSequentially(title);
      // Enter runs the focused row: wait until filtering has put this command there.
      await page.locator(`${QUICK_INPUT} .monaco-list-row.focused`, { hasText: title }).waitFor();
      await input.press('Enter');
    },
    async typeIntoInput(text) {
      await input.waitFor();
      await input.fill(text);
      await input.press('Enter');
    },
    async waitForNotification(message) {
      const toast = page.locator('.notifications-toasts .notification-list-item-message').filter({ hasText: message }).first();
      await toast.waitFor();
      return (await toast.textContent()) ?? '';
    },
  };
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const folder = mkdtempSync(path.join(tmpdir(), 'flexprice-ui-workspace-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ folder, ...options });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(server, folder, [['extensionDevelopmentPath', remoteUri(server, PROJECT_ROOT)]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Our activity-bar entry appears once the workbench has read the extension's manifest;
    // before that the command palette does not list its commands yet.
    await page.locator(`.activitybar [aria-label^="${ACTIVITY_BAR_TITLE}"]`).first().waitFor({ timeout: 60_000 });
    const screenshotOnFailure = async (test: FinishedTest | undefined) => {
      if (test?.state !== 'failed') return undefined;
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${test.fullTitle().replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file });
      console.log(`    screenshot: ${path.relative(PROJECT_ROOT, file)}`);
      return file;
    };
    return { page, server, folder, ...gestures(page), screenshotOnFailure, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A workbench whose one connection comes from the environment: FLEXPRICE_API_KEY, with the old
 * apiUrl setting as its URL (no other connection from the environment).
 */
export function openWorkbenchWithKey(apiUrl: string, key: string): Promise<Workbench> {
  return openWorkbench({
    settings: { 'flexprice.apiUrl': apiUrl },
    env: { FLEXPRICE_API_KEY: key, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: undefined },
  });
}

/** The content of the task panel titled `title`, once it is the active tab; webviews nest the page in two iframes. */
export async function activeTaskPanel(page: Page, title: string): Promise<FrameLocator> {
  await page.locator('.tabs-container .tab.active', { hasText: title }).waitFor({ timeout: 30_000 });
  const frame = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
  await frame.locator('#task-id').waitFor();
  return frame;
}
