import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { apiFailure, clientFor, TEST_API_KEY } from './clientFixture';
import { json, type RawServer, startRawServer } from './rawServer';
import { completedExport, failedImport, processingImport } from './sampleTasks';

const LIST_BODY = { items: [processingImport, completedExport], pagination: { total: 2, limit: 50, offset: 0 } };

describe('FlexpriceClient requests', () => {
  let server: RawServer;
  beforeEach(async () => {
    server = await startRawServer(json(200, processingImport));
  });
  afterEach(() => server.close());

  describe('getTask', () => {
    it('fetches and parses one task', async () => {
      const task = await clientFor(server).getTask(processingImport.id);
      assert.equal(task.id, processingImport.id);
      assert.equal(task.task_status, 'PROCESSING');
      assert.equal(server.requests.length, 1);
      assert.equal(server.requests[0].method, 'GET');
      assert.equal(server.requests[0].url, `/v1/tasks/${processingImport.id}`);
    });

    it('tolerates a trailing slash, a query or a fragment on the API URL', async () => {
      for (const suffix of ['/v1/', '/v1?x=1', '/v1#top']) {
        await clientFor(server, { apiUrl: `${server.origin}${suffix}` }).getTask('task_1');
      }
      assert.deepEqual(server.requests.map((request) => request.url), ['/v1/tasks/task_1', '/v1/tasks/task_1', '/v1/tasks/task_1']);
    });

    it('sends the key, user agent and JSON accept header, and no environment when none is set', async () => {
      await clientFor(server, { environmentId: '   ' }).getTask('task_1');
      const { headers } = server.requests[0];
      assert.equal(headers['x-api-key'], TEST_API_KEY);
      assert.equal(headers['user-agent'], 'flexprice-tasks-tests/1.0');
      assert.equal(headers.accept, 'application/json');
      assert.ok(!('x-environment-id' in headers));
    });

    it('does not show the key when the client itself is inspected', () => {
      const client = clientFor(server);
      assert.ok(!inspect(client, { depth: 10, showHidden: true }).includes(TEST_API_KEY));
      assert.ok(!JSON.stringify(client).includes(TEST_API_KEY));
    });

    it('sends X-Environment-ID, trimmed, when set', async () => {
      await clientFor(server, { environmentId: ' env_01HZX ' }).getTask('task_1');
      assert.equal(server.requests[0].headers['x-environment-id'], 'env_01HZX');
    });

    it('trims a pasted ID and drops its quotes', async () => {
      await clientFor(server).getTask('  "task_1"\n');
      assert.equal(server.requests[0].url, '/v1/tasks/task_1');
    });

    for (const [name, id] of [
      ['empty', ''],
      ['blank', '   '],
      ['201 characters', 'a'.repeat(201)],
      ['NUL', 'task\u00001'],
      ['newline', 'task\n1'],
      ['DEL', 'task\u007f1'],
      ['dot-dot', '..'],
    ]) {
      it(`refuses an ${name} ID before any request`, async () => {
        const client = clientFor(server);
        for (const call of [() => client.getTask(id), () => client.getDownloadUrl(id)]) {
          const error = await apiFailure(call());
          assert.equal(error.kind, 'invalid_id');
          assert.equal(error.status, undefined);
        }
        assert.equal(server.requests.length, 0);
      });
    }

    for (const id of ['../x', 'a/b', 'a?b=c', 'a#b', '%2e%2e', '../../v1/tasks?limit=1', 'task 1']) {
      it(`keeps ${JSON.stringify(id)} in one path segment under /v1/tasks/`, async () => {
        await clientFor(server).getTask(id);
        const { url } = server.requests[0];
        const segment = url.slice('/v1/tasks/'.length);
        assert.ok(url.startsWith('/v1/tasks/'), url);
        assert.ok(!segment.includes('/') && !url.includes('?') && !url.includes('#'), url);
        assert.equal(decodeURIComponent(segment), id);
      });
    }
  });

  describe('listTasks', () => {
    beforeEach(() => server.reply(json(200, LIST_BODY)));

    it('asks /v1/tasks with no query by default', async () => {
      const list = await clientFor(server).listTasks();
      assert.equal(server.requests[0].url, '/v1/tasks');
      assert.equal(list.items.length, 2);
      assert.equal(list.items[1].entity_type, 'credit_topups');
      assert.deepEqual(list.pagination, { total: 2, limit: 50, offset: 0 });
    });

    it('maps every filter to the server parameter names', async () => {
      await clientFor(server).listTasks({
        taskType: 'IMPORT',
        entityType: 'credit_topups',
        taskStatus: 'FAILED',
        createdBy: 'user 1&2',
        startTime: new Date('2024-05-01T00:00:00Z'),
        endTime: '2024-05-02T00:00:00+05:30',
        limit: 10,
        offset: 20,
        sort: 'updated_at',
        order: 'asc',
      });
      const query = new URL(server.requests[0].url, server.origin).searchParams;
      assert.deepEqual([...query.entries()], [
        ['task_type', 'IMPORT'],
        ['entity_type', 'credit_topups'],
        ['task_status', 'FAILED'],
        ['created_by', 'user 1&2'],
        ['start_time', '2024-05-01T00:00:00.000Z'],
        ['end_time', '2024-05-02T00:00:00+05:30'],
        ['limit', '10'],
        ['offset', '20'],
        ['sort', 'updated_at'],
        ['order', 'asc'],
      ]);
    });

    it('leaves out unset and empty filters', async () => {
      await clientFor(server).listTasks({ taskType: 'EXPORT', taskStatus: '', limit: 0, entityType: undefined });
      assert.equal(server.requests[0].url, '/v1/tasks?task_type=EXPORT&limit=0');
    });

    it('refuses an invalid date or negative limit before any request', async () => {
      for (const filter of [{ startTime: new Date('nope') }, { limit: -1 }, { offset: Number.NaN }]) {
        assert.equal((await apiFailure(clientFor(server).listTasks(filter))).kind, 'bad_request');
      }
      assert.equal(server.requests.length, 0);
    });

    it('reads items: null and a missing pagination', async () => {
      server.reply(json(200, { items: null }));
      assert.deepEqual(await clientFor(server).listTasks({ offset: 5 }), { items: [], unreadable: [], pagination: { total: 0, limit: 0, offset: 0 } });
    });

    it('keeps every readable task when others are malformed, and says what is wrong with each', async () => {
      const textCount = { ...completedExport, id: 'task_text_count', total_records: '12' };
      const listMetadata = { ...processingImport, id: 'task_list_metadata', metadata: [] };
      const fractionalCount = { ...failedImport, failed_records: 2.5 };
      const noId = { task_status: 'PENDING', total_records: 3 };
      const items = [processingImport, textCount, listMetadata, completedExport, fractionalCount, noId, null];
      server.reply(json(200, { items, pagination: { total: 7, limit: 50, offset: 0 } }));
      const list = await clientFor(server).listTasks();
      assert.deepEqual(list.items.map((task) => task.id), [processingImport.id, completedExport.id]);
      assert.deepEqual(list.unreadable, [
        { id: 'task_text_count', problem: 'total_records: expected number', raw: textCount },
        { id: 'task_list_metadata', problem: 'metadata: expected object', raw: listMetadata },
        { id: failedImport.id, problem: 'failed_records: expected int', raw: fractionalCount },
        { problem: 'id: expected string', raw: noId },
        { problem: 'the item: expected object', raw: null },
      ]);
      assert.deepEqual(list.pagination, { total: 7, limit: 50, offset: 0 }, 'the server\'s count, unreadable tasks included');
    });

    it('counts unreadable tasks when it derives a missing pagination', async () => {
      server.reply(json(200, { items: [processingImport, { id: '' }] }));
      const list = await clientFor(server).listTasks();
      assert.deepEqual(list.unreadable, [{ problem: 'id: must not be empty', raw: { id: '' } }]);
      assert.deepEqual(list.pagination, { total: 2, limit: 2, offset: 0 });
    });
  });

  describe('redirects', () => {
    let other: RawServer;
    beforeEach(async () => {
      other = await startRawServer(json(200, processingImport));
    });
    afterEach(() => other.close());

    it('follows a same-origin redirect with the key', async () => {
      server.reply((request) => (request.url === '/v1/tasks/task_1' ? { status: 301, headers: { Location: '/v1/tasks/task_2' } } : json(200, { id: 'task_2' })));
      const task = await clientFor(server, { environmentId: 'env_1' }).getTask('task_1');
      assert.equal(task.id, 'task_2');
      assert.deepEqual(server.requests.map((request) => request.headers['x-api-key']), [TEST_API_KEY, TEST_API_KEY]);
      assert.equal(server.requests[1].headers['x-environment-id'], 'env_1');
    });

    it('drops the key and environment when a redirect leaves the origin', async () => {
      server.reply({ status: 302, headers: { Location: `${other.origin}/elsewhere` } });
      const task = await clientFor(server, { environmentId: 'env_1' }).getTask('task_1');
      assert.equal(task.id, processingImport.id);
      assert.equal(other.requests.length, 1);
      const { headers } = other.requests[0];
      assert.ok(!('x-api-key' in headers), 'x-api-key went to another origin');
      assert.ok(!('x-environment-id' in headers), 'X-Environment-ID went to another origin');
      assert.equal(headers['user-agent'], 'flexprice-tasks-tests/1.0');
      assert.ok(!JSON.stringify(headers).includes(TEST_API_KEY));
    });

    it('does not send the key again when a redirect comes back to the origin', async () => {
      server.reply((request) => (request.url === '/v1/tasks/task_1' ? { status: 302, headers: { Location: `${other.origin}/hop` } } : json(200, { id: 'back' })));
      other.reply({ status: 307, headers: { Location: `${server.origin}/v1/tasks/back` } });
      const task = await clientFor(server).getTask('task_1');
      assert.equal(task.id, 'back');
      assert.deepEqual(server.requests.map((request) => request.url), ['/v1/tasks/task_1', '/v1/tasks/back']);
      assert.equal(server.requests[1].headers['x-api-key'], undefined);
    });

    it('stops an endless redirect loop as invalid_response', async () => {
      server.reply({ status: 302, headers: { Location: '/v1/tasks/task_1' } });
      const error = await apiFailure(clientFor(server).getTask('task_1'));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /redirected too many times/);
      assert.ok(server.requests.length <= 6, String(server.requests.length));
    });
  });
});
