import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import { FOLLOW_TIMEOUT_MS } from '../../../src/schedules/runFollow';
import { ScheduleModel, type StartingRun } from '../../../src/schedules/scheduleModel';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { FakeClock } from '../polling/fakeClock';

/**
 * The Scheduled Exports model on the Tasks poller's cycles, against the local server over a real
 * socket; only time is faked, and the server runs on the same fake clock.
 */
describe('ScheduleModel over HTTP', () => {
  let server: LocalFlexpriceServer;
  let clock: FakeClock;
  let client: FlexpriceClient;
  let poller: TaskPoller;
  let model: ScheduleModel;

  beforeEach(async () => {
    clock = new FakeClock(Date.parse('2026-12-01T10:07:00Z'));
    server = await startFlexpriceServer({ clock: () => clock.now(), seedTasks: false, scheduledExports: 6 });
    client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 10_000, userAgent: 'schedule-test' });
    poller = new TaskPoller({ source: async () => client, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
    model = new ScheduleModel({ source: async () => client, clock, pageSize: () => 50 });
    poller.addSideRead(model);
  });

  afterEach(async () => {
    poller.dispose();
    model.dispose();
    await server.close();
  });

  /** Lets time pass in steps, so the poller's timers fire and their requests finish. */
  async function pass(ms: number): Promise<void> {
    const end = clock.now() + ms;
    while (clock.now() < end) {
      await clock.advance(Math.min(500, end - clock.now()));
      await poller.idle();
    }
  }

  const taskLooks = (id: string) => server.requests.count({ path: `/v1/tasks/${encodeURIComponent(id)}` });

  it('lists live schedules only, in a stable order, and reads nothing while hidden', async () => {
    poller.requestCycle('test');
    await poller.idle();
    assert.equal(server.requests.all().length, 0, 'hidden and following nothing: no request');
    model.setVisible(true);
    poller.requestCycle('shown');
    await poller.idle();
    const schedules = model.schedules!;
    assert.equal(schedules.length, 5, 'the deleted schedule is hidden');
    assert.ok(schedules.every((schedule) => schedule.status !== 'deleted'));
    const keys = schedules.map((schedule) => `${schedule.entity_type} ${schedule.interval}`);
    assert.deepEqual(keys, [...keys].sort());
  });

  it('reads the runs of an expanded schedule, newest first, and knows where each came from', async () => {
    model.setVisible(true);
    poller.requestCycle('shown');
    await poller.idle();
    const schedule = model.schedules![0];
    model.expand(schedule.id);
    poller.requestCycle('expanded');
    await poller.idle();
    const runs = model.runsOf(schedule.id)!;
    assert.equal(runs.loading, false);
    assert.ok(runs.tasks.length >= 3, `${runs.tasks.length} past runs`);
    const created = runs.tasks.map((task) => Date.parse(task.created_at!));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.equal(model.scheduleIdOf(runs.tasks[0].id), schedule.id);
    assert.ok(server.requests.all().some((request) => request.query.scheduled_task_id === schedule.id && request.query.task_type === 'EXPORT'));
  });

  it('follows a run that answers 404 until the server creates it, then hands it over as started', async () => {
    const schedule = (await client.listScheduledExports()).items.find((candidate) => candidate.enabled && candidate.status === 'published')!;
    const answer = await client.runScheduledExport(schedule.id);
    const started: string[] = [];
    const acceptedAt = clock.now();
    let startedAfter = 0;
    model.onDidStartRun(({ task, scheduleId }) => {
      started.push(`${scheduleId} ${task.id}`);
      startedAfter = clock.now() - acceptedAt;
    });
    model.follow(schedule.id, answer.workflow_id, clock.now());
    assert.deepEqual(model.startingRuns().map((run) => run.taskId), [answer.workflow_id]);
    poller.requestCycle('followed');
    await poller.idle();
    assert.equal(taskLooks(answer.workflow_id), 0, 'no look before the server has had a moment');

    await pass(server.scheduledExports.runDelayMs + 20_000);
    assert.deepEqual(started, [`${schedule.id} ${answer.workflow_id}`]);
    assert.deepEqual(model.startingRuns(), [], 'no longer starting');
    assert.equal(model.scheduleIdOf(answer.workflow_id), schedule.id);
    const looks = taskLooks(answer.workflow_id);
    assert.ok(looks >= 2 && looks <= 4, `${looks} looks for a run created after ${server.scheduledExports.runDelayMs} ms`);
    assert.ok(startedAfter <= server.scheduledExports.runDelayMs + 4_000, `seen ${startedAfter} ms after the run was accepted`);
    await pass(60_000);
    assert.equal(taskLooks(answer.workflow_id), looks, 'the model stops looking once found (the Tasks view takes over)');
  });

  it('gives up on a paused schedule\'s run after two minutes, says why, and stops asking', async () => {
    model.setVisible(true);
    poller.requestCycle('shown');
    await poller.idle();
    const paused = model.schedules!.find((schedule) => schedule.enabled === false)!;
    const answer = await client.runScheduledExport(paused.id);
    const gaveUp: StartingRun[] = [];
    model.onDidGiveUp((run) => gaveUp.push(run));
    model.follow(paused.id, answer.workflow_id, clock.now());
    poller.requestCycle('followed');

    await pass(FOLLOW_TIMEOUT_MS - 1_000);
    assert.equal(gaveUp.length, 0, 'not before the time limit');
    await pass(2_000);
    assert.equal(gaveUp.length, 1);
    assert.match(gaveUp[0].reason!, /paused/);
    assert.equal(model.startingRuns()[0].state, 'neverStarted');
    const looks = taskLooks(answer.workflow_id);
    assert.ok(looks >= 6 && looks <= 12, `${looks} looks in two minutes`);
    await pass(5 * 60_000);
    assert.equal(taskLooks(answer.workflow_id), looks, 'no look after giving up');
    assert.equal(model.startingRuns().length, 1, '"Never started" stays on screen');
    model.dismiss(answer.workflow_id);
    assert.deepEqual(model.startingRuns(), [], 'until dismissed');
  });

  it('drops everything on a connection change, and an answer still in flight is ignored', async () => {
    model.setVisible(true);
    model.follow('schtask_x', 'task_01JQ7B5K8M2N4P6R8T0V2X4Z6A', clock.now() - 5_000);
    let resetDone = false;
    const list = client.listScheduledExports.bind(client);
    client.listScheduledExports = async (filter, signal) => {
      const answer = await list(filter, signal);
      model.reset();
      resetDone = true;
      return answer;
    };
    const changes: boolean[] = [];
    model.onDidChange((change) => changes.push(change.schedules));
    await model.read({ explicit: true, signal: new AbortController().signal });
    assert.equal(resetDone, true);
    assert.equal(model.schedules, undefined, 'the old connection\'s list was not kept');
    assert.deepEqual(model.startingRuns(), []);
    assert.deepEqual(changes, [true], 'only the reset itself was announced');
  });
});
