import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { activeTaskPanel, openWorkbenchWithKey, type Workbench } from './workbench';

/*
 * Task IDs in an editor as a person meets them: real VS Code (code-server) in real Chromium,
 * a log file in the workspace, the local Flexprice server. Hovering an ID shows its status;
 * Open in the hover, or Ctrl-click on the ID, opens the task panel.
 */

const KEY = 'fp_links_ui_key_7e2d';
const FILE = 'export-worker.log';

describe('Task IDs as links in the editor (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: LocalFlexpriceServer;
  let workbench: Workbench;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    workbench = await openWorkbenchWithKey(server.baseUrl, KEY);
    writeFileSync(
      path.join(workbench.folder, FILE),
      [
        `2026-12-02T10:00:00Z INFO import finished {"task_id":"${FIXTURE_IDS.completedWithErrors}"}`,
        '2026-12-02T10:00:01Z DEBUG heartbeat',
        `2026-12-02T10:00:02Z INFO import finished task=${FIXTURE_IDS.completedImport}`,
        '',
      ].join('\n'),
    );
    await openFile(FILE);
  });

  afterEach(async function () {
    await workbench?.screenshotOnFailure(this.currentTest).catch(() => undefined);
    await workbench?.page.keyboard.press('Escape').catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  /** Quick Open (the palette without its `>`), the file's name, Enter; resolves once the editor shows it. */
  async function openFile(name: string): Promise<void> {
    const { page } = workbench;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
    await input.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  }

  /** The link VS Code drew over an ID in the editor. */
  function linkOver(id: string) {
    return workbench.page.locator('.monaco-editor .view-lines .detected-link', { hasText: id.slice(-8) }).first();
  }

  it('hovering an ID shows its status, entity and counts; Open in the hover opens its panel', async () => {
    const task = server.store.get(FIXTURE_IDS.completedWithErrors)!;
    const link = linkOver(task.id);
    await link.waitFor({ timeout: 30_000 });
    await link.hover();
    const hover = workbench.page.locator('.monaco-hover:visible', { hasText: String(task.task_status) }).first();
    await hover.waitFor({ timeout: 30_000 });
    const text = (await hover.textContent()) ?? '';
    assert.ok(text.includes(String(task.entity_type)), text);
    assert.ok(text.includes(`${task.failed_records?.toLocaleString('en-US')} failed`), text);
    await hover.getByRole('link', { name: 'Open', exact: true }).click();
    await activeTaskPanel(workbench.page, String(task.file_name));
  });

  it('Ctrl-click on an ID opens its panel', async () => {
    const task = server.store.get(FIXTURE_IDS.completedImport)!;
    await openFile(FILE);
    const link = linkOver(task.id);
    await link.waitFor({ timeout: 30_000 });
    await link.click({ modifiers: [process.platform === 'darwin' ? 'Meta' : 'Control'] });
    await activeTaskPanel(workbench.page, String(task.file_name));
  });
});
