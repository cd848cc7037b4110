import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// The manifest at the repository root (this file runs from out/test/integration).
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  publisher: string;
  name: string;
};
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

describe('activation', () => {
  it(`${EXTENSION_ID} is installed and activates`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers the contributed commands', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const command of ['flexprice.setApiKey', 'flexprice.clearApiKey', 'flexprice.getTask', 'flexprice.refreshTasks', 'flexprice.showLog']) {
      assert.ok(commands.has(command), `${command} is not registered`);
    }
  });
});
