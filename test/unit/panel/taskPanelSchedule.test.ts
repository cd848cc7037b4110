import * as assert from 'node:assert/strict';
import { extensionUri, StandInWebviewPanel } from './webviewPanelStandIn';
import type * as vscode from 'vscode';
import { TaskSchema } from '../../../src/api/taskSchema';
import { TaskPanels } from '../../../src/panel/taskPanels';
import type { ExportView } from '../../../src/webview/protocol/taskView';
import { commands } from '../vscodeStandIn';
import { FakeClock } from '../polling/fakeClock';
import { completedExport } from '../api/sampleTasks';

type Posted = { type: string; message?: string; view?: { exportInfo?: ExportView } };

const TASK = TaskSchema.parse(completedExport);
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A panel of a finished export on connection `conn_sandbox`, its page ready, and the schedules it was asked about. */
async function openPanel(schedules: Map<string, string>) {
  const clock = new FakeClock();
  const asked: [string, string][] = [];
  const panels = new TaskPanels({
    extensionUri: extensionUri as unknown as vscode.Uri,
    fetchTask: async () => TASK,
    watcher: { watch: () => ({ dispose: () => undefined }) },
    openFile: async () => undefined,
    openInEditor: async () => undefined,
    openAsJson: async () => undefined,
    reportError: async () => undefined,
    clock,
    scheduleOf: (taskId, connectionId) => (asked.push([taskId, connectionId]), schedules.get(taskId)),
  });
  const page = new StandInWebviewPanel();
  await panels.revive(page as StandInWebviewPanel & vscode.WebviewPanel, { taskId: TASK.id, connectionId: 'conn_sandbox' });
  page.fromPage({ type: 'ready', taskId: null });
  const posted = () => page.posted as Posted[];
  return { clock, page, panels, asked, posted };
}

describe('TaskPanel and the schedule of an export', () => {
  const executed: unknown[][] = [];
  const original = commands.executeCommand;
  beforeEach(() => {
    executed.length = 0;
    commands.executeCommand = async (...args: unknown[]) => void executed.push(args);
  });
  afterEach(() => {
    commands.executeCommand = original;
  });

  it('names the schedule once it is known, asking again on every render, and a tick brings it in', async () => {
    const schedules = new Map<string, string>();
    const { clock, asked, posted, panels } = await openPanel(schedules);
    assert.equal(posted().at(-1)?.type, 'task');
    assert.equal(posted().at(-1)?.view?.exportInfo?.scheduleId, undefined);
    assert.deepEqual(asked.at(-1), [TASK.id, 'conn_sandbox']);

    await clock.advance(30_000);
    assert.equal(posted().at(-1)?.type, 'times', 'nothing new: the page only gets its times');
    schedules.set(TASK.id, 'schtask_01JQ7B');
    await clock.advance(30_000);
    assert.equal(posted().at(-1)?.type, 'task');
    assert.equal(posted().at(-1)?.view?.exportInfo?.scheduleId, 'schtask_01JQ7B');
    await clock.advance(30_000);
    assert.equal(posted().at(-1)?.type, 'times');
    panels.dispose();
  });

  it('reveals the schedule in the Scheduled Exports view with the panel’s connection', async () => {
    const { page, panels } = await openPanel(new Map([[TASK.id, 'schtask_01JQ7B']]));
    page.fromPage({ type: 'revealSchedule', taskId: TASK.id, scheduleId: 'schtask_forged' });
    await settle();
    assert.deepEqual(executed, [['flexprice.revealScheduledExport', { scheduleId: 'schtask_01JQ7B', connectionId: 'conn_sandbox' }]]);
    panels.dispose();
  });

  it('says so when the schedule is not known, and ignores a reveal for another task', async () => {
    const { page, posted, panels } = await openPanel(new Map());
    page.fromPage({ type: 'revealSchedule', taskId: 'task_other' });
    await settle();
    page.fromPage({ type: 'revealSchedule', taskId: TASK.id });
    await settle();
    assert.deepEqual(executed, []);
    assert.deepEqual(posted().at(-1), { type: 'notice', message: 'The schedule of this export is not known.' });
    panels.dispose();
  });
});
