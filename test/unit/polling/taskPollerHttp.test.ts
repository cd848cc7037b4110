import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller, type TaskFinished } from '../../../src/polling/taskPoller';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { FakeClock } from './fakeClock';

/** The poller against the real client and the local server over a real socket; only the timer is faked. */
describe('TaskPoller over HTTP', () => {
  let server: LocalFlexpriceServer;
  let clock: FakeClock;
  let poller: TaskPoller;

  beforeEach(async () => {
    server = await startFlexpriceServer({ seedTasks: false });
    clock = new FakeClock(Date.now());
    const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 10_000, userAgent: 'poller-test' });
    poller = new TaskPoller({ source: async () => client, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
  });

  afterEach(async () => {
    poller.dispose();
    await server.close();
  });

  async function cycle(): Promise<number | undefined> {
    const waited = await clock.runNext();
    await poller.idle();
    return waited;
  }

  it('sends one GET /tasks per cycle for 40 running tasks, and sees one finish', async () => {
    const ids = Array.from({ length: 40 }, () => server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PROCESSING' }).id);
    const finished: TaskFinished[] = [];
    poller.onDidFinishTask((event) => finished.push(event));
    poller.setVisible(true);
    await poller.idle();
    for (let i = 0; i < 4; i++) await cycle();
    server.store.update(ids[7], { task_status: 'COMPLETED', successful_records: 10, processed_records: 10 });
    await cycle();
    assert.equal(server.requests.count({ path: '/v1/tasks' }), 6);
    assert.equal(server.requests.count({ pathPrefix: '/v1/tasks/' }), 0, 'never one request per task');
    const [first, ...later] = server.requests.all().filter((request) => request.path === '/v1/tasks');
    assert.equal(first.query.limit, '50', 'the first cycle reads the page');
    for (const request of later) {
      // Later cycles read only what changed, newest write first: a few tasks, not the page.
      assert.deepEqual([request.query.sort, request.query.order, request.query.limit], ['updated_at', 'desc', '10']);
    }
    assert.deepEqual(finished.map((e) => e.task.id), [ids[7]]);
    assert.equal(poller.task(ids[7])?.task_status, 'COMPLETED');
  });

  it('waits exactly as long as a real Retry-After header says', async () => {
    server.store.add({ task_status: 'PENDING' });
    poller.setVisible(true);
    await poller.idle();
    server.faults.set({ path: '/v1/tasks', rateLimit: { retryAfter: '9' }, times: 1 });
    assert.equal(await cycle(), 2000);
    assert.equal(poller.state.kind, 'failed');
    assert.equal(await cycle(), 9000);
    assert.equal(poller.state.kind, 'current');
  });

  it('stops after a refused key, without another request', async () => {
    server.store.add({ task_status: 'PENDING' });
    const wrong = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: 'fp_wrong', timeoutMs: 10_000, userAgent: 'poller-test' });
    poller.dispose();
    poller = new TaskPoller({ source: async () => wrong, settings: DEFAULT_POLL_SETTINGS, clock });
    poller.setVisible(true);
    await poller.idle();
    assert.equal(poller.state.kind === 'failed' && poller.state.stopped, true);
    await clock.advance(3_600_000);
    assert.equal(server.requests.count(), 1);
  });
});
