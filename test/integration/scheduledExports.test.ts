import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import {
  addConnectionThroughCommand,
  answerCreatedQuickPicks,
  answerInputBoxes,
  answerRangePickFor,
  panelSnapshot,
  removeConnectionThroughCommand,
  setSetting,
  stubWindow,
  treeSnapshot,
  until,
} from './vscodeStubs';

const KEY = 'fp_schedules_integration_key_5d1e';
const CONNECTION = 'Schedules test';

interface ScheduleRow {
  id?: string;
  label?: string;
  description?: string;
  contextValue?: string;
  enabled?: boolean;
  children: { label?: string; description?: string; contextValue?: string }[];
}
interface ScheduleSnapshot {
  visible?: boolean;
  state?: string;
  rows: ScheduleRow[];
  starting: { taskId: string; scheduleId: string; state: string }[];
  followed: string[];
}

const snapshot = async () => (await vscode.commands.executeCommand('flexprice.internal.scheduledExportsSnapshot')) as ScheduleSnapshot;


/** Answers every warning (modal or not) with `choice`, recording what was asked. */
function answerWarnings(choice: string | undefined) {
  return stubWindow('showWarningMessage', (async () => choice) as unknown as typeof vscode.window.showWarningMessage);
}

describe('Scheduled Exports view', () => {
  let server: LocalFlexpriceServer;

  before(async () => {
    server = await startFlexpriceServer({
      apiKey: KEY,
      seedTasks: false,
      // Runs quicker than a real server's, and none fails: the test follows one to its file.
      scheduledExports: { schedules: 6, runDelayMs: 1_500, pendingMs: [300, 500], processingMs: [1_000, 1_500], failureRate: 0 },
    });
    await setSetting('refresh.minIntervalSeconds', 0.5);
    await setSetting('refresh.maxIntervalSeconds', 1);
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
    await vscode.commands.executeCommand('flexprice.scheduledExports.focus');
  });

  after(async () => {
    await removeConnectionThroughCommand(CONNECTION);
    for (const key of ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds']) await setSetting(key, undefined);
    await server.close();
  });

  const scheduleOf = (entity: string, interval: string) => server.schedules.all().find((schedule) => schedule.entity_type === entity && schedule.interval === interval)!;

  it('lists the live schedules with their destination, paused ones marked, the deleted one hidden', async () => {
    const view = await until('the schedules', async () => {
      const snap = await snapshot();
      return snap.state === 'some' && snap;
    });
    assert.equal(view.visible, true);
    const labels = view.rows.map((row) => row.label);
    assert.deepEqual(labels, ['credit_usage · daily', 'credit_usage · hourly', 'events · hourly', 'invoice · daily', 'usage_analytics · 15MIN']);
    const invoice = view.rows.find((row) => row.label === 'invoice · daily')!;
    assert.match(invoice.description ?? '', /^Paused · s3:\/\//);
    assert.match(invoice.contextValue ?? '', /^schedule;paused/);
    assert.match(view.rows[0].description ?? '', /s3:\/\/[a-z0-9-]+/);
    assert.equal(server.requests.count({ path: '/v1/tasks/scheduled' }) >= 1, true);
  });

  it('shows a schedule\'s runs, newest first, read with scheduled_task_id and task_type=EXPORT', async () => {
    const schedule = scheduleOf('credit_usage', 'daily');
    await vscode.commands.executeCommand('flexprice.revealScheduledExport', { scheduleId: schedule.id });
    const row = await until('the runs', async () => {
      const found = (await snapshot()).rows.find((candidate) => candidate.id === schedule.id);
      return found && found.children.some((child) => child.contextValue?.startsWith('task;')) && found;
    });
    const runs = row.children.filter((child) => child.contextValue?.startsWith('task;'));
    assert.ok(runs.length >= 3, `${runs.length} runs`);
    const query = server.requests.last({ path: '/v1/tasks' })?.query ?? {};
    assert.ok(server.requests.all().some((request) => request.query.scheduled_task_id === schedule.id && request.query.task_type === 'EXPORT'), JSON.stringify(query));
  });

  it('a scheduled run\'s ID (`<uuid>-<RFC 3339 time>`) works in Get Task typed by hand, and comes back as a recent ID', async () => {
    const run = server.store.all().find((task) => /^[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}T/.test(task.id))!;
    assert.ok(run, 'the server seeds scheduled runs');
    const lookUp = async () => {
      const picks = answerCreatedQuickPicks((item) => item.label === run.id || item.label.startsWith('$(edit) Enter another task ID'));
      const input = answerInputBoxes(`  ${run.id} `);
      try {
        await vscode.commands.executeCommand('flexprice.getTask');
      } finally {
        picks.restore();
        input.restore();
      }
      return picks.offered[0]?.filter((item) => item.description === 'recent').map((item) => item.label) ?? [];
    };
    assert.ok(!(await lookUp()).includes(run.id));
    await until('its panel', async () => (await panelSnapshot()).some((panel) => panel.taskId === run.id));
    assert.equal(server.requests.last({ path: `/v1/tasks/${encodeURIComponent(run.id)}` })?.method, 'GET', 'read by its encoded ID');
    assert.ok((await lookUp()).includes(run.id), 'offered again');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Run Now: Starting… under the schedule and in the Tasks view, then live, then a notification with Open Export', async () => {
    const schedule = scheduleOf('events', 'hourly');
    const notifications: { message: string; actions: string[] }[] = [];
    const info = stubWindow('showInformationMessage', (async (message: string, ...actions: string[]) => {
      notifications.push({ message, actions: actions.filter((action) => typeof action === 'string') });
      return message.includes('completed') ? 'Open Export' : undefined;
    }) as unknown as typeof vscode.window.showInformationMessage);
    const pick = answerRangePickFor('Previous full interval');
    try {
      await vscode.commands.executeCommand('flexprice.runScheduledExport', { scheduleId: schedule.id });
      const posted = server.requests.last({ method: 'POST' });
      assert.equal(posted?.path, `/v1/tasks/scheduled/${schedule.id}/run`);
      const [run] = (await snapshot()).starting;
      assert.ok(run, 'the run is starting at once');
      assert.equal(run.scheduleId, schedule.id);
      const tasksView = await treeSnapshot();
      assert.ok(tasksView.rows.some((row) => row.label === 'Starting…'), 'the Tasks view shows it too');

      await until('the run to exist', async () => (await snapshot()).starting.length === 0);
      assert.ok(server.store.get(run.taskId), 'the task the server created has the workflow ID');
      await until('the finish notification', () => notifications.some((note) => note.message.includes('completed')), 30_000);
      const done = notifications.find((note) => note.message.includes('completed'))!;
      assert.deepEqual(done.actions, ['Open Export', 'Download…', 'Show Details']);
      const editor = await until('the export in an editor', () => vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.scheme === 'flexprice-export'));
      const { document } = editor;
      assert.match(document.lineAt(0).text, /^[a-z_]+(,[a-z_]+)+$/, 'a CSV header, gunzipped');
      assert.match(document.uri.path, new RegExp(`^/${run.taskId}/[^/]+\\.csv$`), 'named after its file, without .gz');
      assert.equal(document.isDirty, false, 'read-only: closing it asks nothing');
      assert.equal((await snapshot()).followed.length, 0, 'no longer watched once finished');
    } finally {
      pick.restore();
      info.restore();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('Run Now on a paused schedule warns first; Resume and Run resumes it, then runs', async () => {
    const schedule = scheduleOf('invoice', 'daily');
    const warning = answerWarnings('Resume and Run');
    const pick = answerRangePickFor('Current interval so far');
    try {
      await vscode.commands.executeCommand('flexprice.runScheduledExport', { scheduleId: schedule.id });
      const [message, options] = warning.calls[0] as [string, vscode.MessageOptions];
      assert.match(message, /invoice · daily is paused/);
      assert.equal(options.modal, true);
      const writes = server.requests.all().filter((request) => request.method !== 'GET' && request.path.includes(schedule.id));
      assert.deepEqual(writes.map((request) => request.method), ['PUT', 'POST'], 'resumed, then run');
      assert.equal(server.schedules.get(schedule.id)?.enabled, true);
      assert.ok((await snapshot()).starting.some((run) => run.scheduleId === schedule.id));
    } finally {
      warning.restore();
      pick.restore();
    }
  });

  it('Run Now on a paused schedule, backed out of the warning, sends nothing', async () => {
    const schedule = scheduleOf('credit_usage', 'hourly');
    server.schedules.setEnabled(schedule.id, false);
    await vscode.commands.executeCommand('flexprice.refreshScheduledExports');
    await until('the pause to show', async () => (await snapshot()).rows.find((row) => row.id === schedule.id)?.enabled === false);
    const before = server.requests.all().length;
    const warning = answerWarnings(undefined);
    try {
      await vscode.commands.executeCommand('flexprice.runScheduledExport', { scheduleId: schedule.id });
      assert.equal(warning.calls.length, 1);
      assert.equal(server.requests.all().slice(before).filter((request) => request.method !== 'GET').length, 0);
    } finally {
      warning.restore();
    }
  });

  it('Delete asks in a modal naming the schedule and the connection; only Delete deletes', async () => {
    const schedule = scheduleOf('usage_analytics', '15MIN');
    const cancel = answerWarnings(undefined);
    try {
      await vscode.commands.executeCommand('flexprice.deleteScheduledExport', { scheduleId: schedule.id });
      const [message, options] = cancel.calls[0] as [string, vscode.MessageOptions];
      assert.equal(message, `Delete the scheduled export usage_analytics · 15MIN from ${CONNECTION}?`);
      assert.equal(options.modal, true);
      assert.equal(server.requests.count({ method: 'DELETE' }), 0, 'cancelled: nothing sent');
    } finally {
      cancel.restore();
    }
    const confirm = answerWarnings('Delete');
    try {
      await vscode.commands.executeCommand('flexprice.deleteScheduledExport', { scheduleId: schedule.id });
      assert.equal(server.requests.count({ method: 'DELETE', path: `/v1/tasks/scheduled/${schedule.id}` }), 1);
      assert.equal(server.schedules.get(schedule.id)?.status, 'deleted');
      await until('the row to go', async () => !(await snapshot()).rows.some((row) => row.id === schedule.id));
    } finally {
      confirm.restore();
    }
  });
});
