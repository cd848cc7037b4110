import * as assert from 'node:assert/strict';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import type { WatchNeed } from '../../../src/polling/pollScheduler';
import { type SideRead, TaskPoller } from '../../../src/polling/taskPoller';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { FakeClock, settle } from './fakeClock';
import { makeTask, MemoryTaskSource } from './memoryTaskSource';

/** A side read that records its calls and says what it needs. */
class RecordingSideRead implements SideRead {
  need_: WatchNeed = 'none';
  changes = false;
  readonly cycles: boolean[] = [];
  failWith: unknown;
  /** When set, each read waits until `release()`: a request that hangs. */
  hang = false;
  private readonly hung: (() => void)[] = [];

  need(): WatchNeed {
    return this.need_;
  }

  async read({ explicit }: { explicit: boolean }): Promise<boolean> {
    this.cycles.push(explicit);
    if (this.hang) await new Promise<void>((resolve) => this.hung.push(resolve));
    if (this.failWith) throw this.failWith;
    return this.changes;
  }

  release(): void {
    this.hung.splice(0).forEach((resolve) => resolve());
  }
}

/** The Scheduled Exports view reads on the Tasks poller's cycles: one timer for everything. */
describe('TaskPoller side reads', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;
  let side: RecordingSideRead;

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
    poller = new TaskPoller({ source: async () => source, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
    side = new RecordingSideRead();
    poller.addSideRead(side);
  });
  afterEach(() => poller.dispose());

  it('runs a cycle when asked, without reading the hidden Tasks view', async () => {
    poller.requestCycle('schedules shown');
    await settle();
    assert.deepEqual(side.cycles, [false]);
    assert.equal(source.calls.length, 0, 'the hidden Tasks view sent nothing');
    assert.equal(poller.isScheduled, false, 'nothing needs watching: no timer');
  });

  it('keeps cycling while the side read needs it, and stops when it no longer does', async () => {
    side.need_ = 'fresh';
    poller.requestCycle('a run to follow');
    await settle();
    assert.equal(poller.isScheduled, true);
    await clock.advance(DEFAULT_POLL_SETTINGS.maxIntervalMs * 3);
    const cycles = side.cycles.length;
    assert.ok(cycles >= 3, `${cycles} cycles`);
    side.need_ = 'none';
    await clock.advance(DEFAULT_POLL_SETTINGS.maxIntervalMs * 2);
    assert.ok(side.cycles.length <= cycles + 1, 'at most the cycle already set');
    assert.equal(poller.isScheduled, false);
  });

  it('waits the stalled interval when the side read only has stalled runs', async () => {
    side.need_ = 'stale';
    poller.requestCycle('stalled run on screen');
    await settle();
    const first = side.cycles.length;
    await clock.advance(DEFAULT_POLL_SETTINGS.maxIntervalMs * 4);
    assert.equal(side.cycles.length, first, 'no cycle within a few max intervals');
  });

  it('a side read that fails does not fail the cycle', async () => {
    side.failWith = new Error('boom');
    const states: string[] = [];
    poller.onDidChangeState((state) => states.push(state.kind));
    poller.setVisible(true);
    await settle();
    assert.equal(source.count('list'), 1);
    assert.ok(!states.includes('failed'), states.join(','));
  });

  it('stops reading once its Disposable is disposed', async () => {
    const other = new RecordingSideRead();
    const registration = poller.addSideRead(other);
    registration.dispose();
    poller.requestCycle('test');
    await settle();
    assert.deepEqual(other.cycles, []);
    assert.equal(side.cycles.length, 1);
  });

  it('never holds the Tasks view\'s cycle: a hung side read is not awaited, nor started again while it hangs', async () => {
    side.hang = true;
    source.add(makeTask(clock.now()));
    poller.setVisible(true);
    await settle();
    assert.equal(source.count('list'), 1, 'the Tasks list was read');
    assert.equal(poller.isScheduled, true, 'and the next cycle is set, though the side read still hangs');
    await clock.runNext();
    await settle();
    assert.equal(source.count('list'), 2);
    assert.equal(side.cycles.length, 1, 'the hung read was not started a second time');
    side.hang = false;
    side.release();
    await poller.idle();
    assert.equal(side.cycles.length, 2, 'once it ended, the cycle that skipped it is made up at once');
    await clock.runNext();
    assert.equal(side.cycles.length, 3, 'and later cycles read it as usual');
  });

  it('a side read that found a change sets the cadence again, so what it found gets watched', async () => {
    side.hang = true;
    poller.requestCycle('schedules shown');
    await settle();
    assert.equal(poller.isScheduled, false, 'nothing needed watching when the cycle ended');
    side.need_ = 'fresh';
    side.changes = true;
    side.hang = false;
    side.release();
    await poller.idle();
    assert.equal(poller.isScheduled, true, 'a run came up live: the next cycle is set');
  });

  it('asked for during a cycle, runs one more after it; after a refused key, runs none', async () => {
    source.holdAnswers = true;
    poller.setVisible(true);
    await settle();
    poller.requestCycle('a run to follow');
    source.holdAnswers = false;
    source.releaseHeld();
    await poller.idle();
    assert.equal(side.cycles.length, 2, 'the cycle asked for during the first one ran after it');

    source.failNext.push(new FlexpriceApiError('unauthorized', 'Invalid API key', { status: 401 }));
    await poller.refresh('test');
    const cycles = side.cycles.length;
    poller.requestCycle('a schedule changed');
    await poller.idle();
    assert.equal(side.cycles.length, cycles, 'a refused key keeps everything stopped until it changes');
  });

  it('a cycle that found its side read still running gets it run again once that read ends (a row expanded meanwhile)', async () => {
    side.hang = true;
    poller.requestCycle('schedules shown');
    await settle();
    assert.equal(side.cycles.length, 1);
    poller.requestCycle('a schedule expanded while the list is read');
    await settle();
    assert.equal(side.cycles.length, 1, 'not twice at once');
    side.hang = false;
    side.release();
    await poller.idle();
    assert.equal(side.cycles.length, 2, 'the expansion got its read');
  });
});
