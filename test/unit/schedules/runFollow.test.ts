import * as assert from 'node:assert/strict';
import { FOLLOW_TIMEOUT_MS, neverStartedReason, RunFollow } from '../../../src/schedules/runFollow';

describe('RunFollow: a run whose task answers 404 until the server creates it', () => {
  const t0 = Date.parse('2026-12-01T10:00:00Z');

  it('looks again with backoff (1, 2, 4, 8, then 15 s) and never more often', () => {
    const follow = new RunFollow('task_01', 'schtask_01', t0);
    assert.equal(follow.isDue(t0), false, 'the server needs a moment: no look at once');
    const waits: number[] = [];
    let now = t0 + 1_000;
    assert.equal(follow.isDue(now), true);
    for (let look = 0; look < 7; look++) {
      follow.notYet(now);
      const next = follow.nextLookDueAt!;
      waits.push(next - now);
      assert.equal(follow.isDue(next - 1), false);
      now = next;
    }
    assert.deepEqual(waits, [2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000]);
  });

  it('gives up after two minutes of 404s, and not a look before', () => {
    const follow = new RunFollow('task_01', 'schtask_01', t0);
    let now = t0 + 1_000;
    let looks = 0;
    while (follow.state === 'starting') {
      assert.ok(now <= t0 + FOLLOW_TIMEOUT_MS, `looked at ${now - t0} ms, after the limit`);
      follow.notYet(now);
      looks++;
      if (follow.state === 'starting') now = follow.nextLookDueAt!;
    }
    assert.equal(follow.state, 'neverStarted');
    assert.equal(now, t0 + FOLLOW_TIMEOUT_MS, 'the last look is at the limit itself');
    assert.ok(looks <= 12, `${looks} looks in two minutes`);
    assert.equal(follow.isDue(now + 60_000), false, 'nothing is due once given up');
  });

  it('found stops the looking', () => {
    const follow = new RunFollow('task_01', 'schtask_01', t0);
    follow.notYet(t0 + 1_000);
    follow.found();
    assert.equal(follow.state, 'started');
    assert.equal(follow.isDue(t0 + 60_000), false);
    assert.equal(follow.lookCount, 2);
  });

  it('says why a run may never have started', () => {
    assert.match(neverStartedReason({ enabled: false, status: 'published' }), /paused/);
    assert.match(neverStartedReason({ enabled: true, status: 'deleted' }), /deleted/);
    assert.match(neverStartedReason(undefined), /deleted/);
    assert.match(neverStartedReason({ enabled: true, status: 'published' }), /created no task/);
  });
});
