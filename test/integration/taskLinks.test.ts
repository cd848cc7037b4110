import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { addConnectionThroughCommand, panelSnapshot, removeConnectionThroughCommand, until } from './vscodeStubs';

const KEY = 'fp_links_integration_key_9c3f';
const CONNECTION = 'Links test';
const RUN_ID = '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z';

/** Our links in a document: those that run a command (VS Code adds none of that kind itself). */
async function taskLinks(uri: vscode.Uri): Promise<vscode.DocumentLink[]> {
  const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri)) ?? [];
  return links.filter((link) => link.target?.scheme === 'command');
}

/** What a hover at `position` says, as Markdown. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

describe('Task IDs as links and hovers', () => {
  let server: LocalFlexpriceServer;
  let folder: string;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
    folder = mkdtempSync(path.join(tmpdir(), 'flexprice-links-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeConnectionThroughCommand(CONNECTION);
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('links each task ID in a file to Get Task, and following the link opens its panel', async () => {
    const task = server.store.get(FIXTURE_IDS.completedWithErrors)!;
    const file = path.join(folder, 'app.log');
    writeFileSync(file, `2026-12-02T10:00:00Z INFO import done {"task_id":"${task.id}"}\nnot an ID: x${task.id}\nrun ${RUN_ID} started\n`);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const links = await until('the links', async () => {
      const found = await taskLinks(document.uri);
      return found.length > 0 && found;
    });
    assert.deepEqual(links.map((link) => document.getText(link.range)), [task.id, RUN_ID]);
    const [link] = links;
    assert.equal(link!.tooltip, 'Open Flexprice task');
    assert.equal(link!.target!.path, 'flexprice.getTask');
    const args = JSON.parse(link!.target!.query) as unknown[];
    assert.deepEqual(args, [task.id]);

    // What a click does: VS Code runs the link's command with its arguments.
    await vscode.commands.executeCommand(link!.target!.path, ...args);
    await until('the task panel', async () => (await panelSnapshot()).some((panel) => panel.taskId === task.id));
  });

  it('links IDs in an untitled editor too, and none in a document over the limit', async () => {
    const untitled = await vscode.workspace.openTextDocument({ content: `id=${FIXTURE_IDS.failedExport}` });
    const links = await until('the untitled links', async () => {
      const found = await taskLinks(untitled.uri);
      return found.length > 0 && found;
    });
    assert.deepEqual(links.map((link) => untitled.getText(link.range)), [FIXTURE_IDS.failedExport]);

    const line = `${FIXTURE_IDS.completedImport} ${'.'.repeat(70)}\n`;
    const large = await vscode.workspace.openTextDocument({ content: line.repeat(Math.ceil((5.5 * 2 ** 20) / line.length)) });
    assert.deepEqual(await taskLinks(large.uri), []);
  });

  it('hovering an ID shows its status, entity and counts with Open, reading a settled task once', async () => {
    const task = server.store.get(FIXTURE_IDS.completedWithErrors)!;
    const document = await vscode.workspace.openTextDocument({ content: `see "${task.id}" here` });
    const inside = new vscode.Position(0, 10);
    server.requests.clear();
    const text = await hoverText(document.uri, inside);
    assert.match(text, new RegExp(`\\*\\*${task.task_status}\\*\\*`));
    assert.ok(text.includes(String(task.entity_type).replace(/_/g, '\\_')), text);
    assert.ok(text.includes(`${task.failed_records?.toLocaleString('en-US')} failed`), text);
    assert.match(text, /updated .* ago/);
    assert.ok(text.includes(CONNECTION), text);
    assert.ok(text.includes(`[Open](command:flexprice.getTask?`), text);
    assert.equal(await hoverText(document.uri, new vscode.Position(0, 2)), '', 'no hover off the ID');

    assert.equal(await hoverText(document.uri, inside), text);
    assert.equal(server.requests.count({ path: `/v1/tasks/${task.id}` }), 1, 'a COMPLETED task is read once');
  });

  it('reads a running task for a hover at most once per poll interval, and says when an ID is unknown', async () => {
    const running = server.store.add({ task_type: 'EXPORT', entity_type: 'EVENTS', task_status: 'PROCESSING' });
    const missing = 'task_01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const document = await vscode.workspace.openTextDocument({ content: `${running.id}\n${missing}` });
    server.requests.clear();
    for (let i = 0; i < 3; i++) assert.match(await hoverText(document.uri, new vscode.Position(0, 3)), /\*\*PROCESSING\*\*/);
    assert.equal(server.requests.count({ path: `/v1/tasks/${running.id}` }), 1);
    assert.match(await hoverText(document.uri, new vscode.Position(1, 3)), /^Flexprice task: not found/);
    assert.match(await hoverText(document.uri, new vscode.Position(1, 3)), /\[Open\]/);
    assert.equal(server.requests.count({ path: `/v1/tasks/${missing}` }), 1);
  });
});
