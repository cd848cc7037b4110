import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import type { Logger } from '../../../src/log/logger';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { apiFailure } from '../api/clientFixture';
import { json, type RawServer, startRawServer } from '../api/rawServer';
import { processingImport } from '../api/sampleTasks';
import { FakeClock } from '../polling/fakeClock';

/** Keeps every line with its level, as the Output panel would show them. */
class RecordingLog implements Logger {
  readonly lines: string[] = [];
  trace = (message: string) => void this.lines.push(`trace ${message}`);
  debug = (message: string) => void this.lines.push(`debug ${message}`);
  info = (message: string) => void this.lines.push(`info ${message}`);
  warn = (message: string) => void this.lines.push(`warn ${message}`);
  error = (message: string) => void this.lines.push(`error ${message}`);
}

const KEY = 'sk_live_LOGCHECK_c0ffee1234567890';

describe('the log', () => {
  let server: LocalFlexpriceServer;
  let redirector: RawServer;
  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    redirector = await startRawServer();
  });
  after(async () => {
    await redirector.close();
    await server.close();
  });

  it('records a whole session without the key, a presigned query or a signature in any line', async () => {
    const log = new RecordingLog();
    const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: KEY, timeoutMs: 5_000, userAgent: 'tests', log });

    // List and get, through the poller as the tree does.
    const poller = new TaskPoller({ source: async () => client, settings: DEFAULT_POLL_SETTINGS, clock: new FakeClock(Date.now()), log });
    poller.setVisible(true);
    await poller.refresh();
    poller.dispose();
    await client.getTask(FIXTURE_IDS.completedExportS3);
    // A presigned link, and the file behind it.
    const link = await client.getDownloadUrl(FIXTURE_IDS.completedExportS3);
    const file = await client.downloadFile(link, { maxBytes: 10 * 1024 * 1024 });
    assert.ok(file.length > 0);
    // A refused key: its error message is logged, and the wrong key must not be either.
    const wrongKey = 'sk_live_WRONGKEY_0123456789abcdef';
    const stranger = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: wrongKey, timeoutMs: 5_000, userAgent: 'tests', log });
    assert.equal((await apiFailure(stranger.listTasks())).kind, 'unauthorized');
    // A redirect to another origin, with a signed query of its own.
    redirector.reply((request) =>
      request.url.startsWith('/v1/')
        ? { status: 302, headers: { Location: `${server.origin}/elsewhere/task?X-Amz-Signature=feedfacefeedface&X-Amz-Security-Token=abc%2B%3D` } }
        : json(200, processingImport),
    );
    await apiFailure(new FlexpriceClient({ apiUrl: `${redirector.origin}/v1`, apiKey: KEY, timeoutMs: 5_000, userAgent: 'tests', log }).getTask('task_1'));

    const text = log.lines.join('\n');
    const query = new URL(link).search.slice(1);
    const secrets = [
      KEY,
      wrongKey,
      query,
      ...new URL(link).searchParams.values(),
      ...query.split('&').map((pair) => pair.split('=')[1]!),
      'feedfacefeedface',
      'abc%2B%3D',
    ].filter((secret) => secret.length >= 8 && !/^(AWS4-HMAC-SHA256|host|1800)$/.test(secret));
    assert.ok(secrets.length >= 6, 'the link carried its signed query');
    for (const secret of secrets) assert.ok(!text.includes(secret), `the log holds ${secret}:\n${text}`);
    assert.doesNotMatch(text, /x-api-key|X-Amz-/i);

    // And it is a useful log: each request with its status, and the poller's decisions.
    assert.match(text, /info GET \/v1\/tasks\?\S* → 200 \(\d+ ms, [\d.]+ (bytes|KB|MB)\)/);
    assert.match(text, new RegExp(`info GET /v1/tasks/${FIXTURE_IDS.completedExportS3} → 200`));
    assert.match(text, new RegExp(`info GET /v1/tasks/${FIXTURE_IDS.completedExportS3}/download → 200`));
    assert.match(text, new RegExp(`info GET ${server.origin}/files/[0-9a-f]{32}/\\S+\\?… → 200`));
    assert.match(text, /warn GET \/v1\/tasks → 401 \(\d+ ms, .*\): unauthorized: /);
    assert.match(text, new RegExp(`info   redirected to ${server.origin}/elsewhere/task\\?…; the key was not sent there`));
    assert.match(text, /info Poll: refresh/);
    assert.match(text, /info (Next poll in \d+\.\d s|Polling paused: )/);
  });
});
