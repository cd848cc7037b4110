// First: src/scheduleView imports `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { ScheduleNode } from '../../../src/scheduleView/scheduleNodes';
import { ScheduleTreeProvider } from '../../../src/scheduleView/scheduleTreeProvider';
import { ScheduleModel } from '../../../src/schedules/scheduleModel';
import { TaskNode } from '../../../src/tree/taskNode';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { FakeClock } from '../polling/fakeClock';

describe('ScheduleTreeProvider', () => {
  let server: LocalFlexpriceServer;
  let model: ScheduleModel;
  let provider: ScheduleTreeProvider;
  const wanted: string[] = [];
  const signal = new AbortController().signal;

  beforeEach(async () => {
    const clock = new FakeClock(Date.parse('2026-12-01T10:07:00Z'));
    server = await startFlexpriceServer({ clock: () => clock.now(), seedTasks: false, scheduledExports: 6 });
    const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 10_000, userAgent: 'provider-test' });
    model = new ScheduleModel({ source: async () => client, clock, pageSize: () => 50 });
    provider = new ScheduleTreeProvider(model, () => server.baseUrl, clock, (id) => wanted.push(id));
    wanted.length = 0;
    model.setVisible(true);
    await model.read({ explicit: false, signal });
  });

  afterEach(async () => {
    provider.dispose();
    model.dispose();
    await server.close();
  });

  it('lists live schedules, paused ones marked, and an expanded one\'s runs as task rows', async () => {
    const roots = provider.getChildren();
    assert.equal(roots.length, 5);
    const paused = roots.find((node) => node instanceof ScheduleNode && node.schedule.enabled === false)!;
    assert.match(String(provider.getTreeItem(paused).contextValue), /^schedule;paused/);
    const schedule = roots[0] as ScheduleNode;
    model.expand(schedule.schedule.id);
    await model.read({ explicit: false, signal });
    const runs = provider.getChildren(schedule);
    assert.ok(runs.length >= 3 && runs.every((node) => node instanceof TaskNode), `${runs.length} rows`);
  });

  it('a row VS Code keeps expanded after the model forgot it (a reset) asks for its runs again, not "Loading" for ever', async () => {
    const schedule = provider.getChildren()[0] as ScheduleNode;
    model.expand(schedule.schedule.id);
    await model.read({ explicit: false, signal });
    model.reset();
    await model.read({ explicit: false, signal });
    const rows = provider.getChildren(schedule);
    assert.equal(provider.getTreeItem(rows[0]).label, 'Loading runs…');
    assert.deepEqual(wanted, [schedule.schedule.id], 'its runs were asked for');
    await model.read({ explicit: false, signal });
    assert.ok(provider.getChildren(schedule).every((node) => node instanceof TaskNode), 'and they came');
  });
});
