import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { TaskSchema, type Task } from '../../../src/api/taskSchema';
import { BackoffTaskWatcher } from '../../../src/panel/taskWatcher';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';

/** Timers the test fires by hand, so waits are read, never slept. */
class ManualTimers {
  readonly waits: number[] = [];
  private pending: { callback: () => void; ms: number } | undefined;
  set = (callback: () => void, ms: number) => {
    this.waits.push(ms);
    this.pending = { callback, ms };
    return this.pending;
  };
  clear = (handle: unknown) => {
    if (handle === this.pending) this.pending = undefined;
  };
  get armed(): boolean {
    return this.pending !== undefined;
  }
  /** Fires the pending timer and lets the fetch it starts finish. */
  async fire(): Promise<void> {
    const pending = this.pending;
    assert.ok(pending, 'no timer is pending');
    this.pending = undefined;
    pending.callback();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const NOW = Date.parse('2026-11-27T12:00:00Z');
const make = (fields: Record<string, unknown>): Task => TaskSchema.parse({ id: 'task_w', updated_at: '2026-11-27T11:59:00Z', ...fields });

function scripted(answers: (Task | Error)[]) {
  const calls: string[] = [];
  return {
    calls,
    fetchTask: async (id: string) => {
      calls.push(id);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

describe('BackoffTaskWatcher', () => {
  it('doubles the wait while nothing changes, resets on a change, and stops once COMPLETED', async () => {
    const processing = make({ task_status: 'PROCESSING' });
    const source = scripted([processing, processing, processing, make({ task_status: 'PROCESSING', processed_records: 5 }), make({ task_status: 'COMPLETED' })]);
    const timers = new ManualTimers();
    const updates: (string | undefined)[] = [];
    const watcher = new BackoffTaskWatcher({ fetchTask: source.fetchTask, minDelayMs: 1000, maxDelayMs: 3000, now: () => NOW, setTimer: timers.set, clearTimer: timers.clear });
    watcher.watch('task_w', { onUpdate: (task) => updates.push(task.task_status) });
    for (let i = 0; i < 5; i++) await timers.fire();
    assert.deepEqual(timers.waits, [1000, 1000, 2000, 3000, 1000]);
    assert.equal(updates.length, 5);
    assert.equal(updates.at(-1), 'COMPLETED');
    assert.equal(timers.armed, false, 'no timer after the task settled');
    assert.deepEqual(source.calls, Array(5).fill('task_w'));
  });

  it('keeps watching a FAILED task inside the retry window, and stops after it', async () => {
    const recentFailure = make({ task_status: 'FAILED', failed_at: '2026-11-27T11:59:00Z' });
    const oldFailure = make({ task_status: 'FAILED', failed_at: '2026-11-27T11:00:00Z', updated_at: '2026-11-27T11:00:00Z' });
    const timers = new ManualTimers();
    const watcher = new BackoffTaskWatcher({ fetchTask: scripted([recentFailure, oldFailure]).fetchTask, now: () => NOW, setTimer: timers.set, clearTimer: timers.clear });
    watcher.watch('task_w', { onUpdate: () => undefined });
    await timers.fire();
    assert.equal(timers.armed, true);
    await timers.fire();
    assert.equal(timers.armed, false);
  });

  it('backs off after failures, obeys Retry-After, and stops on a permanent failure', async () => {
    const timers = new ManualTimers();
    const errors: [string, boolean][] = [];
    const source = scripted([
      new FlexpriceApiError('server_error', 'down'),
      new FlexpriceApiError('rate_limited', 'slow down', { retryAfterMs: 60_000 }),
      new FlexpriceApiError('not_found', 'gone'),
    ]);
    const watcher = new BackoffTaskWatcher({ fetchTask: source.fetchTask, minDelayMs: 1000, maxDelayMs: 8000, now: () => NOW, setTimer: timers.set, clearTimer: timers.clear });
    watcher.watch('task_w', { onUpdate: () => undefined, onError: (error, stopped) => errors.push([(error as FlexpriceApiError).kind, stopped]) });
    await timers.fire();
    await timers.fire();
    await timers.fire();
    assert.deepEqual(timers.waits, [1000, 2000, 60_000]);
    assert.deepEqual(errors, [['server_error', false], ['rate_limited', false], ['not_found', true]]);
    assert.equal(timers.armed, false);
  });

  it('stops at once when disposed, aborting a fetch in flight', async () => {
    const timers = new ManualTimers();
    let signal: AbortSignal | undefined;
    const watcher = new BackoffTaskWatcher({
      fetchTask: (_id, s) => {
        signal = s;
        return new Promise<Task>(() => undefined);
      },
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    const updates: Task[] = [];
    const watch = watcher.watch('task_w', { onUpdate: (task) => updates.push(task) });
    await timers.fire();
    watch.dispose();
    assert.equal(signal?.aborted, true);
    assert.equal(timers.armed, false);
    assert.deepEqual(updates, []);
  });

  describe('against the local Flexprice server', () => {
    let server: LocalFlexpriceServer;
    before(async () => {
      server = await startFlexpriceServer({ seedTasks: false });
    });
    after(() => server.close());

    it('follows a task over real HTTP until it completes, then sends nothing more', async () => {
      const id = server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PROCESSING' }).id;
      const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 5000, environmentId: undefined, userAgent: 'test' });
      const timers = new ManualTimers();
      const seen: (string | undefined)[] = [];
      const watcher = new BackoffTaskWatcher({ fetchTask: (taskId, signal) => client.getTask(taskId, signal), setTimer: timers.set, clearTimer: timers.clear });
      const watch = watcher.watch(id, { onUpdate: (task) => seen.push(task.task_status) });
      // Waits (boundedly) for the answer to arrive; how long it takes is not asserted.
      const fireAndSettle = async (expected: number) => {
        await timers.fire();
        for (let i = 0; i < 400 && seen.length < expected; i++) await new Promise((r) => setTimeout(r, 5));
      };
      await fireAndSettle(1);
      server.store.update(id, { task_status: 'COMPLETED', processed_records: 10, successful_records: 10, failed_records: 0 });
      await fireAndSettle(2);
      assert.deepEqual(seen, ['PROCESSING', 'COMPLETED']);
      assert.equal(timers.armed, false);
      assert.equal(server.requests.count({ path: `/v1/tasks/${id}` }), 2);
      watch.dispose();
    });
  });
});
