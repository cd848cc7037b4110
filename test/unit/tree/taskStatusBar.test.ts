// First: src/tree imports `vscode`, which this module stands in for.
import { StatusBarItem, window } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import { TaskStatusBar } from '../../../src/tree/taskStatusBar';
import { FakeClock } from '../polling/fakeClock';
import { MemoryTaskSource, makeTask } from '../polling/memoryTaskSource';

describe('TaskStatusBar', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;
  let bar: TaskStatusBar;
  let item: StatusBarItem;
  let updates: number;

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
    poller = new TaskPoller({ source: async () => source, settings: { ...DEFAULT_POLL_SETTINGS, pageSize: 2 }, clock, random: () => 0.5 });
    const create = window.createStatusBarItem;
    window.createStatusBarItem = (id: string) => (item = create(id));
    bar = new TaskStatusBar(poller);
    window.createStatusBarItem = create;
    updates = 0;
    const update = bar.update.bind(bar);
    bar.update = () => {
      updates += 1;
      update();
    };
  });

  afterEach(() => {
    bar.dispose();
    poller.dispose();
  });

  it('counts running tasks on the list and watched ones off it, each once', async () => {
    const [newest, onList, offList] = [makeTask(clock.now(), {}, 0), makeTask(clock.now(), { task_status: 'PENDING' }), makeTask(clock.now(), {}, 120_000)];
    source.add(newest, onList, offList, makeTask(clock.now(), { task_status: 'COMPLETED' }, 60_000));
    poller.setPinned([onList.id, offList.id]);
    poller.setVisible(true);
    await poller.idle();
    assert.equal(poller.tasks?.length, 2);
    assert.equal(item.text, '$(sync~spin) 3 running');
    assert.equal(item.visible, true);
  });

  it('does not count a task stuck for hours as running, and says it is stalled', async () => {
    const stuck = makeTask(clock.now(), { task_type: 'EXPORT' }, 3 * 60 * 60_000);
    source.add(stuck, makeTask(clock.now(), {}, 0));
    poller.setVisible(true);
    await poller.idle();
    assert.equal(item.text, '$(sync~spin) 1 running  $(clock) 1 stalled');
    assert.match(String(item.tooltip), /1 Flexprice task running\n1 task with no update for over an hour/);
  });

  it('recounts when the list changes, not after every cycle or error', async () => {
    const task = makeTask(clock.now());
    source.add(task);
    poller.setVisible(true);
    await poller.idle();
    const counted = updates;
    await poller.refresh();
    source.failNext.push(new FlexpriceApiError('server_error', 'Flexprice answered 503.', { status: 503 }));
    await poller.refresh();
    assert.equal(updates, counted);
    source.update(task.id, { task_status: 'COMPLETED' });
    await poller.refresh();
    assert.equal(updates, counted + 1);
    assert.equal(item.visible, false);
  });
});
