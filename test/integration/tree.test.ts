import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeSnapshotRow } from '../../src/tree/treeSnapshot';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import {
  addConnectionThroughCommand,
  answerInputBoxes,
  recordMessages,
  removeConnectionThroughCommand,
  setSetting,
  stubWindow,
  treeSnapshot as snapshot,
  until,
} from './vscodeStubs';

const KEY = 'fp_tree_integration_key_91c2';
/** Named so; a Sandbox environment adds no mark, so this is also the view's description. */
const CONNECTION = 'Tree test';

/** The root rows' labels, and each group's task labels. */
function outline(rows: TreeSnapshotRow[]): string[] {
  return rows.map((row) => `${'  '.repeat(row.depth)}${row.label}`);
}

/** The label of the group a row sits in. */
function groupOf(rows: TreeSnapshotRow[], label: string): string | undefined {
  const index = rows.findIndex((row) => row.label === label && row.depth === 1);
  return rows.slice(0, index).reverse().find((row) => row.depth === 0)?.label;
}

/** Answers Filter Tasks' three quick picks (type, entity, status) with these labels, in order. */
function answerFilterPicks(labels: string[]) {
  const picks = [...labels];
  return stubWindow('showQuickPick', (async (items: readonly vscode.QuickPickItem[]) => {
    const label = picks.shift();
    return (await items).find((item) => item.label === label);
  }) as unknown as typeof vscode.window.showQuickPick);
}

describe('Task tree', () => {
  let server: LocalFlexpriceServer;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY, seedTasks: false });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'COMPLETED', file_name: 'old-events.csv', created_at: minutesAgo(50) });
    server.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'COMPLETED', file_name: 'invoices.csv', created_at: minutesAgo(40) });
    server.store.add({ task_type: 'IMPORT', entity_type: 'PRICES', task_status: 'FAILED', file_name: 'prices.csv', created_at: minutesAgo(30), failed_at: minutesAgo(29), updated_at: minutesAgo(29) });
    server.store.add({ task_type: 'IMPORT', entity_type: 'CUSTOMERS', task_status: 'PROCESSING', file_name: 'customers.csv', created_at: minutesAgo(2) });
    await setSetting('refresh.minIntervalSeconds', 0.5);
    await setSetting('refresh.maxIntervalSeconds', 1);
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
    await vscode.commands.executeCommand('flexprice.tasks.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('flexprice.clearTaskFilters');
    await removeConnectionThroughCommand(CONNECTION);
    for (const key of ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds', 'pageSize']) await setSetting(key, undefined);
    await server.close();
  });

  it('shows the tasks grouped by status, newest first, with counts and empty groups hidden', async () => {
    const rows = await until('the tree to load', async () => {
      const snap = await snapshot();
      return snap.rows.length > 0 && snap.rows;
    });
    assert.deepEqual(outline(rows), [
      'Running (1)',
      '  customers.csv',
      'Failed (1)',
      '  prices.csv',
      'Completed (2)',
      '  invoices.csv',
      '  old-events.csv',
    ]);
    const running = rows.find((row) => row.label === 'customers.csv');
    assert.equal(running?.icon, 'sync~spin');
    assert.match(running?.description ?? '', /^CUSTOMERS · 2 min ago$/);
    assert.match(running?.contextValue ?? '', /^task;unwatched;/);
    const taskReads = server.requests.filter({ pathPrefix: '/v1/tasks/' }).filter((request) => !request.path.startsWith('/v1/tasks/scheduled'));
    assert.equal(taskReads.length, 0, 'rows come from GET /tasks alone (the Scheduled Exports view reads its own list)');
    assert.equal((await snapshot()).description, CONNECTION, 'the view names the connection in use');
  });

  it('sends the chosen filter to the server and shows it in the view description after the connection; Clear Filters removes it', async () => {
    const quickPick = answerFilterPicks(['IMPORT', 'Any', 'FAILED']);
    try {
      await vscode.commands.executeCommand('flexprice.filterTasks');
    } finally {
      quickPick.restore();
    }
    const query = server.requests.last({ path: '/v1/tasks' })?.query ?? {};
    assert.equal(query.task_type, 'IMPORT');
    assert.equal(query.task_status, 'FAILED');
    assert.equal(query.entity_type, undefined);
    const filtered = await snapshot();
    assert.equal(filtered.description, `${CONNECTION} — Filter: IMPORT · FAILED`);
    assert.deepEqual(outline(filtered.rows), ['Failed (1)', '  prices.csv']);

    await vscode.commands.executeCommand('flexprice.clearTaskFilters');
    const cleared = server.requests.last({ path: '/v1/tasks' })?.query ?? {};
    assert.equal(cleared.task_type, undefined);
    assert.equal(cleared.task_status, undefined);
    assert.equal((await snapshot()).description, CONNECTION);
  });

  it('Load more appends the next page under the loaded rows', async () => {
    await setSetting('pageSize', 2);
    const firstPage = await until('a two-task page', async () => {
      const snap = await snapshot();
      return snap.rows.filter((row) => row.contextValue?.startsWith('task;')).length === 2 && snap.rows;
    });
    const loadMore = firstPage.at(-1);
    assert.equal(loadMore?.label, 'Load more…');
    assert.equal(loadMore?.description, '2 of 4');
    const before = firstPage.filter((row) => row.contextValue?.startsWith('task;')).map((row) => row.label);

    await vscode.commands.executeCommand('flexprice.loadMoreTasks');
    const more = server.requests.last({ path: '/v1/tasks' })?.query;
    assert.deepEqual([more?.limit, more?.offset], ['2', '2'], 'only the next page is fetched');
    const after = (await snapshot()).rows;
    const tasks = after.filter((row) => row.contextValue?.startsWith('task;')).map((row) => row.label);
    assert.equal(tasks.length, 4);
    assert.ok(before.every((label) => tasks.includes(label)), 'the first page stays');
    assert.ok(!after.some((row) => row.label === 'Load more…'), 'nothing more to load');
    await setSetting('pageSize', undefined);
  });

  it('shows a task that finishes on the server, and says so once, without any user action', async () => {
    const task = server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PENDING', file_name: 'live-events.csv' });
    await vscode.commands.executeCommand('flexprice.refreshTasks');
    const pending = (await snapshot()).rows.find((row) => row.label === 'live-events.csv');
    assert.equal(pending?.icon, 'clock');

    const messages = recordMessages();
    const warnings = stubWindow('showWarningMessage', (async () => undefined) as typeof vscode.window.showWarningMessage);
    try {
      server.store.update(task.id, { task_status: 'COMPLETED', processed_records: 500, successful_records: 500, failed_records: 0 });
      const rows = await until('the tree to show the task completed', async () => {
        const snap = await snapshot();
        const row = snap.rows.find((r) => r.label === 'live-events.csv');
        return row?.icon === 'pass' && snap.rows;
      });
      assert.equal(groupOf(rows, 'live-events.csv'), 'Completed (3)', outline(rows).join('\n'));
      assert.equal(rows.find((r) => r.label.startsWith('Running'))?.label, 'Running (1)');
      await until('the notification', async () => messages.info().some((m) => m.includes('live-events.csv')));
      // Let a few more cycles pass (a task still PROCESSING elsewhere keeps them coming): no second notification.
      const seen = server.requests.count({ path: '/v1/tasks' });
      await until('two more cycles', async () => server.requests.count({ path: '/v1/tasks' }) >= seen + 2);
      const notes = [...messages.info(), ...messages.errors(), ...warnings.calls.map((c) => String(c[0]))].filter((m) => m.includes('live-events.csv'));
      assert.deepEqual(notes, ['Flexprice: import of live-events.csv completed.']);
    } finally {
      messages.restore();
      warnings.restore();
    }
  });

  it('Watch pins a task at the top, fetched by ID while off the page; Unwatch removes it', async () => {
    await setSetting('pageSize', 1);
    const old = server.store.all().find((task) => task.file_name === 'prices.csv')!;
    await until('a one-task page', async () => (await snapshot()).rows.filter((r) => r.contextValue?.startsWith('task;')).length === 1);
    server.requests.clear();
    await vscode.commands.executeCommand('flexprice.watchTask', old.id);
    const rows = await until('the Watched group', async () => {
      const snap = await snapshot();
      return snap.rows[0]?.label === 'Watched (1)' && snap.rows[1]?.description?.startsWith('PRICES') && snap.rows;
    });
    assert.equal(rows[1].label, 'prices.csv');
    assert.match(rows[1].contextValue ?? '', /^task;watched/);
    assert.equal(server.requests.count({ path: `/v1/tasks/${old.id}` }), 1, 'the off-page task is read by its ID');
    await vscode.commands.executeCommand('flexprice.unwatchTask', old.id);
    assert.ok(!(await snapshot()).rows.some((row) => row.label.startsWith('Watched')));
    await setSetting('pageSize', undefined);
  });

  it('keeps an open panel live with the sidebar hidden, and announces the finish', async () => {
    const task = server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PROCESSING', file_name: 'hidden-live.csv' });
    await vscode.commands.executeCommand('flexprice.refreshTasks');
    await until('the task on the loaded page', async () => (await snapshot()).rows.some((row) => row.label === 'hidden-live.csv'));
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('flexprice.getTask', task.id);
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await new Promise((resolve) => setTimeout(resolve, 500));
      server.requests.clear();
      server.store.update(task.id, { task_status: 'COMPLETED', processed_records: 10, successful_records: 10, failed_records: 0 });
      await until('the finish to be seen with the sidebar hidden', async () => messages.info().some((m) => m.includes('hidden-live.csv')), 15_000);
      assert.ok(server.requests.count({ path: `/v1/tasks/${task.id}` }) >= 1, 'the panel\'s task was read by its ID');
      assert.equal(server.requests.count({ path: '/v1/tasks' }), 0, 'the hidden view asked for no list');
    } finally {
      messages.restore();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('flexprice.tasks.focus');
    }
  });

  it('shows an export stuck PROCESSING for hours as stalled, and polls it rarely', async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60_000).toISOString();
    server.store.add({ task_type: 'EXPORT', entity_type: 'credit_usage', task_status: 'PROCESSING', file_name: 'stuck-export.csv', created_at: hoursAgo(3), updated_at: hoursAgo(3), started_at: hoursAgo(3) });
    await vscode.commands.executeCommand('flexprice.refreshTasks');
    const row = await until('the stalled row', async () => (await snapshot()).rows.find((r) => r.label === 'stuck-export.csv'));
    assert.match(row.description ?? '', /^Stalled — no update for 3 h · credit_usage/);
    assert.equal(row.icon, 'watch');
  });

  it('says in one node when the key is refused, and stops asking until the key changes', async () => {
    const input = answerInputBoxes('fp_wrong_key');
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('flexprice.setApiKey');
      const rows = await until('the error node', async () => {
        const snap = await snapshot();
        return snap.rows[0]?.contextValue === 'message;error;key' && snap.rows;
      });
      assert.equal(rows[0].label, 'Flexprice refused the API key.');
      assert.equal(rows.filter((row) => row.contextValue?.startsWith('message;error')).length, 1);
      const sent = server.requests.count();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const extra = server.requests.all().slice(sent).map((request) => `${request.method} ${request.path}`);
      assert.deepEqual(extra, [], 'no retries with a refused key');
      const refused = messages.errors().filter((message) => message.includes('rejected the API key'));
      assert.equal(refused.length, 1, `one notification, not one per cycle: ${JSON.stringify(messages.errors())}`);
    } finally {
      input.restore();
    }
    const again = answerInputBoxes(KEY);
    try {
      await vscode.commands.executeCommand('flexprice.setApiKey');
    } finally {
      again.restore();
      messages.restore();
    }
    await until('the tasks again', async () => (await snapshot()).rows[0]?.label.startsWith('Running'));
  });

  it('shows a list with one malformed item as its readable tasks plus one Unreadable row, not an error', async () => {
    // A count sent as text: the schema refuses this one item, and only this one.
    const bad = server.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'COMPLETED', file_name: 'bad.csv', total_records: '12' as unknown as number });
    try {
      await vscode.commands.executeCommand('flexprice.refreshTasks');
      const rows = await until('the Unreadable group', async () => {
        const snap = await snapshot();
        return snap.rows.some((row) => row.label === 'Unreadable (1)') && snap.rows;
      });
      assert.ok(!rows.some((row) => row.contextValue?.startsWith('message;error')), outline(rows).join('\n'));
      assert.ok(rows.some((row) => row.label === `Unreadable task ${bad.id}: total_records: expected number`), outline(rows).join('\n'));
      assert.ok(rows.some((row) => row.label === 'customers.csv') && rows.some((row) => row.label === 'invoices.csv'), 'the readable tasks are all there');
    } finally {
      server.store.remove(bad.id);
      await vscode.commands.executeCommand('flexprice.refreshTasks');
    }
  });

  it('takes a task out of a status-filtered list when it leaves the status, reading only what changed', async () => {
    const quickPick = answerFilterPicks(['Any', 'Any', 'PROCESSING']);
    const running = server.store.add({ task_type: 'EXPORT', entity_type: 'credit_usage', task_status: 'PROCESSING', file_name: 'leaving.csv' });
    try {
      await vscode.commands.executeCommand('flexprice.filterTasks');
      await until('the filtered list', async () => (await snapshot()).rows.some((row) => row.label === 'leaving.csv'));
      server.requests.clear();
      server.store.update(running.id, { task_status: 'COMPLETED', total_records: 5, processed_records: 5, successful_records: 5 });
      const rows = await until('the task to leave the list', async () => {
        const snap = await snapshot();
        return !snap.rows.some((row) => row.label === 'leaving.csv') && snap.rows;
      });
      // What is left is exactly what the server holds as PROCESSING.
      const processing = server.store.all().filter((task) => task.task_status === 'PROCESSING').map((task) => `  ${task.file_name}`);
      assert.equal(rows[0].label, `Running (${processing.length})`);
      assert.deepEqual(outline(rows).slice(1).sort(), processing.sort());
      const lists = server.requests.all().filter((request) => request.path === '/v1/tasks');
      assert.ok(lists.length > 0 && lists.every((request) => request.query.sort === 'updated_at' && request.query.task_status === undefined), JSON.stringify(lists.map((request) => request.query)));
    } finally {
      quickPick.restore();
      await vscode.commands.executeCommand('flexprice.clearTaskFilters');
    }
  });
});
