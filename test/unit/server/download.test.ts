import * as assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { FIXTURE_IDS, LINK_LIFETIME_MS, startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { call, fakeClock } from './serverHttp';

describe('local Flexprice server: export downloads', () => {
  const clock = fakeClock('2026-04-01T08:00:00Z');
  let server: LocalFlexpriceServer;
  before(async () => {
    server = await startFlexpriceServer({ clock: clock.now });
  });
  after(() => server.close());

  const linkFor = async (id: string) => {
    const res = await call(server, `/v1/tasks/${id}/download`);
    assert.equal(res.status, 200, res.text);
    const url = new URL(res.json().download_url as string);
    assert.equal(url.origin, server.origin);
    assert.match(url.pathname, /^\/files\/[0-9a-f]{32}\/[^/]+$/);
    return url.pathname + url.search;
  };

  it('links a finished .csv export and serves its CSV without an API key', async () => {
    const path = await linkFor(FIXTURE_IDS.completedExportS3);
    const task = server.store.get(FIXTURE_IDS.completedExportS3)!;
    assert.ok(path.split('?')[0]!.endsWith('/' + task.file_url.split('/').pop()));
    const res = await call(server, path, { key: null });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = res.text.trim().split('\n');
    assert.equal(lines[0], 'invoice_id,customer_id,invoice_status,amount_due,currency,period_start,period_end');
    assert.equal(lines.length, 1 + 200, 'rows are capped at 200');
    const logged = server.requests.last({ path: path.split('?')[0] });
    assert.ok(logged, 'file request logged');
    assert.equal(logged.headers['x-api-key'], undefined, 'no key reached the file host');
  });

  it('serves .csv.gz exports as gzip bytes with a Content-Length', async () => {
    const path = await linkFor(FIXTURE_IDS.completedExportGz);
    assert.ok(path.split('?')[0]!.endsWith('.csv.gz'));
    const res = await call(server, path, { key: null });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/gzip');
    assert.equal(Number(res.headers.get('content-length')), res.body.length);
    assert.deepEqual([...res.body.subarray(0, 2)], [0x1f, 0x8b]);
    const csv = gunzipSync(res.body).toString('utf8');
    assert.ok(csv.startsWith('event_id,event_name,external_customer_id,timestamp,properties\n'));
  });

  it('records when a client does send the key to the file link', async () => {
    const path = await linkFor(FIXTURE_IDS.workflowRun);
    await call(server, path);
    assert.equal(server.requests.last({ path: path.split('?')[0] })?.headers['x-api-key'], server.apiKey);
  });

  it('expires links after 30 minutes of server time with an S3-style 403', async () => {
    const path = await linkFor(FIXTURE_IDS.completedExportS3);
    clock.advance(LINK_LIFETIME_MS - 1);
    assert.equal((await call(server, path, { key: null })).status, 200);
    clock.advance(1);
    const expired = await call(server, path, { key: null });
    assert.equal(expired.status, 403);
    assert.match(expired.text, /<Code>AccessDenied<\/Code>/);
    assert.match(expired.text, /expired/);
  });

  it('refuses unknown tokens and mismatched file names', async () => {
    const path = await linkFor(FIXTURE_IDS.completedExportS3);
    const [route, query] = path.split('?');
    assert.equal((await call(server, `/files/00000000000000000000000000000000/x.csv?${query}`, { key: null })).status, 403);
    assert.equal((await call(server, `${route!.replace(/\/[^/]+$/, '/other.csv')}?${query}`, { key: null })).status, 403);
  });

  it('signs links with a SigV4-shaped query whose credential and token are percent-encoded', async () => {
    const query = new URL((await linkFor(FIXTURE_IDS.completedExportS3)), server.origin).search;
    assert.match(query, /^\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA[A-Z0-9]{16}%2F\d{8}%2Fus-east-1%2Fs3%2Faws4_request&/);
    assert.match(query, /&X-Amz-Security-Token=[^&]*%2B[^&]*%2F[^&]*%3D/);
    assert.match(query, /&X-Amz-Signature=[0-9a-f]{64}$/);
  });

  it('answers 403 SignatureDoesNotMatch when the query comes back re-encoded or without its signature', async () => {
    const path = await linkFor(FIXTURE_IDS.completedExportS3);
    const [route, query] = path.split('?') as [string, string];
    const variants = [
      `${route}?${decodeURIComponent(query)}`, // what a URI class that decodes the query sends
      `${route}?${query.replace(/%2F/g, '/')}`,
      `${route}?${query.replace(/%3D/g, '=')}`,
      `${route}?${query.replace(/&X-Amz-Signature=[0-9a-f]+$/, '')}`,
      route,
    ];
    for (const variant of variants) {
      const res = await call(server, variant, { key: null });
      assert.equal(res.status, 403, variant);
      assert.match(res.text, /<Code>(SignatureDoesNotMatch|AccessDenied)<\/Code>/, variant);
    }
    assert.match((await call(server, variants[1]!, { key: null })).text, /SignatureDoesNotMatch/);
    assert.equal((await call(server, path, { key: null })).status, 200, 'the link as issued still works');
  });

  it('answers 404 not_found while an export is unfinished', async () => {
    for (const id of [FIXTURE_IDS.processingExport, FIXTURE_IDS.pendingExport, FIXTURE_IDS.failedExport]) {
      const res = await call(server, `/v1/tasks/${id}/download`);
      assert.equal(res.status, 404, id);
      assert.equal(res.json().code, 'not_found');
    }
  });

  it('answers 400 invalid_operation for a non-s3 file URL and 404 for an unknown task', async () => {
    const res = await call(server, `/v1/tasks/${FIXTURE_IDS.completedImport}/download`);
    assert.equal(res.status, 400);
    assert.equal(res.json().code, 'invalid_operation');
    assert.equal(res.json().http_status_code, 400);
    const unknown = await call(server, '/v1/tasks/task_nope/download');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().message, 'Task not found');
  });

  it('needs the API key for the link itself', async () => {
    const res = await call(server, `/v1/tasks/${FIXTURE_IDS.completedExportS3}/download`, { key: null });
    assert.equal(res.status, 401);
  });
});
