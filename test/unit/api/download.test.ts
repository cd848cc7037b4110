import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { apiFailure, clientFor, TEST_API_KEY, waitFor } from './clientFixture';
import { json, type RawServer, startRawServer } from './rawServer';

const SIGNATURE = 'X-Amz-Signature=0123456789abcdef';

describe('FlexpriceClient downloads', () => {
  let api: RawServer;
  let storage: RawServer;
  beforeEach(async () => {
    api = await startRawServer();
    storage = await startRawServer();
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  it('gets the download link of a task with the key', async () => {
    api.reply(json(200, { download_url: `${storage.origin}/exports/a.csv?${SIGNATURE}` }));
    const url = await clientFor(api, { environmentId: 'env_1' }).getDownloadUrl('task_1');
    assert.equal(url, `${storage.origin}/exports/a.csv?${SIGNATURE}`);
    assert.equal(api.requests[0].url, '/v1/tasks/task_1/download');
    assert.equal(api.requests[0].headers['x-api-key'], TEST_API_KEY);
  });

  it('reports an unfinished export (404) as not_found', async () => {
    api.reply(json(404, { code: 'not_found', message: 'export file not ready', http_status_code: 404 }));
    const error = await apiFailure(clientFor(api).getDownloadUrl('task_1'));
    assert.equal(error.kind, 'not_found');
    assert.equal(error.requestPath, '/v1/tasks/task_1/download');
  });

  it('fetches the file without the API key or environment, bytes as stored', async () => {
    const gzipped = gzipSync('id,amount\n1,10\n');
    storage.reply({ status: 200, headers: { 'Content-Type': 'application/gzip', 'Content-Encoding': 'gzip' }, body: gzipped });
    const client = clientFor(api, { environmentId: 'env_1' });
    const file = await client.downloadFile(`${storage.origin}/exports/a.csv.gz?${SIGNATURE}`, { maxBytes: 1024 });
    assert.deepEqual(file, gzipped);
    assert.equal(storage.requests.length, 1);
    assert.equal(storage.requests[0].url, `/exports/a.csv.gz?${SIGNATURE}`);
    const { headers } = storage.requests[0];
    assert.ok(!('x-api-key' in headers) && !('x-environment-id' in headers), JSON.stringify(headers));
    assert.equal(headers['user-agent'], 'flexprice-tasks-tests/1.0');
    assert.equal(api.requests.length, 0);
  });

  it('accepts a file of exactly maxBytes', async () => {
    storage.reply({ stream: { chunks: 4, chunkBytes: 256 } });
    const file = await clientFor(api).downloadFile(`${storage.origin}/f`, { maxBytes: 1024 });
    assert.equal(file.length, 1024);
  });

  it('refuses a file whose Content-Length is over maxBytes', async () => {
    storage.reply({ status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Length': 2048 }, body: 'x'.repeat(2048) });
    const error = await apiFailure(clientFor(api).downloadFile(`${storage.origin}/f`, { maxBytes: 1024 }));
    assert.equal(error.kind, 'bad_request');
    assert.equal(error.message, 'The file is larger than the 1 KB limit (it is 2 KB).');
  });

  it('stops reading a stream without Content-Length as soon as it passes maxBytes', async () => {
    const chunks = 2_000;
    storage.reply({ stream: { chunks, chunkBytes: 64 * 1024 } });
    const error = await apiFailure(clientFor(api).downloadFile(`${storage.origin}/big`, { maxBytes: 1024 * 1024 }));
    assert.equal(error.kind, 'bad_request');
    assert.match(error.message, /^The file is larger than the 1 MB limit\.$/);
    await waitFor(() => storage.streamedChunks.length === 1);
    assert.ok(storage.streamedChunks[0] < chunks, `the server wrote all ${chunks} chunks: the stream was not aborted`);
  });

  it('refuses links that are not http(s) without any request', async () => {
    for (const url of ['s3://bucket/key.csv', 'file:///etc/passwd', 'data:text/plain,hello', 'not a url']) {
      const error = await apiFailure(clientFor(api).downloadFile(url, { maxBytes: 1024 }));
      assert.equal(error.kind, 'bad_request');
      assert.match(error.message, /Only http:\/\/ and https:\/\/ download links/);
    }
    assert.equal(storage.requests.length + api.requests.length, 0);
  });

  it('reports an expired link with the storage message, without the signature', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    storage.reply({ status: 403, headers: { 'Content-Type': 'application/xml' }, body: xml });
    const error = await apiFailure(clientFor(api).downloadFile(`${storage.origin}/exports/a.csv?${SIGNATURE}`, { maxBytes: 1024 }));
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.message, 'The download server denied access (403): Request has expired');
    assert.equal(error.requestPath, '/exports/a.csv');
    for (const printed of [JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? '']) {
      assert.ok(!printed.includes('0123456789abcdef') && !printed.includes(TEST_API_KEY));
    }
  });

  it('reports a hung download as timed_out and an abort as cancelled', async () => {
    storage.reply({ hang: true });
    assert.equal((await apiFailure(clientFor(api).downloadFile(`${storage.origin}/f`, { maxBytes: 10, timeoutMs: 200 }))).kind, 'timed_out');
    const abort = new AbortController();
    const pending = apiFailure(clientFor(api).downloadFile(`${storage.origin}/f`, { maxBytes: 10, signal: abort.signal }));
    await waitFor(() => storage.requests.length === 2);
    abort.abort();
    assert.equal((await pending).kind, 'cancelled');
  });
});
