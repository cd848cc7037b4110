import * as assert from 'node:assert/strict';
import { TaskSchema } from '../../../src/api/taskSchema';
import { buildTimeView } from '../../../src/panel/taskTimeView';
import { buildTaskView, type TaskView } from '../../../src/panel/taskViewModel';
import { parseHostMessage } from '../../../src/webview/protocol/hostMessage';
import { MAX_CONNECTION_ID_LENGTH, MAX_CONNECTION_NAME_LENGTH, MAX_SCHEDULE_ID_LENGTH } from '../../../src/webview/protocol/taskViewChecks';
import { startFlexpriceServer } from '../../server/flexpriceServer';
import { completedExport, failedImport, processingImport } from '../api/sampleTasks';

const NOW = new Date('2026-11-27T12:00:00Z');
/** What webview.postMessage does to a message on its way: JSON, so undefined fields are gone. */
const sent = <T>(message: T): unknown => JSON.parse(JSON.stringify(message));
const taskMessage = (view: unknown) => ({ type: 'task', view });

describe('parseHostMessage', () => {
  const view = buildTaskView(TaskSchema.parse(completedExport), { now: NOW, live: false });

  it('takes every view the host builds for the local server’s tasks (fixtures, hostile ones included), as sent', async () => {
    const server = await startFlexpriceServer();
    try {
      const tasks = server.store.all().map((task) => TaskSchema.parse(task));
      assert.ok(tasks.length > 10);
      for (const task of [...tasks, ...[processingImport, failedImport, { id: 'wf_bare' }].map((t) => TaskSchema.parse(t))]) {
        for (const live of [true, false]) {
          const built = buildTaskView(task, { now: NOW, live });
          assert.deepEqual(parseHostMessage(sent(taskMessage(built))), sent(taskMessage(built)), task.id);
          const times = { type: 'times', taskId: task.id, view: buildTimeView(task, { now: NOW, live }) };
          assert.deepEqual(parseHostMessage(sent(times)), sent(times), task.id);
        }
      }
    } finally {
      await server.close();
    }
  });

  it('takes loading, problem and notice messages', () => {
    for (const message of [
      { type: 'loading', taskId: 'task_1' },
      { type: 'problem', message: 'The server answered 503.', retryable: true },
      { type: 'notice', message: 'Task ID copied.' },
    ]) {
      assert.deepEqual(parseHostMessage(message), message);
    }
  });

  it('refuses a task view with a field missing or of the wrong type, anywhere in it', () => {
    const broken: [string, (v: Record<string, unknown>) => unknown][] = [
      ['no id', ({ id: _, ...rest }) => rest],
      ['numeric title', (v) => ({ ...v, title: 42 })],
      ['unknown tone', (v) => ({ ...v, status: { ...(v.status as object), tone: 'evil' } })],
      ['fact without value', (v) => ({ ...v, facts: [{ label: 'Task type' }] })],
      ['progress of unknown mode', (v) => ({ ...v, records: { ...(v.records as object), progress: { mode: 'spin', label: '' } } })],
      ['percent as text', (v) => ({ ...v, records: { ...(v.records as object), progress: { mode: 'determinate', percent: '50', label: '' } } })],
      ['entry of unknown kind', (v) => ({ ...v, errors: { entries: [{ kind: 'Row', message: 'x', text: 'x' }] } })],
      ['entry number null', (v) => ({ ...v, errors: { entries: [{ kind: 'Record', number: null, message: 'x', text: 'Record: x' }] } })],
      ['entries not a list', (v) => ({ ...v, errors: { entries: 'Record 1: x' } })],
      ['metadata value as an object', (v) => ({ ...v, metadata: [{ key: 'k', value: { a: 1 }, json: true }] })],
      ['no actions', ({ actions: _, ...rest }) => rest],
      ['openInEditor without offered', (v) => ({ ...v, actions: { openFile: { enabled: true }, openInEditor: { enabled: false } } })],
      ['stalled as true', (v) => ({ ...v, stalled: true })],
      ['a time row without iso', (v) => ({ ...v, times: [{ label: 'Created', local: 'x', relative: 'y' }] })],
    ];
    const good = sent(view) as Record<string, unknown>;
    assert.ok(parseHostMessage(taskMessage(good)));
    for (const [what, breakIt] of broken) assert.equal(parseHostMessage(taskMessage(breakIt(good))), undefined, what);
  });

  it('takes a view with its connection, Production or Sandbox, active or not, and one without', () => {
    const good = sent(view) as Record<string, unknown>;
    assert.equal('connection' in good, false);
    assert.deepEqual(parseHostMessage(taskMessage(good)), taskMessage(good));
    for (const connection of [
      { id: 'conn_prod', name: 'Acme · Production', production: true, active: true },
      { id: 'conn_sandbox', name: 'Acme · Sandbox', production: false, active: false },
      { id: 'c'.repeat(MAX_CONNECTION_ID_LENGTH), name: 'n'.repeat(MAX_CONNECTION_NAME_LENGTH), production: false, active: true },
      { id: 'conn_1', name: '<img src=x onerror=alert(1)>', production: true, active: false },
    ]) {
      const withConnection = { ...good, connection };
      assert.deepEqual(parseHostMessage(taskMessage(withConnection)), taskMessage(withConnection), JSON.stringify(connection));
    }
  });

  it('refuses a view whose connection is malformed, field by field', () => {
    const good = sent(view) as Record<string, unknown>;
    const connection = { id: 'conn_prod', name: 'Acme · Production', production: true, active: true };
    const broken: [string, unknown][] = [
      ['null', null],
      ['a string', 'conn_prod'],
      ['a list', [connection]],
      ['no id', { ...connection, id: undefined }],
      ['empty id', { ...connection, id: '' }],
      ['numeric id', { ...connection, id: 7 }],
      ['id too long', { ...connection, id: 'c'.repeat(MAX_CONNECTION_ID_LENGTH + 1) }],
      ['no name', { ...connection, name: undefined }],
      ['empty name', { ...connection, name: '' }],
      ['name as an object', { ...connection, name: { text: 'Acme' } }],
      ['name too long', { ...connection, name: 'n'.repeat(MAX_CONNECTION_NAME_LENGTH + 1) }],
      ['no production', { ...connection, production: undefined }],
      ['production as text', { ...connection, production: 'true' }],
      ['production as 1', { ...connection, production: 1 }],
      ['no active', { ...connection, active: undefined }],
      ['active as null', { ...connection, active: null }],
    ];
    for (const [what, bad] of broken) assert.equal(parseHostMessage(taskMessage({ ...good, connection: bad })), undefined, what);
  });

  it('takes an export’s facts and a failed export’s cause, each part optional', () => {
    const good = sent(view) as Record<string, unknown>;
    assert.ok(good.exportInfo, 'the completed export has its interval and size');
    for (const exportInfo of [
      { interval: { words: 'Nov 30, 2026, 00:00 → Dec 1, 2026, 00:00 UTC (1 day)', utc: '2026-11-30T00:00:00Z → 2026-12-01T00:00:00Z' } },
      { fileSize: '47.1 KB (48,213 bytes)', scheduleId: 'schtask_01JQ7B' },
      { scheduleId: 's'.repeat(MAX_SCHEDULE_ID_LENGTH) },
      {},
    ]) {
      const withFacts = { ...good, exportInfo };
      assert.deepEqual(parseHostMessage(taskMessage(withFacts)), taskMessage(withFacts), JSON.stringify(exportInfo));
    }
    for (const cause of [{ text: 'failed to upload to s3', full: 'activity error (type: X): failed to upload to s3' }, { text: '<b>x</b>' }]) {
      const withCause = { ...good, errors: { entries: [], cause } };
      assert.deepEqual(parseHostMessage(taskMessage(withCause)), taskMessage(withCause), JSON.stringify(cause));
    }
  });

  it('refuses malformed export facts and causes', () => {
    const good = sent(view) as Record<string, unknown>;
    const broken: [string, Record<string, unknown>][] = [
      ['facts as text', { exportInfo: 'Nov 30 → Dec 1' }],
      ['interval without utc', { exportInfo: { interval: { words: 'Nov 30 → Dec 1' } } }],
      ['interval as text', { exportInfo: { interval: 'Nov 30 → Dec 1' } }],
      ['size as a number', { exportInfo: { fileSize: 48213 } }],
      ['empty schedule ID', { exportInfo: { scheduleId: '' } }],
      ['schedule ID too long', { exportInfo: { scheduleId: 's'.repeat(MAX_SCHEDULE_ID_LENGTH + 1) } }],
      ['cause as text', { errors: { entries: [], cause: 'denied' } }],
      ['cause without text', { errors: { entries: [], cause: { full: 'denied' } } }],
      ['full text as a number', { errors: { entries: [], cause: { text: 'denied', full: 7 } } }],
    ];
    for (const [what, patch] of broken) assert.equal(parseHostMessage(taskMessage({ ...good, ...patch })), undefined, what);
  });

  it('refuses times for no task, malformed messages and junk', () => {
    const times = sent(buildTimeView(TaskSchema.parse(processingImport), { now: NOW, live: true })) as Record<string, unknown>;
    for (const raw of [
      { type: 'times', view: times },
      { type: 'times', taskId: 'task_1', view: { ...times, live: 'yes' } },
      { type: 'loading' },
      { type: 'problem', message: 'offline' },
      { type: 'problem', message: 7, retryable: false },
      { type: 'notice' },
      { type: 'task' },
      { type: 'toString', view },
      [{ type: 'notice', message: 'x' }],
      'task',
      null,
      undefined,
    ]) {
      assert.equal(parseHostMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('ignores fields it does not know, and passes on only checked ones at the top', () => {
    const parsed = parseHostMessage({ type: 'notice', message: 'hi', html: '<img src=x onerror=alert(1)>' });
    assert.deepEqual(parsed, { type: 'notice', message: 'hi' });
    const withExtra = { ...view, extra: 'ignored' } as TaskView;
    assert.ok(parseHostMessage(taskMessage(withExtra)));
  });
});
