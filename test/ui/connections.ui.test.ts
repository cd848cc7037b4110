import * as assert from 'node:assert/strict';
import {
  PRODUCTION_API_KEY,
  SANDBOX_API_KEY,
  startFlexpriceServer,
  twoEnvironments,
  type LocalFlexpriceServer,
} from '../server/flexpriceServer';
import { answerAddConnection, backgroundColor, connectionStatusItem, plainStatusItem, quickPickRow } from './connectionFlow';
import { openWorkbench, type Workbench } from './workbench';

/*
 * Connections as a person uses them: real VS Code (code-server) in real Chromium, the
 * extension under development, and one local Flexprice server with two environments of the
 * tenant "Acme" (Sandbox and Production, each with its own key and tasks). Nothing comes
 * from the environment: both connections are added through the quick input.
 */

const SANDBOX_ONLY = 'sandbox-trial-customers.csv';
const PRODUCTION_ONLY = 'prod-invoices-june.csv';

describe('Connections: add, tell apart, switch (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: LocalFlexpriceServer;
  let workbench: Workbench;
  let sandboxTaskId: string;
  let productionTaskId: string;

  before(async () => {
    server = await startFlexpriceServer({ environments: twoEnvironments(), seedTasks: false });
    const [sandbox, production] = server.environments;
    sandboxTaskId = sandbox!.store.add({ task_type: 'IMPORT', entity_type: 'CUSTOMERS', task_status: 'COMPLETED', file_name: SANDBOX_ONLY }).id;
    // A few more in Production, so the README's picture shows a Tasks view at work.
    production!.store.add({ task_type: 'IMPORT', entity_type: 'CUSTOMERS', task_status: 'FAILED', file_name: 'prod-customers-migration.csv' });
    productionTaskId = production!.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'COMPLETED', file_name: PRODUCTION_ONLY }).id;
    production!.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PROCESSING', file_name: 'prod-usage-events.csv' });
    workbench = await openWorkbench({
      settings: { 'flexprice.refresh.minIntervalSeconds': 0.5, 'flexprice.refresh.maxIntervalSeconds': 1 },
      // No connection from the environment: the welcome view must offer to add one.
      env: { FLEXPRICE_API_KEY: undefined, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: undefined },
    });
  });

  afterEach(async function () {
    await workbench?.screenshotOnFailure(this.currentTest).catch(() => undefined);
    if (this.currentTest?.state === 'failed') await workbench?.page.keyboard.press('Escape').catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  const row = (text: string) => workbench.page.locator('.part.sidebar .monaco-list-row', { hasText: text });
  /**
   * A row of the server's answer: after a switch the tree shows the connection's kept first page
   * at once, under an "As of … — refreshing…" row, until the server answers.
   */
  async function liveRow(text: string) {
    await row(text).waitFor();
    await workbench.page.locator('.part.sidebar .monaco-list-row:has(.codicon-history)').waitFor({ state: 'detached' });
    return row(text);
  }
  /**
   * The Tasks view's description as VS Code renders it in the view's header. While Tasks is the
   * only view in its container, VS Code hides that header (the title reads "FLEXPRICE: TASKS")
   * and with it the description: it is in the page but not on screen.
   */
  const viewDescription = () =>
    workbench.page.locator('.part.sidebar .pane-header', { has: workbench.page.locator('.title', { hasText: /^Tasks/ }) }).locator('.description');
  /**
   * What is on screen in its place: the Tasks view's own header title, "TASKS · ACME · SANDBOX",
   * beside the Scheduled Exports view; the container's title when it is the only view shown.
   */
  async function expectVisibleTitle(label: string): Promise<void> {
    const title = workbench.page.locator('.part.sidebar .pane-header .title, .part.sidebar .composite.title .title-label');
    const naming = title.filter({ hasText: new RegExp(`Tasks · ${label}$`, 'i') }).first();
    await naming.waitFor();
    assert.ok(await naming.isVisible(), 'the title naming the connection is on screen');
  }

  /** The connection item shows this label with this icon, on the warning background or on none. */
  async function expectStatusItem(label: string, icon: 'plug' | 'flame', warning: boolean): Promise<void> {
    const { page } = workbench;
    const item = connectionStatusItem(page);
    await item.filter({ hasText: label }).waitFor();
    assert.equal(await item.locator(`.codicon-${icon}`).count(), 1, `the ${icon} icon`);
    assert.equal(await item.locator(`.codicon-${icon === 'flame' ? 'plug' : 'flame'}`).count(), 0);
    assert.equal(/\bwarning-kind\b/.test((await item.getAttribute('class')) ?? ''), warning, 'warning-kind class');
    const [own, plain] = [await backgroundColor(item), await backgroundColor(plainStatusItem(page))];
    if (warning) assert.notEqual(own, plain, 'a Production item stands out from the others');
    else assert.equal(own, plain, 'a non-Production item looks like any other');
  }

  /** The workbench as the README shows it: no toasts, a sidebar wide enough for the rows. */
  async function takeReadmePicture(file: string): Promise<void> {
    const { page } = workbench;
    await row('prod-usage-events.csv').waitFor();
    await page.locator('.notification-toast', { hasText: 'checking the key' }).waitFor({ state: 'detached' });
    await workbench.runCommand('Notifications: Clear All Notifications');
    await page.locator('.notification-toast').first().waitFor({ state: 'detached' });
    // Wider, so the rows' descriptions fit: the command widens the part in focus.
    const narrow = (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
    await workbench.runCommand('Flexprice: Focus on Tasks View');
    for (let step = 0; step < 3; step++) await workbench.runCommand('Increase Current View Size');
    await page.waitForFunction((width) => (document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) > width + 100, narrow);
    // Into the empty editor area: the sidebar loses its focus border, and no hover card shows.
    await page.mouse.click(900, 450);
    await page.screenshot({ path: file });
  }

  it('adds the Sandbox connection from the welcome view and shows its tasks under its name', async () => {
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="Flexprice"]').first().click();
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByText('Connect to Flexprice').waitFor();
    await welcome.getByRole('button', { name: 'Add Connection' }).click();

    const suggested = await answerAddConnection(workbench, { apiUrl: server.baseUrl, key: SANDBOX_API_KEY });
    assert.equal(suggested, 'Acme · Sandbox', 'named after what identification found');
    await workbench.waitForNotification(/connected to "Acme · Sandbox"/);

    await expectStatusItem('Acme · Sandbox', 'plug', false);
    await row(SANDBOX_ONLY).waitFor();
    assert.equal(await viewDescription().textContent(), 'Acme · Sandbox');
    await expectVisibleTitle('Acme · Sandbox');
    assert.equal(await row(PRODUCTION_ONLY).count(), 0, "Production's tasks are not Sandbox's");
  });

  it('adds the Production connection from the palette: a flame on the warning background, and its own tasks', async () => {
    await workbench.runCommand('Flexprice: Add Connection');
    const suggested = await answerAddConnection(workbench, { apiUrl: server.baseUrl, key: PRODUCTION_API_KEY });
    assert.equal(suggested, 'Acme · Production');
    await workbench.waitForNotification(/connected to "Acme · Production"\. This is a Production environment/);

    await expectStatusItem('Acme · Production', 'flame', true);
    await row(PRODUCTION_ONLY).waitFor();
    await row(SANDBOX_ONLY).waitFor({ state: 'detached' });
    assert.equal(await viewDescription().textContent(), 'Acme · Production');
    await expectVisibleTitle('Acme · Production');

    // The README's picture of connections: CONNECTIONS_SCREENSHOT=docs/connections.png.
    if (process.env.CONNECTIONS_SCREENSHOT) await takeReadmePicture(process.env.CONNECTIONS_SCREENSHOT);
  });

  it('switches back to Sandbox from the status bar item', async () => {
    const { page } = workbench;
    await connectionStatusItem(page).click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Flexprice: Switch Connection' }).waitFor();
    const production = quickPickRow(page, 'Acme · Production');
    const sandbox = quickPickRow(page, 'Acme · Sandbox');
    await production.waitFor();
    assert.equal(await production.locator('.label-name .codicon-flame').count(), 1, 'Production has the flame');
    assert.match((await production.locator('.label-description').textContent()) ?? '', /active/);
    assert.equal(await production.locator('.label-description .codicon-check').count(), 1, 'the active one is checked');
    assert.equal(await sandbox.locator('.label-name .codicon-plug').count(), 1);
    assert.doesNotMatch((await sandbox.locator('.label-description').textContent()) ?? '', /active/);
    await sandbox.click();

    await expectStatusItem('Acme · Sandbox', 'plug', false);
    await liveRow(SANDBOX_ONLY);
    await row(PRODUCTION_ONLY).waitFor({ state: 'detached' });
    assert.equal(await viewDescription().textContent(), 'Acme · Sandbox');
  });

  it('names Production in the tab of a panel opened on it, and only there', async () => {
    const { page } = workbench;
    const tabTitle = (tab: string) => page.locator('.tabs-container .tab', { hasText: tab }).locator('.label-name').textContent();
    /*
     * Get Task by ID, not a click on the row: VS Code drops a row's click that lands while the
     * tree is being redrawn ("Actual command not found" in the console), which a test that
     * checks tab titles must not depend on.
     */
    const getTask = async (id: string, title: string) => {
      await workbench.runCommand('Flexprice: Get Task');
      const input = page.locator('.quick-input-widget .quick-input-box input[placeholder="task_…"], .quick-input-widget .quick-input-box input[placeholder^="Paste a task ID"]');
      await input.fill(id);
      await input.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: title }).waitFor();
    };

    await getTask(sandboxTaskId, SANDBOX_ONLY);
    assert.equal(await tabTitle(SANDBOX_ONLY), SANDBOX_ONLY, 'a Sandbox panel is not marked');

    await connectionStatusItem(page).click();
    await quickPickRow(page, 'Acme · Production').click();
    await expectStatusItem('Acme · Production', 'flame', true);
    await getTask(productionTaskId, PRODUCTION_ONLY);
    assert.equal(await tabTitle(PRODUCTION_ONLY), `Production · ${PRODUCTION_ONLY}`);
    // The Sandbox panel stays bound to Sandbox: switching did not mark it.
    assert.equal(await tabTitle(SANDBOX_ONLY), SANDBOX_ONLY);
  });
});
