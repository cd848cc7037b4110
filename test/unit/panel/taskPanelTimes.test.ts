import * as assert from 'node:assert/strict';
import { extensionUri, StandInWebviewPanel } from './webviewPanelStandIn';
import type * as vscode from 'vscode';
import { TaskSchema, type Task } from '../../../src/api/taskSchema';
import type { TaskTimeView } from '../../../src/panel/taskTimeView';
import { TaskPanels } from '../../../src/panel/taskPanels';
import type { TaskWatchListener } from '../../../src/panel/taskWatcher';
import { FakeClock } from '../polling/fakeClock';
import { processingImport } from '../api/sampleTasks';

type Posted = { type: string; view?: TaskTimeView & { id?: string } };

/** A panel restored on a fake clock (12:00:00 UTC), visible, its one fetch done and its page ready. */
async function openPanel(fields: Partial<Task>) {
  const clock = new FakeClock();
  const watchers: TaskWatchListener[] = [];
  const task = TaskSchema.parse({ ...processingImport, ...fields });
  let fetches = 0;
  const panels = new TaskPanels({
    extensionUri: extensionUri as unknown as vscode.Uri,
    fetchTask: async () => {
      fetches += 1;
      return task;
    },
    watcher: { watch: (_id, listener) => (watchers.push(listener), { dispose: () => undefined }) },
    openFile: async () => undefined,
    openInEditor: async () => undefined,
    openAsJson: async () => undefined,
    reportError: async () => undefined,
    clock,
  });
  const page = new StandInWebviewPanel();
  await panels.revive(page as StandInWebviewPanel & vscode.WebviewPanel, { taskId: task.id });
  page.fromPage({ type: 'ready', taskId: null });
  const posted = () => page.posted as Posted[];
  return { clock, page, panels, watchers, task, posted, fetches: () => fetches };
}

const updatedRelative = (message: Posted | undefined) => message?.view?.times.find((row) => row.label === 'Updated')?.relative;

describe('TaskPanel times', () => {
  it('recomputes the relative times and "Fetched" every 30 s while visible, with no request', async () => {
    const { clock, posted, fetches, panels } = await openPanel({ task_status: 'COMPLETED', updated_at: '2026-03-01T11:59:00Z' });
    await clock.advance(0);
    assert.equal(posted().at(-1)?.type, 'task');
    assert.equal(updatedRelative(posted().at(-1)), '1 min ago');

    await clock.advance(30_000);
    const tick = posted().at(-1);
    assert.equal(tick?.type, 'times');
    assert.equal(updatedRelative(tick), '2 min ago');
    assert.match(tick?.view?.updatedLabel ?? '', /^Fetched .*\(just now\)$/);

    await clock.advance(60_000);
    assert.deepEqual(posted().slice(-2).map((m) => m.type), ['times', 'times']);
    assert.match(posted().at(-1)?.view?.updatedLabel ?? '', /\(2 min ago\)$/);
    assert.equal(fetches(), 1, 'only the first fetch');
    panels.dispose();
  });

  it('sets no timer while hidden, catches up when shown again, and leaves none once closed', async () => {
    const { clock, page, posted, panels } = await openPanel({ task_status: 'COMPLETED', updated_at: '2026-03-01T11:59:00Z' });
    assert.equal(clock.pendingTimers, 1);
    page.setVisible(false);
    assert.equal(clock.pendingTimers, 0);
    const count = posted().length;
    await clock.advance(5 * 60_000);
    assert.equal(posted().length, count, 'nothing posted to a hidden page');

    page.setVisible(true);
    assert.equal(posted().at(-1)?.type, 'times');
    assert.equal(updatedRelative(posted().at(-1)), '6 min ago');
    assert.equal(clock.pendingTimers, 1);

    panels.dispose();
    assert.equal(page.disposed, true);
    assert.equal(clock.pendingTimers, 0);
  });

  it('shows the stalled banner on the tick at which a running task passes an hour without news', async () => {
    const { clock, posted, panels } = await openPanel({ task_type: 'EXPORT', task_status: 'PROCESSING', updated_at: '2026-03-01T11:00:20Z' });
    await clock.advance(0);
    const first = posted().at(-1);
    assert.equal(first?.view?.stalled, undefined);
    assert.equal(first?.view?.liveNote.label, 'Live');

    await clock.advance(30_000);
    const tick = posted().at(-1);
    assert.equal(tick?.type, 'times');
    assert.match(tick?.view?.stalled ?? '', /^Stalled — no update for 1 h\. Flexprice stops an export's workflow after 60 minutes/);
    assert.equal(tick?.view?.live, true);
    assert.equal(tick?.view?.liveNote.label, 'Checked every 10 min');
    panels.dispose();
  });

  it('drops the stalled banner when a live update brings news', async () => {
    const { clock, posted, watchers, task, panels } = await openPanel({ task_type: 'EXPORT', task_status: 'PROCESSING', updated_at: '2026-03-01T09:00:00Z' });
    assert.match(posted().at(-1)?.view?.stalled ?? '', /no update for 3 h/);
    watchers[0]?.onUpdate({ ...task, processed_records: 10, updated_at: new Date(clock.now()).toISOString() });
    assert.equal(posted().at(-1)?.type, 'task');
    assert.equal(posted().at(-1)?.view?.stalled, undefined);
    assert.equal(posted().at(-1)?.view?.liveNote.label, 'Live');
    panels.dispose();
  });
});
