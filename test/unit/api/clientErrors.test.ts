import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type { ApiErrorKind, FlexpriceApiError } from '../../../src/api/apiError';
import { apiFailure, clientFor, TEST_API_KEY, waitFor } from './clientFixture';
import { closedPort, json, type RawReply, type RawServer, startRawServer } from './rawServer';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';

interface StatusCase {
  readonly name: string;
  readonly reply: RawReply;
  readonly kind: ApiErrorKind;
  readonly message: RegExp;
  readonly code?: string;
  readonly serverMessage?: string;
  readonly retryAfterMs?: number;
}

const htmlPage = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>nginx</p></body></html>`;

const STATUS_CASES: StatusCase[] = [
  { name: '401 {"error":"Unauthorized"}', reply: json(401, { error: 'Unauthorized' }), kind: 'unauthorized', message: /^Flexprice rejected the API key \(401\): Unauthorized$/, serverMessage: 'Unauthorized' },
  { name: '401 {"error":"Invalid token"}', reply: json(401, { error: 'Invalid token' }), kind: 'unauthorized', message: /\(401\): Invalid token$/ },
  {
    name: '403 missing environment',
    reply: json(403, { error: 'Access denied', message: 'Invalid or inaccessible environment' }),
    kind: 'forbidden',
    message: /denied access \(403\): Access denied: Invalid or inaccessible environment\. Check the Environment ID setting/,
  },
  { name: '403 insufficient permissions', reply: json(403, { message: 'insufficient permissions' }), kind: 'forbidden', message: /^Flexprice denied access \(403\): insufficient permissions$/ },
  {
    name: '403 flat permission_denied',
    reply: json(403, { code: 'permission_denied', message: 'not allowed', http_status_code: 403 }),
    kind: 'forbidden',
    code: 'permission_denied',
    message: /\(403\): not allowed$/,
  },
  {
    name: '404 flat not_found',
    reply: json(404, { code: 'not_found', message: 'Task not found', http_status_code: 404, details: { task_id: 'task_x' } }),
    kind: 'not_found',
    code: 'not_found',
    serverMessage: 'Task not found',
    message: /\(404\): Task not found$/,
  },
  {
    name: '400 validation_error',
    reply: json(400, { code: 'validation_error', message: 'invalid task id', http_status_code: 400 }),
    kind: 'bad_request',
    code: 'validation_error',
    message: /^Flexprice refused the request \(400\): invalid task id$/,
  },
  { name: '409 version_conflict', reply: json(409, { code: 'version_conflict', message: 'changed meanwhile', http_status_code: 409 }), kind: 'bad_request', code: 'version_conflict', message: /\(409\)/ },
  { name: '422 without a body', reply: { status: 422 }, kind: 'bad_request', message: /\(422\): Unprocessable Entity$/ },
  {
    name: '429 Retry-After in seconds',
    reply: json(429, { code: 'too_many_requests', message: 'slow down', http_status_code: 429 }, { 'Retry-After': '7' }),
    kind: 'rate_limited',
    code: 'too_many_requests',
    retryAfterMs: 7_000,
    message: /limiting requests \(429\): slow down\. Try again in 7 s\.$/,
  },
  {
    name: '429 Retry-After as a past HTTP date',
    reply: json(429, { message: 'slow down' }, { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }),
    kind: 'rate_limited',
    retryAfterMs: 0,
    message: /\(429\)/,
  },
  {
    name: '500 older shape',
    reply: json(500, { success: false, error: { message: 'Something went wrong', internal_error: 'pq: connection refused', details: {} } }),
    kind: 'server_error',
    serverMessage: 'Something went wrong',
    message: /^Flexprice had a server error \(500\): Something went wrong$/,
  },
  { name: '501 not_implemented', reply: json(501, { code: 'not_implemented', message: 'no', http_status_code: 501 }), kind: 'server_error', code: 'not_implemented', message: /\(501\)/ },
  { name: '502 HTML page', reply: { status: 502, headers: { 'Content-Type': 'text/html' }, body: htmlPage('502 Bad Gateway') }, kind: 'server_error', message: /^Flexprice had a server error \(502\): 502 Bad Gateway$/ },
  { name: '503 empty body with Retry-After', reply: { status: 503, headers: { 'Retry-After': '120' }, body: '' }, kind: 'server_error', retryAfterMs: 120_000, message: /\(503\): Service Unavailable\. Try again in 120 s\.$/ },
  { name: '504 HTML page without a title', reply: { status: 504, headers: { 'Content-Type': 'text/html' }, body: '<html><body>upstream timed out</body></html>' }, kind: 'server_error', message: /\(504\): Gateway Timeout$/ },
  { name: '304 that cannot be followed', reply: { status: 304 }, kind: 'invalid_response', message: /^Unexpected response from Flexprice \(304\)/ },
];

interface ResponseCase {
  readonly name: string;
  readonly reply: RawReply;
  readonly message: string;
}

const INVALID_RESPONSES: ResponseCase[] = [
  { name: 'HTML on 200', reply: { status: 200, headers: { 'Content-Type': 'text/html' }, body: htmlPage('Sign in') }, message: 'Unexpected response from Flexprice: an HTML page instead of JSON (is the API URL right?)' },
  { name: 'malformed JSON', reply: { status: 200, body: '{"id": "task_1",' }, message: 'Unexpected response from Flexprice: the body is not valid JSON' },
  { name: 'an empty body', reply: { status: 200, body: '' }, message: 'Unexpected response from Flexprice: the body is empty' },
  { name: 'an array', reply: json(200, []), message: 'Unexpected response from Flexprice: the body: expected object' },
  { name: 'an object without id', reply: json(200, {}), message: 'Unexpected response from Flexprice: id: expected string' },
  { name: 'an empty id', reply: json(200, { id: '' }), message: 'Unexpected response from Flexprice: id: must not be empty' },
  { name: 'a count of the wrong type', reply: json(200, { id: 'task_1', failed_records: '3' }), message: 'Unexpected response from Flexprice: failed_records: expected number' },
  { name: 'a fractional count', reply: json(200, { id: 'task_1', failed_records: 1.5 }), message: 'Unexpected response from Flexprice: failed_records: expected int' },
];

/** Every error a test produced, to check none of them can reveal the key. */
const collected: FlexpriceApiError[] = [];
const failure = async (promise: Promise<unknown>) => {
  const error = await apiFailure(promise);
  collected.push(error);
  return error;
};

describe('FlexpriceClient errors', () => {
  let server: RawServer;
  beforeEach(async () => {
    server = await startRawServer();
  });
  afterEach(() => server.close());

  describe('HTTP statuses', () => {
    for (const expected of STATUS_CASES) {
      it(`maps ${expected.name} to ${expected.kind}`, async () => {
        server.reply(expected.reply);
        const error = await failure(clientFor(server).getTask('task_x'));
        assert.equal(error.kind, expected.kind);
        assert.equal(error.status, Number(expected.name.slice(0, 3)));
        assert.match(error.message, expected.message);
        assert.equal(error.requestPath, '/v1/tasks/task_x');
        if (expected.code !== undefined) assert.equal(error.code, expected.code);
        if (expected.serverMessage !== undefined) assert.equal(error.serverMessage, expected.serverMessage);
        if (expected.retryAfterMs !== undefined) assert.equal(error.retryAfterMs, expected.retryAfterMs);
        else assert.equal(error.retryAfterMs, undefined);
        assert.doesNotMatch(error.message, /<|>|nginx/, 'no HTML in the message');
      });
    }

    it('reads Retry-After as an HTTP date in the future', async () => {
      const inOneHour = new Date(Date.now() + 3_600_000).toUTCString();
      server.reply(json(429, { message: 'slow down' }, { 'Retry-After': inOneHour }));
      const error = await failure(clientFor(server).getTask('task_x'));
      assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 3_000_000 && error.retryAfterMs <= 3_600_000, String(error.retryAfterMs));
    });

    it('ignores Retry-After on statuses other than 429 and 503', async () => {
      server.reply(json(500, { message: 'boom' }, { 'Retry-After': '5' }));
      assert.equal((await failure(clientFor(server).getTask('task_x'))).retryAfterMs, undefined);
    });
  });

  describe('unusable successful responses', () => {
    for (const expected of INVALID_RESPONSES) {
      it(`reports ${expected.name} as invalid_response`, async () => {
        server.reply(expected.reply);
        const error = await failure(clientFor(server).getTask('task_1'));
        assert.equal(error.kind, 'invalid_response');
        assert.equal(error.message, expected.message);
      });
    }

    it('refuses a response larger than maxResponseBytes', async () => {
      server.reply({ stream: { chunks: 200, chunkBytes: 16 * 1024 } });
      const error = await failure(clientFor(server, { maxResponseBytes: 64 * 1024 }).listTasks());
      assert.equal(error.kind, 'invalid_response');
      assert.equal(error.message, 'The response from Flexprice is larger than 64 KB.');
    });

    it('fails a list as a whole only when the list itself is broken, not one of its tasks', async () => {
      for (const [body, problem] of [
        [[{ id: 'task_1' }], 'the body: expected object'],
        [{ items: { id: 'task_1' } }, 'items: expected array'],
        [{ items: 'task_1' }, 'items: expected array'],
        [{ items: [{ id: 'task_1' }], pagination: { total: '1', limit: 50, offset: 0 } }, 'pagination.total: expected number'],
      ] as const) {
        server.reply(json(200, body));
        const error = await failure(clientFor(server).listTasks());
        assert.equal(error.kind, 'invalid_response');
        assert.equal(error.message, `Unexpected response from Flexprice: ${problem}`, JSON.stringify(body));
      }
      server.reply(json(200, { items: [{ id: 'task_1' }, { id: 42 }], pagination: { total: 2, limit: 50, offset: 0 } }));
      const list = await clientFor(server).listTasks();
      assert.deepEqual(list.items.map((task) => task.id), ['task_1']);
      assert.deepEqual(list.unreadable, [{ problem: 'id: expected string', raw: { id: 42 } }]);
    });

    it('refuses a download link that is not http(s)', async () => {
      server.reply(json(200, { download_url: 's3://bucket/export.csv' }));
      const error = await failure(clientFor(server).getDownloadUrl('task_1'));
      assert.equal(error.kind, 'invalid_response');
      assert.equal(error.message, 'Unexpected response from Flexprice: download_url: is not an http(s) link');
    });
  });

  describe('network failures', () => {
    it('reports a closed port as unreachable', async () => {
      const port = await closedPort();
      const client = new FlexpriceClient({ apiUrl: `http://127.0.0.1:${port}/v1`, apiKey: TEST_API_KEY, timeoutMs: 5_000, userAgent: 'test' });
      const error = await failure(client.getTask('task_1'));
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, /refused \(ECONNREFUSED\)/);
      assert.equal(error.status, undefined);
    });

    it('reports a connection dropped before any answer as unreachable', async () => {
      server.reply({ destroy: 'before-headers' });
      const error = await failure(clientFor(server).getTask('task_1'));
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, /dropped/);
    });

    it('reports a connection dropped in the middle of the body as unreachable', async () => {
      server.reply({ destroy: 'mid-body' });
      const error = await failure(clientFor(server).getTask('task_1'));
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, /dropped/);
    });

    it('reports a server that never answers as timed_out', async () => {
      server.reply({ hang: true });
      const error = await failure(clientFor(server, { timeoutMs: 200 }).getTask('task_1'));
      assert.equal(error.kind, 'timed_out');
      assert.equal(error.message, 'Flexprice did not answer within 200 ms.');
      assert.equal(server.requests.length, 1);
    });

    it('reports an abort as cancelled', async () => {
      server.reply({ hang: true });
      const abort = new AbortController();
      const pending = failure(clientFor(server).getTask('task_1', abort.signal));
      await waitFor(() => server.requests.length === 1);
      abort.abort();
      const error = await pending;
      assert.equal(error.kind, 'cancelled');
    });

    it('reports an already aborted signal as cancelled without a request', async () => {
      const abort = new AbortController();
      abort.abort();
      assert.equal((await failure(clientFor(server).listTasks({}, abort.signal))).kind, 'cancelled');
      assert.equal(server.requests.length, 0);
    });
  });

  describe('configuration', () => {
    it('refuses an API URL that is not http(s)', () => {
      for (const apiUrl of ['ftp://example.com/v1', 'not a url', '', 'file:///etc/passwd']) {
        assert.throws(() => new FlexpriceClient({ apiUrl, apiKey: TEST_API_KEY, timeoutMs: 1000, userAgent: 'test' }), (error: FlexpriceApiError) => {
          assert.equal(error.kind, 'bad_request');
          assert.match(error.message, /must be an http:\/\/ or https:\/\/ URL/);
          return true;
        });
      }
    });

    it('refuses a malformed task ID as invalid_id', async () => {
      const error = await failure(clientFor(server).getTask('a\nb'));
      assert.equal(error.kind, 'invalid_id');
      assert.equal(server.requests.length, 0);
    });

    it('refuses control characters in the key or environment ID, without echoing them', () => {
      const make = (apiKey: string, environmentId?: string) => () => new FlexpriceClient({ apiUrl: 'http://127.0.0.1:1/v1', apiKey, environmentId, timeoutMs: 1000, userAgent: 'test' });
      assert.throws(make(`${TEST_API_KEY}\r\nX-Evil: 1`), (error: FlexpriceApiError) => error.kind === 'unauthorized' && !error.message.includes(TEST_API_KEY));
      assert.throws(make(TEST_API_KEY, 'env\n1'), (error: FlexpriceApiError) => error.kind === 'bad_request' && /environment ID/.test(error.message));
    });

    it('refuses an empty API key', () => {
      assert.throws(() => new FlexpriceClient({ apiUrl: 'http://127.0.0.1:1/v1', apiKey: '  ', timeoutMs: 1000, userAgent: 'test' }), /No Flexprice API key/);
    });
  });

  describe('the API key never leaks', () => {
    it('masks the key when a server echoes it back', async () => {
      server.reply(json(401, { error: `Unknown key ${TEST_API_KEY}` }));
      const error = await failure(clientFor(server).getTask('task_1'));
      assert.equal(error.serverMessage, 'Unknown key ***');
      assert.equal(error.message, 'Flexprice rejected the API key (401): Unknown key ***');
    });

    it('is in no error of any kind, however it is printed', () => {
      const kinds = new Set(collected.map((error) => error.kind));
      const all = ['unauthorized', 'forbidden', 'not_found', 'bad_request', 'rate_limited', 'server_error', 'unreachable', 'timed_out', 'invalid_response', 'invalid_id', 'cancelled'];
      for (const kind of all) {
        assert.ok(kinds.has(kind as ApiErrorKind), `no ${kind} error was checked`);
      }
      for (const error of collected) {
        for (const printed of [JSON.stringify(error), String(error), error.stack ?? '', inspect(error, { depth: 10, showHidden: true })]) {
          assert.ok(!printed.includes(TEST_API_KEY), `${error.kind}: ${printed.slice(0, 200)}`);
        }
        assert.equal(error.name, 'FlexpriceApiError');
      }
    });
  });
});
