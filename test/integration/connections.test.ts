import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeSnapshotRow } from '../../src/tree/treeSnapshot';
import {
  PRODUCTION_API_KEY,
  SANDBOX_API_KEY,
  startFlexpriceServer,
  twoEnvironments,
  type LocalFlexpriceServer,
  type LoggedRequest,
  type ServedEnvironment,
  type ServerTask,
} from '../server/flexpriceServer';
import {
  addConnectionThroughCommand,
  answerCreatedQuickPicks,
  answerInputBoxes,
  answerQuickPicks,
  connectionNamed,
  labelled,
  panelSnapshot,
  recordMessages,
  removeConnectionThroughCommand,
  setApiKeyThroughCommand,
  setSetting,
  sleep,
  switchConnection,
  taskLabels,
  taskPanelTabs,
  treeSnapshot,
  until,
} from './vscodeStubs';

const SANDBOX = 'Acme · Sandbox';
/** Not named after its environment: the "Production" mark can only come from identification. */
const PRODUCTION = 'Acme Live';
const OTHER = 'Other server';
const OTHER_KEY = 'fp_other_server_key_3c9d';
const ROTATED_KEY = 'fp_rotated_sandbox_key_6e0a';

const SANDBOX_FILES = ['sandbox-events.csv', 'sandbox-invoices.csv'];
const PRODUCTION_FILES = ['production-customers.csv', 'production-prices.csv'];

/** The distinct API keys a set of requests carried. */
const keysOf = (requests: readonly LoggedRequest[]) => [...new Set(requests.map((request) => request.headers['x-api-key']))];

const config = () => vscode.workspace.getConfiguration('flexprice');

/** The rows of the Watched group, and the rest. */
function splitWatched(rows: readonly TreeSnapshotRow[]): { watched: TreeSnapshotRow[]; others: TreeSnapshotRow[] } {
  const start = rows.findIndex((row) => row.depth === 0 && row.label.startsWith('Watched'));
  if (start < 0) return { watched: [], others: [...rows] };
  const next = rows.findIndex((row, index) => index > start && row.depth === 0);
  const end = next < 0 ? rows.length : next;
  return { watched: rows.slice(start + 1, end), others: [...rows.slice(0, start), ...rows.slice(end)] };
}

/** The task labels in the Watched group (empty when there is none). */
const watchedLabels = (rows: readonly TreeSnapshotRow[]) => splitWatched(rows).watched.map((row) => row.label);

/**
 * Waits until the Watched group holds exactly these tasks, each read (a pinned task shows its ID
 * until its copy arrives). Resolves to all the rows.
 */
function watchedShowing(files: readonly string[]) {
  return until(`the Watched group to show ${files.join(', ')}`, async () => {
    const rows = (await treeSnapshot()).rows;
    return JSON.stringify(watchedLabels(rows)) === JSON.stringify(files) && rows;
  });
}

/** Waits until the view's groups (Watched aside) show exactly these tasks, read live (no kept page, no message rows). */
function treeShowing(files: readonly string[]) {
  return until(`the tree to show ${files.join(', ')}`, async () => {
    const snap = await treeSnapshot();
    const live = !snap.rows.some((row) => row.contextValue?.startsWith('message;'));
    const shown = taskLabels(splitWatched(snap.rows).others).sort();
    return live && JSON.stringify(shown) === JSON.stringify([...files].sort()) && snap;
  });
}

/**
 * "Get Task" with no argument, as a user would: picks `id` among the recent IDs if offered, else
 * "Enter another task ID…" (or the plain input box) and types it. Resolves to the recent IDs offered.
 */
async function lookUpTyped(id: string): Promise<{ recent: string[] | undefined; typed: number }> {
  const picks = answerCreatedQuickPicks((item) => item.label === id || item.label.startsWith('$(edit) Enter another task ID'));
  const input = answerInputBoxes(id);
  try {
    await vscode.commands.executeCommand('flexprice.getTask');
  } finally {
    picks.restore();
    input.restore();
  }
  const offered = picks.offered[0];
  return { recent: offered && offered.filter((item) => item.description === 'recent').map((item) => item.label), typed: input.calls.length };
}

const getTask = (id: string) => vscode.commands.executeCommand('flexprice.getTask', id);

describe('Connections', () => {
  /** One URL, two environments of tenant Acme: the key picks the environment. */
  let acme: LocalFlexpriceServer;
  /** Another URL altogether. */
  let other: LocalFlexpriceServer;
  /** Accepts both Acme keys, so a request sent there would succeed and be seen. */
  let decoy: LocalFlexpriceServer;
  let sandbox: ServedEnvironment;
  let production: ServedEnvironment;
  let sandboxTask: ServerTask;
  let productionTask: ServerTask;
  /** Connection IDs by name. */
  const ids: Record<string, string> = {};

  before(async () => {
    acme = await startFlexpriceServer({ environments: twoEnvironments().map((environment) => ({ ...environment, seedTasks: false })) });
    [sandbox, production] = acme.environments;
    assert.equal(sandbox.apiKey, SANDBOX_API_KEY);
    assert.equal(production.apiKey, PRODUCTION_API_KEY);
    sandboxTask = sandbox.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'COMPLETED', file_name: 'sandbox-events.csv' });
    sandbox.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'COMPLETED', file_name: 'sandbox-invoices.csv' });
    productionTask = production.store.add({ task_type: 'IMPORT', entity_type: 'CUSTOMERS', task_status: 'COMPLETED', file_name: 'production-customers.csv' });
    production.store.add({ task_type: 'IMPORT', entity_type: 'PRICES', task_status: 'COMPLETED', file_name: 'production-prices.csv' });
    other = await startFlexpriceServer({ apiKey: OTHER_KEY, seedTasks: false });
    other.store.add({ task_type: 'EXPORT', entity_type: 'events', task_status: 'PROCESSING', file_name: 'other-running.csv' });
    decoy = await startFlexpriceServer({ environments: twoEnvironments() });

    await vscode.commands.executeCommand('flexprice.tasks.focus');
    const added: Record<string, { info: string[]; errors: string[] }> = {};
    for (const [name, apiUrl, key] of [[OTHER, other.baseUrl, OTHER_KEY], [PRODUCTION, acme.baseUrl, PRODUCTION_API_KEY], [SANDBOX, acme.baseUrl, SANDBOX_API_KEY]]) {
      added[name] = await addConnectionThroughCommand({ apiUrl, key, name });
      // The connection added is the active one.
      ids[name] = (await treeSnapshot()).connection ?? '';
    }
    assert.equal(new Set(Object.values(ids)).size, 3, JSON.stringify(ids));
    for (const { errors } of Object.values(added)) assert.deepEqual(errors, []);
    assert.ok(added[PRODUCTION].info.some((message) => message.includes(`"${PRODUCTION} · Production"`) && message.includes('Production environment')), added[PRODUCTION].info.join('|'));
    assert.ok(!added[SANDBOX].info.some((message) => message.includes('Production')), added[SANDBOX].info.join('|'));
    await treeShowing(SANDBOX_FILES);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of [SANDBOX, PRODUCTION, OTHER]) await removeConnectionThroughCommand(name);
    for (const key of ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds']) await setSetting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await Promise.all([acme.close(), other.close(), decoy.close()]);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Switch Connection lists every connection, the active one marked; after picking Production every request carries its key and the view shows its tasks, named', async () => {
    const picks = answerQuickPicks(connectionNamed(PRODUCTION));
    try {
      acme.requests.clear();
      await vscode.commands.executeCommand('flexprice.switchConnection');
    } finally {
      picks.restore();
    }
    await vscode.commands.executeCommand('flexprice.refreshTasks');
    const snap = await treeShowing(PRODUCTION_FILES);

    const offered = picks.offered[0] ?? [];
    const item = (name: string) => offered.find(connectionNamed(name));
    assert.match(item(SANDBOX)?.description ?? '', /active/);
    assert.doesNotMatch(item(PRODUCTION)?.description ?? '', /active/);
    assert.equal(item(PRODUCTION)?.label, `$(flame) ${PRODUCTION} · Production`);
    assert.equal(item(SANDBOX)?.label, `$(plug) ${SANDBOX}`);
    assert.ok(item(OTHER), 'every connection is offered');
    assert.ok(offered.some(labelled('$(add) Add Connection')));

    assert.equal(snap.connection, ids[PRODUCTION]);
    assert.equal(snap.description, `${PRODUCTION} · Production`);
    const seen = acme.requests.all();
    assert.ok(seen.some((request) => request.path === '/v1/tasks'), 'the refresh reached the server');
    assert.deepEqual(keysOf(seen), [PRODUCTION_API_KEY], 'from the switch on, only Production\'s key');
  });

  it('switches by name as an argument; an unknown name changes nothing', async () => {
    acme.requests.clear();
    await switchConnection(SANDBOX);
    await vscode.commands.executeCommand('flexprice.refreshTasks');
    const snap = await treeShowing(SANDBOX_FILES);
    assert.equal(snap.connection, ids[SANDBOX]);
    assert.equal(snap.description, SANDBOX, 'a Sandbox is not marked');
    assert.deepEqual(keysOf(acme.requests.all()), [SANDBOX_API_KEY]);

    const messages = recordMessages();
    try {
      await switchConnection('Acme · Staging');
    } finally {
      messages.restore();
    }
    assert.ok(messages.errors().some((message) => message.includes('no such connection')), messages.errors().join('|'));
    assert.equal((await treeSnapshot()).connection, ids[SANDBOX]);
  });

  it('Get Task given a connection (a notification of it, a link) reads with that connection and binds the panel to it, whichever is active', async () => {
    await switchConnection(PRODUCTION);
    await treeShowing(PRODUCTION_FILES);
    acme.requests.clear();
    await vscode.commands.executeCommand('flexprice.getTask', { taskId: sandboxTask.id, connectionId: ids[SANDBOX] });
    const read = acme.requests.all().filter((request) => request.path.endsWith(`/tasks/${sandboxTask.id}`));
    assert.deepEqual(keysOf(read), [SANDBOX_API_KEY], 'the task is read with the connection it belongs to');
    const open = await until('the panel', async () => (await panelSnapshot()).find((panel) => panel.taskId === sandboxTask.id));
    assert.equal(open.connectionId, ids[SANDBOX]);
    assert.equal((await treeSnapshot()).connection, ids[PRODUCTION], 'and the window stays on its connection');

    const messages = recordMessages();
    try {
      acme.requests.clear();
      await vscode.commands.executeCommand('flexprice.getTask', { taskId: sandboxTask.id, connectionId: 'Acme · Staging' });
      assert.equal(acme.requests.all().length, 0, 'an unknown connection sends nothing anywhere');
      assert.ok(messages.errors().some((message) => /no connection "Acme · Staging"/.test(message)), messages.errors().join('|'));
    } finally {
      messages.restore();
    }
    await switchConnection(SANDBOX);
    await treeShowing(SANDBOX_FILES);
  });

  it('keeps recent and watched task IDs per connection: Get Task offers the active one\'s, and the Watched group follows the switch', async () => {
    try {
      await lookUpTyped(sandboxTask.id);
      await watchedShowing(['sandbox-events.csv']);

      await switchConnection(PRODUCTION);
      const first = await lookUpTyped(productionTask.id);
      assert.equal(first.recent, undefined, 'Production has no recent IDs yet: no list of Sandbox\'s is offered');
      assert.equal(first.typed, 1);
      const onProduction = await watchedShowing(['production-customers.csv']);
      assert.ok(!onProduction.some((row) => row.label.startsWith('sandbox-')), 'nothing of Sandbox\'s in Production\'s view');

      await switchConnection(SANDBOX);
      const again = await lookUpTyped(sandboxTask.id);
      assert.deepEqual(again.recent, [sandboxTask.id], 'Sandbox\'s recent IDs, and only those');
      assert.equal(again.typed, 0, 'picked from the list');
      await treeShowing(SANDBOX_FILES);
      const backOnSandbox = await watchedShowing(['sandbox-events.csv']);
      assert.ok(!backOnSandbox.some((row) => row.label.startsWith('production-')), 'nothing of Production\'s in Sandbox\'s view');

      await switchConnection(PRODUCTION);
      const later = await lookUpTyped(productionTask.id);
      assert.deepEqual(later.recent, [productionTask.id], 'Production\'s recent IDs, and only those');
      await treeShowing(PRODUCTION_FILES);
      await watchedShowing(['production-customers.csv']);
    } finally {
      await switchConnection(PRODUCTION);
      await vscode.commands.executeCommand('flexprice.unwatchTask', productionTask.id);
      await switchConnection(SANDBOX);
      await vscode.commands.executeCommand('flexprice.unwatchTask', sandboxTask.id);
    }
    assert.deepEqual(watchedLabels((await treeSnapshot()).rows), []);
  });

  it('Set API Key changes only the active connection\'s key; the other connection keeps sending its own', async () => {
    const messages = recordMessages();
    try {
      await setApiKeyThroughCommand(ROTATED_KEY);
      acme.requests.clear();
      await getTask(sandboxTask.id);
      assert.deepEqual(keysOf(acme.requests.filter({ path: `/v1/tasks/${sandboxTask.id}` })), [ROTATED_KEY]);

      await switchConnection(PRODUCTION);
      acme.requests.clear();
      await getTask(productionTask.id);
      assert.equal(acme.requests.count({ path: `/v1/tasks/${productionTask.id}` }), 1);
      assert.deepEqual(keysOf(acme.requests.all()), [PRODUCTION_API_KEY]);
      const panels = await panelSnapshot();
      assert.deepEqual(panels.map((panel) => [panel.taskId, panel.connectionId]), [[productionTask.id, ids[PRODUCTION]]], 'Production\'s lookup succeeded');
    } finally {
      await switchConnection(SANDBOX);
      await setApiKeyThroughCommand(SANDBOX_API_KEY);
      messages.restore();
    }
  });

  it('Clear API Key clears only the active connection\'s key', async () => {
    const messages = recordMessages();
    const input = answerInputBoxes(undefined);
    try {
      await vscode.commands.executeCommand('flexprice.clearApiKey');
      assert.ok(messages.info().some((message) => message.includes('API key removed') && message.includes(SANDBOX)), messages.info().join('|'));
      acme.requests.clear();
      await getTask(sandboxTask.id);
      assert.equal((input.calls[0]?.[0] as vscode.InputBoxOptions | undefined)?.password, true, 'Sandbox has no key now: Get Task asks for one');
      assert.equal(acme.requests.count({ path: `/v1/tasks/${sandboxTask.id}` }), 0);

      await switchConnection(PRODUCTION);
      acme.requests.clear();
      await getTask(productionTask.id);
      assert.equal(input.calls.length, 1, 'Production still has its key: nothing asked');
      assert.equal(acme.requests.count({ path: `/v1/tasks/${productionTask.id}` }), 1);
      assert.deepEqual(keysOf(acme.requests.all()), [PRODUCTION_API_KEY]);
    } finally {
      input.restore();
      messages.restore();
      await switchConnection(SANDBOX);
      await setApiKeyThroughCommand(SANDBOX_API_KEY);
    }
    await treeShowing(SANDBOX_FILES);
  });

  it('a workspace\'s flexprice.connection picks that connection by name; a switch in the window then beats it', async () => {
    await switchConnection(PRODUCTION);
    await treeShowing(PRODUCTION_FILES);
    try {
      await config().update('connection', SANDBOX, vscode.ConfigurationTarget.Workspace);
      await until('the workspace\'s pick', async () => (await treeSnapshot()).connection === ids[SANDBOX]);
      acme.requests.clear();
      await vscode.commands.executeCommand('flexprice.refreshTasks');
      const snap = await treeShowing(SANDBOX_FILES);
      assert.equal(snap.description, SANDBOX);
      assert.deepEqual(keysOf(acme.requests.all()), [SANDBOX_API_KEY]);

      await switchConnection(PRODUCTION);
      assert.equal((await treeSnapshot()).connection, ids[PRODUCTION]);
    } finally {
      await config().update('connection', undefined, vscode.ConfigurationTarget.Workspace);
      await until('the workspace setting to go', () => config().inspect('connection')?.workspaceValue === undefined);
    }
  });

  it('a workspace naming a connection the user does not have, with its own flexprice.apiUrl, sends nothing there and keeps the user\'s connection', async () => {
    await switchConnection(SANDBOX);
    await treeShowing(SANDBOX_FILES);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workbench opens a folder');
    const settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const hostile = { 'flexprice.connection': 'Acme · Staging', 'flexprice.apiUrl': decoy.baseUrl, 'flexprice.environmentId': sandbox.id };
    try {
      await vscode.workspace.fs.writeFile(settingsFile, Buffer.from(JSON.stringify(hostile, null, 2)));
      await until('the workspace settings file to load', () => config().inspect('connection')?.workspaceValue === 'Acme · Staging');
      decoy.requests.clear();
      acme.requests.clear();
      await vscode.commands.executeCommand('flexprice.refreshTasks');
      await getTask(sandboxTask.id);
      const snap = await treeShowing(SANDBOX_FILES);
      assert.equal(snap.connection, ids[SANDBOX]);
      assert.equal(snap.description, SANDBOX);
      assert.equal(decoy.requests.count(), 0, 'nothing went to the workspace\'s URL');
      assert.equal(acme.requests.count({ path: `/v1/tasks/${sandboxTask.id}` }), 1);
      assert.deepEqual(keysOf(acme.requests.all()), [SANDBOX_API_KEY]);
      assert.ok(acme.requests.all().every((request) => request.headers['x-environment-id'] === undefined), 'nor the workspace\'s environment');
    } finally {
      await vscode.workspace.fs.delete(settingsFile);
      await until('the workspace settings file to unload', () => config().inspect('connection')?.workspaceValue === undefined);
    }
  });

  it('sends nothing to the old URL once switched away, while the new connection keeps polling', async () => {
    const running = sandbox.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PROCESSING', file_name: 'sandbox-running.csv' });
    await setSetting('refresh.minIntervalSeconds', 0.5);
    await setSetting('refresh.maxIntervalSeconds', 1);
    try {
      await vscode.commands.executeCommand('flexprice.refreshTasks');
      await treeShowing([...SANDBOX_FILES, 'sandbox-running.csv']);
      const polled = acme.requests.count({ path: '/v1/tasks' });
      await until('Sandbox to poll by itself', () => acme.requests.count({ path: '/v1/tasks' }) >= polled + 2);

      await switchConnection(OTHER);
      await treeShowing(['other-running.csv']);
      acme.requests.clear();
      const otherPolls = other.requests.count({ path: '/v1/tasks' });
      await sleep(4_000);
      assert.deepEqual(acme.requests.all().map((request) => request.path), [], 'the old URL was not asked again');
      assert.ok(other.requests.count({ path: '/v1/tasks' }) >= otherPolls + 2, 'the new connection kept polling meanwhile');
      assert.deepEqual(keysOf(other.requests.all()), [OTHER_KEY]);
    } finally {
      sandbox.store.remove(running.id);
      for (const key of ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds']) await setSetting(key, undefined);
      await switchConnection(SANDBOX);
    }
  });

  it('a panel keeps its connection: after a switch its refresh uses Sandbox\'s key; removing Sandbox closes its panel only', async () => {
    const messages = recordMessages();
    try {
      await getTask(sandboxTask.id);
      await switchConnection(PRODUCTION);
      await getTask(productionTask.id);
      const panels = await until('both panels', async () => {
        const open = await panelSnapshot();
        return open.length === 2 && open;
      });
      const panelOf = (taskId: string) => panels.find((panel) => panel.taskId === taskId);
      assert.equal(panelOf(sandboxTask.id)?.connectionId, ids[SANDBOX]);
      assert.equal(panelOf(sandboxTask.id)?.title, 'sandbox-events.csv');
      assert.equal(panelOf(productionTask.id)?.connectionId, ids[PRODUCTION]);
      assert.equal(panelOf(productionTask.id)?.title, 'Production · production-customers.csv');

      acme.requests.clear();
      await vscode.commands.executeCommand('flexprice.internal.refreshPanel', sandboxTask.id, ids[SANDBOX]);
      const refreshed = acme.requests.filter({ path: `/v1/tasks/${sandboxTask.id}` });
      assert.equal(refreshed.length, 1);
      assert.deepEqual(keysOf(refreshed), [SANDBOX_API_KEY], 'the panel reads with its own connection\'s key, not the active one\'s');
      assert.deepEqual(messages.errors(), []);

      await removeConnectionThroughCommand(SANDBOX);
      const left = await until('the Sandbox panel to close', async () => {
        const open = await panelSnapshot();
        return open.length === 1 && open;
      });
      assert.deepEqual(left.map((panel) => [panel.taskId, panel.connectionId]), [[productionTask.id, ids[PRODUCTION]]]);
      await until('its tab to close', () => taskPanelTabs().length === 1);
      assert.equal(taskPanelTabs()[0]?.label, 'Production · production-customers.csv');
    } finally {
      messages.restore();
    }
  });
});
