// First: the command files import `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import type { Task } from '../../../src/api/taskSchema';
import { summary, TaskPeekCache, type PeekRead } from '../../../src/commands/peekTask';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const MIN_INTERVAL = 2_000;

function task(fields: Partial<Task>): Task {
  return { id: 'task_01HZX3M9Q8R7T6V5W4Y3Z2A1B0', task_type: 'EXPORT', entity_type: 'CREDIT_USAGE', task_status: 'PROCESSING', updated_at: '2026-12-02T11:55:00Z', ...fields } as Task;
}

/** A cache on a clock the test moves, reading what `answers` says for each ID, counting reads. */
function cacheWith(answer: (id: string) => PeekRead | Promise<PeekRead>) {
  let now = NOW;
  const reads: string[] = [];
  const cache = new TaskPeekCache(
    async (id) => {
      reads.push(id);
      return answer(id);
    },
    () => now,
    () => MIN_INTERVAL,
  );
  return { cache, reads, advance: (ms: number) => void (now += ms) };
}

describe('flexprice.peekTask (the hover summary)', () => {
  it('reads a settled task once, however often and however late it is hovered', async () => {
    const { cache, reads, advance } = cacheWith(() => ({ task: task({ task_status: 'COMPLETED' }), connection: 'Acme' }));
    for (let i = 0; i < 5; i++) {
      assert.equal((await cache.peek('c1', 'task_A')).status, 'COMPLETED');
      advance(60 * 60_000);
    }
    assert.deepEqual(reads, ['task_A']);
  });

  it('reads a running task again only once the poll interval has passed', async () => {
    const { cache, reads, advance } = cacheWith(() => ({ task: task({}), connection: 'Acme' }));
    await cache.peek('c1', 'task_A');
    advance(MIN_INTERVAL - 1);
    await cache.peek('c1', 'task_A');
    assert.equal(reads.length, 1);
    advance(1);
    await cache.peek('c1', 'task_A');
    assert.equal(reads.length, 2);
  });

  it('sends one request for hovers that arrive while it is on its way, even past the interval', async () => {
    let release: (read: PeekRead) => void = () => undefined;
    const { cache, reads, advance } = cacheWith(() => new Promise<PeekRead>((resolve) => (release = resolve)));
    const first = cache.peek('c1', 'task_A');
    advance(10 * MIN_INTERVAL);
    const second = cache.peek('c1', 'task_A');
    release({ task: task({ task_status: 'FAILED' }), connection: 'Acme' });
    assert.deepEqual([(await first).status, (await second).status], ['FAILED', 'FAILED']);
    assert.equal(reads.length, 1);
  });

  it('keeps a failure for the interval too, and IDs and connections apart', async () => {
    const { cache, reads, advance } = cacheWith((id) => (id === 'task_gone' ? { problem: 'not found', connection: 'Acme' } : Promise.reject(new Error('boom'))));
    assert.equal((await cache.peek('c1', 'task_gone')).problem, 'not found');
    assert.equal((await cache.peek('c1', 'task_gone')).problem, 'not found');
    assert.equal((await cache.peek('c1', 'task_B')).problem, 'could not be read');
    await cache.peek('c2', 'task_gone');
    assert.deepEqual(reads, ['task_gone', 'task_B', 'task_gone']);
    advance(MIN_INTERVAL);
    await cache.peek('c1', 'task_gone');
    assert.equal(reads.length, 4);
    cache.clear();
    await cache.peek('c1', 'task_gone');
    assert.equal(reads.length, 5);
  });

  it('summarises status, type, entity, counts and age as plain text, the age as of now', () => {
    const read = { task: task({ task_status: 'COMPLETED', processed_records: 1234, successful_records: 1200, failed_records: 34, total_records: 1234 }), connection: 'Acme · Sandbox' };
    assert.deepEqual(summary('task_A', read, NOW), {
      id: 'task_A',
      status: 'COMPLETED',
      what: 'EXPORT · CREDIT_USAGE',
      counts: '1,234 processed · 1,200 successful · 34 failed of 1,234',
      age: 'updated 5 min ago',
      connection: 'Acme · Sandbox',
    });
    assert.equal(summary('task_A', read, NOW + 60 * 60_000).age, 'updated 1 h ago');
    const bare = summary('task_A', { task: task({ task_type: undefined, entity_type: undefined, updated_at: undefined }), connection: 'Acme' }, NOW);
    assert.deepEqual([bare.what, bare.counts, bare.age], [undefined, undefined, undefined]);
  });
});
