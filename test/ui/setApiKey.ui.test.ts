import * as assert from 'node:assert/strict';
import { openWorkbench, type Workbench } from './workbench';

// Made up: secret storage lives in this test's fresh browser profile and user-data dir.
const KEY = 'fp_ui_set_key_5d21';

describe('Set API Key (code-server + Chromium)', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  afterEach(async function () {
    await workbench?.screenshotOnFailure(this.currentTest);
  });

  after(async () => {
    await workbench?.close();
  });

  it('asks for the key in a password box and confirms it was saved', async () => {
    const { page } = workbench;
    await workbench.runCommand('Flexprice: Set API Key');
    const password = page.locator('.quick-input-widget input[type=password]');
    await password.waitFor();
    assert.equal(await password.count(), 1, 'the key is typed into a password box');

    await workbench.typeIntoInput(KEY);
    const message = await workbench.waitForNotification(/API key saved/);
    assert.match(message, /Flexprice API key saved/);
    assert.ok(!message.includes(KEY), 'the confirmation must not show the key');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });
});
