import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { FIXTURE_IDS, type LocalFlexpriceServer, startFlexpriceServer } from '../../server/flexpriceServer';
import { apiFailure } from './clientFixture';

/** The client against the project's fake Flexprice server, end to end. */
describe('FlexpriceClient against the fake Flexprice server', () => {
  let server: LocalFlexpriceServer;
  let client: FlexpriceClient;
  before(async () => {
    server = await startFlexpriceServer();
    client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 5_000, userAgent: 'flexprice-tasks-tests/1.0' });
  });
  after(() => server.close());

  it('reads every seeded task of a list page, and each one again by id', async () => {
    const list = await client.listTasks({ limit: 100 });
    assert.ok(list.items.length > 0);
    assert.equal(list.pagination.limit, 100);
    const ids = list.items.map((task) => task.id);
    assert.ok(ids.includes(FIXTURE_IDS.workflowRun), 'the workflow-id run is listed');
    for (const id of [FIXTURE_IDS.workflowRun, FIXTURE_IDS.failedWithSummary, FIXTURE_IDS.hostile]) {
      assert.equal((await client.getTask(id)).id, id);
    }
  });

  it('gets a download link for a finished export and fetches it without the key', async () => {
    const url = await client.getDownloadUrl(FIXTURE_IDS.completedExportS3);
    const file = await client.downloadFile(url, { maxBytes: 10 * 1024 * 1024 });
    assert.ok(file.length > 0);
  });

  it('reports an unknown task and a wrong key', async () => {
    assert.equal((await apiFailure(client.getTask('task_does_not_exist'))).kind, 'not_found');
    const stranger = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: 'wrong-key', timeoutMs: 5_000, userAgent: 'test' });
    assert.equal((await apiFailure(stranger.listTasks())).kind, 'unauthorized');
  });
});
