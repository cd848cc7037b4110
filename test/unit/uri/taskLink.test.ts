import * as assert from 'node:assert/strict';
import { buildTaskLink, parseTaskLink } from '../../../src/uri/taskLink';

const RUN_ID = '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z';

describe('task links', () => {
  it('reads /task/<id>, with or without a connection', () => {
    assert.deepEqual(parseTaskLink('/task/task_01JQ7B5K8M2N4P6R8T0V2X4Z6A', ''), { ok: true, taskId: 'task_01JQ7B5K8M2N4P6R8T0V2X4Z6A' });
    assert.deepEqual(parseTaskLink(`/task/${RUN_ID}`, 'connection=Acme · Production'), { ok: true, taskId: RUN_ID, connection: 'Acme · Production' });
    // Typed by hand, encoded once: VS Code's decoding leaves the plain name.
    assert.deepEqual(parseTaskLink('/task/task_1', decodeURIComponent('connection=Acme%20%C2%B7%20Sandbox')), { ok: true, taskId: 'task_1', connection: 'Acme · Sandbox' });
  });

  it('refuses what is not a task link, a bad ID, or an impossible connection name, saying why', () => {
    for (const [path, query] of [
      ['/tasks/task_1', ''],
      ['/task/', ''],
      ['/', ''],
      ['/task/..', ''],
      ['/task/a\u0000b', ''],
      ['/task/task_1', 'connection='],
      ['/task/task_1', `connection=${'x'.repeat(101)}`],
    ]) {
      const link = parseTaskLink(path, query);
      assert.equal(link.ok, false, `${JSON.stringify(path)} ${query}`);
      assert.ok(!link.ok && link.reason.length > 10);
    }
  });

  it('builds links that read back as the same task and connection', () => {
    for (const [id, name] of [
      ['task_01JQ7B5K8M2N4P6R8T0V2X4Z6A', 'Acme · Production'],
      [RUN_ID, 'a&b=c d+e'],
      ['task_01JQ7B5K8M2N4P6R8T0V2X4Z6A', undefined],
    ] as const) {
      const text = buildTaskLink('vscode', 'Flexprice-Tasks.flexprice-tasks', id, name);
      assert.ok(text.startsWith('vscode://flexprice-tasks.flexprice-tasks/task/'), text);
      const url = new URL(text);
      // VS Code hands the handler the path and the query decoded once.
      const link = parseTaskLink(decodeURIComponent(url.pathname), decodeURIComponent(url.search.slice(1)));
      assert.deepEqual(link, name ? { ok: true, taskId: id, connection: name } : { ok: true, taskId: id });
    }
  });
});
