import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { call, untilLogged } from './serverHttp';

describe('local Flexprice server: fault switches', () => {
  let server: LocalFlexpriceServer;
  const taskPath = `/v1/tasks/${FIXTURE_IDS.completedImport}`;
  before(async () => {
    server = await startFlexpriceServer();
  });
  afterEach(() => server.faults.clear());
  after(() => server.close());

  it('rateLimit: 429 with a flat too_many_requests body and Retry-After when given', async () => {
    server.faults.set({ rateLimit: { retryAfter: '7' } });
    const res = await call(server, taskPath);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.deepEqual(res.json(), { code: 'too_many_requests', message: 'Too many requests', http_status_code: 429 });
    server.faults.set({ rateLimit: {} });
    assert.equal((await call(server, taskPath)).headers.get('retry-after'), null);
  });

  it('serverError: flat, legacy, html and empty bodies with an optional Retry-After', async () => {
    server.faults.set({ serverError: { status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' } });
    let res = await call(server, taskPath);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), 'Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(res.json().code, 'service_unavailable');

    server.faults.set({ serverError: { status: 500, body: 'legacy' } });
    res = await call(server, taskPath);
    assert.equal(res.status, 500);
    assert.equal(res.json().success, false);
    assert.equal(typeof res.json().error?.message, 'string');

    server.faults.set({ serverError: { status: 502, body: 'html' } });
    res = await call(server, taskPath);
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(res.text, /502 Bad Gateway/);

    server.faults.set({ serverError: { status: 504, body: 'empty' } });
    res = await call(server, taskPath);
    assert.equal(res.status, 504);
    assert.equal(res.text, '');
  });

  it('html: an nginx page, even with status 200', async () => {
    server.faults.set({ html: { status: 200 } });
    const res = await call(server, '/v1/tasks');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.throws(() => res.json());
    assert.match(res.text, /nginx/);
  });

  it('malformedJson: 200 with truncated JSON', async () => {
    server.faults.set({ malformedJson: true });
    const res = await call(server, '/v1/tasks');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.throws(() => res.json(), SyntaxError);
  });

  it('wrongShape: 200 with {"data":[]}', async () => {
    server.faults.set({ wrongShape: true });
    const res = await call(server, '/v1/tasks');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { data: [] });
  });

  it('forbidden: environment or permissions bodies', async () => {
    server.faults.set({ forbidden: 'environment' });
    let res = await call(server, taskPath);
    assert.equal(res.status, 403);
    assert.deepEqual(res.json(), { error: 'Access denied', message: 'Invalid or inaccessible environment' });
    server.faults.set({ forbidden: 'permissions' });
    res = await call(server, taskPath);
    assert.equal(res.status, 403);
    assert.deepEqual(res.json(), { message: 'insufficient permissions' });
  });

  it('dropConnection: the socket closes without an answer, once', async () => {
    server.faults.set({ dropConnection: true, times: 1 });
    await assert.rejects(call(server, taskPath));
    assert.equal((await call(server, taskPath)).status, 200);
  });

  it('redirectTo: 302 to the other origin with the same path and query', async () => {
    server.faults.set({ redirectTo: 'http://127.0.0.1:1' });
    const res = await call(server, '/v1/tasks?task_type=IMPORT&limit=5', { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), 'http://127.0.0.1:1/v1/tasks?task_type=IMPORT&limit=5');
  });

  it('latencyMs: answers normally, no sooner than the delay', async () => {
    server.faults.set({ latencyMs: 150, times: 1 });
    const started = performance.now();
    const res = await call(server, taskPath);
    // A lower bound only: timers never fire early by more than clock rounding.
    assert.ok(performance.now() - started >= 145);
    assert.equal(res.status, 200);
    assert.equal(server.faults.active, undefined);
  });

  it('times: applies to that many requests, then clears itself', async () => {
    server.faults.set({ serverError: { status: 503 }, times: 2 });
    assert.equal((await call(server, taskPath)).status, 503);
    assert.equal((await call(server, taskPath)).status, 503);
    assert.equal((await call(server, taskPath)).status, 200);
  });

  it('path and pathPrefix limit which requests are hit', async () => {
    server.faults.set({ serverError: { status: 500 }, pathPrefix: '/v1/tasks/' });
    assert.equal((await call(server, '/v1/tasks')).status, 200);
    assert.equal((await call(server, taskPath)).status, 500);
    server.faults.set({ serverError: { status: 500 }, path: '/v1/tasks' });
    assert.equal((await call(server, '/v1/tasks')).status, 500);
    assert.equal((await call(server, taskPath)).status, 200);
  });

  it('happen in front of authentication, like a proxy would', async () => {
    server.faults.set({ serverError: { status: 502, body: 'html' } });
    assert.equal((await call(server, taskPath, { key: null })).status, 502);
  });

  it('leave presigned file links alone', async () => {
    const link = (await call(server, `/v1/tasks/${FIXTURE_IDS.completedExportS3}/download`)).json().download_url as string;
    server.faults.set({ serverError: { status: 503 } });
    const res = await call(server, new URL(link).pathname + new URL(link).search, { key: null });
    assert.equal(res.status, 200);
  });
});

describe('local Flexprice server: hang fault and close()', () => {
  it('hang: never answers, and close() ends the hung request', async () => {
    const server = await startFlexpriceServer({ seedTasks: false });
    server.faults.set({ hang: true });
    let answered = false;
    const outcome = new Promise<string>((resolve) => {
      const req = request(`${server.baseUrl}/tasks`, { headers: { 'x-api-key': server.apiKey } }, (res) => {
        answered = true;
        res.resume();
        resolve(`answered ${res.statusCode}`);
      });
      req.on('error', (error) => resolve(`error ${(error as NodeJS.ErrnoException).code}`));
      req.end();
    });
    await untilLogged(server, '/v1/tasks');
    assert.equal(answered, false);
    await server.close();
    assert.equal(await outcome, 'error ECONNRESET');
  });

  it('close() also cancels pending latency', async () => {
    const server = await startFlexpriceServer({ seedTasks: false });
    server.faults.set({ latencyMs: 600_000 });
    const pending = call(server, '/v1/tasks').then(() => 'answered', () => 'failed');
    await untilLogged(server, '/v1/tasks');
    await server.close();
    assert.equal(await pending, 'failed');
  });
});
