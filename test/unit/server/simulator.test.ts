import * as assert from 'node:assert/strict';
import { scheduleScenario, startFlexpriceServer, type LocalFlexpriceServer, type ServerTask } from '../../server/flexpriceServer';
import { call, fakeClock } from './serverHttp';

const STEP_MS = 250;

/** Advances the fake clock in small steps up to `untilMs`, recording every status a task passes through. */
function walk(server: LocalFlexpriceServer, clock: ReturnType<typeof fakeClock>, id: string, untilMs: number, onStep?: (task: ServerTask) => void): string[] {
  const seen: string[] = [server.store.get(id)!.task_status];
  while (clock.now() < untilMs) {
    server.simulator!.tick(clock.advance(STEP_MS));
    const task = server.store.get(id)!;
    onStep?.(task);
    if (task.task_status !== seen[seen.length - 1]) seen.push(task.task_status);
  }
  return seen;
}

describe('local Flexprice server: lifecycle simulator', () => {
  it('moves PENDING → PROCESSING → COMPLETED, writing counts only at the end', async () => {
    const clock = fakeClock();
    const server = await startFlexpriceServer({
      clock: clock.now,
      seedTasks: false,
      simulate: { spawnEveryMs: 0, failureRate: 0, autoStart: false },
    });
    try {
      const task = server.simulator!.spawn();
      assert.equal(task.task_status, 'PENDING');
      let lastUpdated = task.updated_at;
      const seen = walk(server, clock, task.id, clock.now() + 60_000, (current) => {
        if (current.task_status !== 'COMPLETED') {
          assert.equal(current.processed_records + current.successful_records + current.failed_records, 0);
          assert.equal(current.completed_at, null);
        }
        if (current.task_status === 'PROCESSING') assert.ok(current.started_at);
        assert.ok(Date.parse(current.updated_at) >= Date.parse(lastUpdated), 'updated_at never goes back');
        lastUpdated = current.updated_at;
      });
      assert.deepEqual(seen, ['PENDING', 'PROCESSING', 'COMPLETED']);
      const done = server.store.get(task.id)!;
      assert.ok(done.processed_records > 0 || done.task_type === 'EXPORT');
      assert.ok(done.completed_at);
      assert.equal(done.updated_at, done.completed_at);
      assert.ok(Date.parse(done.started_at!) < Date.parse(done.completed_at!));
    } finally {
      await server.close();
    }
  });

  it('retries FAILED tasks (FAILED → PROCESSING) at most 5 times', async () => {
    const clock = fakeClock();
    const server = await startFlexpriceServer({
      clock: clock.now,
      seedTasks: false,
      simulate: { spawnEveryMs: 0, failureRate: 1, retryRate: 1, autoStart: false },
    });
    try {
      const task = server.simulator!.spawn();
      const seen = walk(server, clock, task.id, clock.now() + 10 * 60_000);
      const expected = ['PENDING', 'PROCESSING'];
      for (let retry = 0; retry < 5; retry++) expected.push('FAILED', 'PROCESSING');
      expected.push('FAILED');
      assert.deepEqual(seen, expected);
      assert.ok(server.store.get(task.id)!.failed_at);
    } finally {
      await server.close();
    }
  });

  it('spawns tasks on its own schedule and applies changes when a request arrives', async () => {
    const clock = fakeClock();
    const server = await startFlexpriceServer({
      clock: clock.now,
      seedTasks: false,
      simulate: { spawnEveryMs: 10_000, timeScale: 2, autoStart: false },
    });
    try {
      server.simulator!.tick(clock.advance(60_000));
      // timeScale 2 halves the interval: 60 s / 5 s.
      assert.equal(server.store.size, 12);
      const pending = server.store.all().find((task) => task.task_status === 'PENDING');
      assert.ok(pending, 'the newest task is still pending');
      clock.advance(60_000);
      const res = await call(server, `/v1/tasks/${pending.id}`);
      assert.notEqual(res.json().task_status, 'PENDING', 'planned steps applied on request');
    } finally {
      await server.close();
    }
  });

  it('is deterministic: same seed and clock steps give the same store', async () => {
    const run = async (seed: number) => {
      const clock = fakeClock();
      const server = await startFlexpriceServer({ clock: clock.now, seed, seedTasks: 15, simulate: { spawnEveryMs: 3_000, autoStart: false } });
      for (let i = 0; i < 200; i++) server.simulator!.tick(clock.advance(1_000));
      const tasks = server.store.all();
      await server.close();
      return tasks;
    };
    const first = await run(5);
    assert.deepEqual(await run(5), first);
    assert.notDeepEqual(await run(6), first);
    const statuses = new Set(first.map((task) => task.task_status));
    assert.ok(statuses.has('COMPLETED') && statuses.has('FAILED'), [...statuses].join());
  });

  it('start() runs on a real timer and stop() ends it', async () => {
    const server = await startFlexpriceServer({ seedTasks: false, simulate: { spawnEveryMs: 10, tickEveryMs: 10 } });
    try {
      assert.ok(server.simulator!.running);
      for (let i = 0; i < 400 && server.store.size === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(server.store.size > 0, 'the timer spawned tasks');
      server.simulator!.stop();
      assert.equal(server.simulator!.running, false);
    } finally {
      await server.close();
    }
  });
});

describe('local Flexprice server: benchmark scenario', () => {
  const startAt = Date.parse('2026-06-01T00:00:00Z');

  it('creates N PENDING tasks with seeded finish times inside the window', async () => {
    const clock = fakeClock('2026-06-01T00:00:00Z');
    const server = await startFlexpriceServer({ clock: clock.now, seedTasks: false });
    try {
      const plan = scheduleScenario(server.store, { count: 100, windowMs: 300_000, seed: 9, startAt });
      assert.equal(plan.ids.length, 100);
      assert.equal(new Set(plan.ids).size, 100);
      for (const id of plan.ids) {
        assert.equal(server.store.get(id)!.task_status, 'PENDING');
        const finish = plan.finishAt.get(id)!;
        assert.ok(finish > startAt && finish <= startAt + 300_000);
        assert.ok(plan.startedAt.get(id)! <= finish);
      }
      // Half way through, exactly the tasks due by then are finished — visible over HTTP.
      clock.set(startAt + 150_000);
      const listed = (await call(server, '/v1/tasks?task_status=COMPLETED&limit=1000')).json().items as ServerTask[];
      const due = plan.ids.filter((id) => plan.finishAt.get(id)! <= startAt + 150_000);
      assert.deepEqual(listed.map((task) => task.id).sort(), due.sort());
      for (const task of listed) assert.equal(Date.parse(task.completed_at!), plan.finishAt.get(task.id));
      clock.set(startAt + 300_000);
      server.store.advanceTo(clock.now());
      assert.ok(plan.ids.every((id) => server.store.get(id)!.task_status === 'COMPLETED'));
    } finally {
      await server.close();
    }
  });

  it('is the same across two runs with the same seed, different with another', async () => {
    const run = async (seed: number) => {
      const server = await startFlexpriceServer({ seedTasks: false });
      const plan = scheduleScenario(server.store, { count: 100, windowMs: 300_000, seed, startAt });
      await server.close();
      return plan;
    };
    const a = await run(3);
    const b = await run(3);
    assert.deepEqual(a.ids, b.ids);
    assert.deepEqual([...a.finishAt], [...b.finishAt]);
    assert.deepEqual([...a.startedAt], [...b.startedAt]);
    assert.notDeepEqual([...(await run(4)).finishAt.values()], [...a.finishAt.values()]);
  });
});
