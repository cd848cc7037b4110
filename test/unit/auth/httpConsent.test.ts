// First: ClientProvider and ApiKeyStore import `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { isFlexpriceApiError } from '../../../src/api/apiError';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { HttpConsent, type HttpConsentAnswer, insecureOrigin } from '../../../src/auth/httpConsent';
import { ClientProvider } from '../../../src/auth/clientProvider';
import { SILENT_LOGGER } from '../../../src/log/logger';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { environmentConnection, memoryConnections } from '../connections/memoryStores';

/** globalState in memory. */
class Memory {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

/** The key store with nothing saved: one connection, from FLEXPRICE_API_KEY, with `key` for `apiUrl`. */
function keysWith(key: string, apiUrl: string): ApiKeyStore {
  return new ApiKeyStore(memoryConnections({ environment: [environmentConnection('FLEXPRICE_API_KEY', apiUrl, key)] }).store);
}

describe('plain-HTTP consent', () => {
  it('asks only for http:// hosts that are not loopback', () => {
    assert.equal(insecureOrigin('http://billing.example.com:8080/v1'), 'http://billing.example.com:8080');
    assert.equal(insecureOrigin('HTTP://Billing.Example.com/v1'), 'http://billing.example.com');
    assert.equal(insecureOrigin('http://10.0.0.5/v1'), 'http://10.0.0.5');
    // Names that merely start or end like loopback are other hosts.
    assert.equal(insecureOrigin('http://localhost.evil.example/v1'), 'http://localhost.evil.example');
    assert.equal(insecureOrigin('http://127.0.0.1.nip.io/v1'), 'http://127.0.0.1.nip.io');
    for (const safe of ['https://us.api.flexprice.io/v1', 'https://billing.example.com/v1', 'http://localhost:8080/v1',
      'http://127.0.0.1:9000/v1', 'http://127.45.6.7/v1', 'http://[::1]:8080/v1', 'not a url']) {
      assert.equal(insecureOrigin(safe), undefined, safe);
    }
  });

  describe('through ClientProvider, over real sockets', () => {
    const KEY = 'fp_consent_test_key_91c2';
    const REMOTE_URL = 'http://billing.example.test/v1';
    let server: LocalFlexpriceServer;
    let asked: string[];
    let answer: HttpConsentAnswer;
    let memory: Memory;
    /** Where the connection points (it was the flexprice.apiUrl setting before connections). */
    let apiUrl: string;
    const savedProxy = process.env.http_proxy;

    const provider = (consentMemory = memory) =>
      new ClientProvider(keysWith(KEY, apiUrl), 'tests', new HttpConsent(consentMemory, async (origin) => (asked.push(origin), answer), SILENT_LOGGER), SILENT_LOGGER);

    before(async () => {
      server = await startFlexpriceServer({ apiKey: KEY });
      // Every http:// request goes through the local server acting as a forward proxy, so a
      // request to billing.example.test arrives there if (and only if) the client sends it.
      process.env.http_proxy = server.origin;
    });
    after(async () => {
      if (savedProxy === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = savedProxy;
      await server.close();
    });
    beforeEach(() => {
      asked = [];
      answer = undefined;
      memory = new Memory();
      server.requests.clear();
      apiUrl = REMOTE_URL;
    });

    it('reaches the remote host once allowed, so the refusal below is not vacuous', async () => {
      answer = 'send';
      const client = await provider().get();
      assert.ok(client);
      await client.listTasks({ limit: 1 });
      assert.deepEqual(asked, ['http://billing.example.test']);
      assert.equal(server.requests.count({ path: '/v1/tasks' }), 1);
      assert.equal(server.requests.last({ path: '/v1/tasks' })?.headers['x-api-key'], KEY);
    });

    it('sends nothing when the user declines, and does not ask again on the next poll', async () => {
      const clients = provider();
      for (let attempt = 0; attempt < 3; attempt++) {
        await assert.rejects(clients.get(), (error: unknown) => isFlexpriceApiError(error) && error.kind === 'http_refused' && /plain HTTP/.test(error.message));
      }
      assert.deepEqual(asked, ['http://billing.example.test'], 'asked once, not on every poll');
      assert.equal(server.requests.count(), 0, 'no request left the machine');
      assert.equal(memory.values.size, 0, 'a refusal is not stored as an approval');
    });

    it('"Open Settings" counts as no: nothing is sent', async () => {
      answer = 'openSettings';
      await assert.rejects(provider().get());
      assert.equal(server.requests.count(), 0);
    });

    it('asks once for several requests at the same moment', async () => {
      answer = 'send';
      const clients = provider();
      await Promise.all([clients.get(), clients.get(), clients.get()]);
      assert.equal(asked.length, 1);
    });

    it('asks again after a refusal only when told to (Refresh, Ask Again)', async () => {
      const clients = provider();
      await assert.rejects(clients.get());
      answer = 'send';
      await assert.rejects(clients.get());
      clients.askHttpConsentAgain();
      assert.ok(await clients.get());
      assert.equal(asked.length, 2);
    });

    it('remembers an approval per origin across sessions', async () => {
      answer = 'send';
      await provider().get();
      answer = undefined;
      assert.ok(await provider(memory).get(), 'a new session with the same storage does not ask');
      apiUrl = 'http://billing.example.test:8081/v1';
      await assert.rejects(provider(memory).get(), 'another port is another origin');
      assert.deepEqual(asked, ['http://billing.example.test', 'http://billing.example.test:8081']);
    });

    it('never asks for https:// or loopback URLs', async () => {
      for (const url of ['https://billing.example.test/v1', server.baseUrl, `http://localhost:${new URL(server.origin).port}/v1`]) {
        apiUrl = url;
        assert.ok(await provider().get(), url);
      }
      apiUrl = server.baseUrl;
      await (await provider().get())!.listTasks({ limit: 1 });
      assert.deepEqual(asked, []);
      assert.equal(server.requests.count({ path: '/v1/tasks' }), 1);
    });
  });
});
