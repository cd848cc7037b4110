import * as assert from 'node:assert/strict';
import { DEFAULT_API_URL } from '../../../src/connections/connection';
import { connectionsFromEnvironment, ENVIRONMENT_KEY_CONNECTION_ID } from '../../../src/connections/environmentConnections';

const KEY = 'fp_env_key_SECRET_9f1';

describe('connections from the environment', () => {
  it('are none when nothing is set', () => {
    assert.deepEqual(connectionsFromEnvironment({}), { connections: [], problems: [] });
    assert.deepEqual(connectionsFromEnvironment({ FLEXPRICE_API_KEY: '  ', FLEXPRICE_CONNECTIONS: ' ' }), { connections: [], problems: [] });
  });

  describe('FLEXPRICE_API_KEY', () => {
    it('is one connection at the default URL when nothing else says where', () => {
      const { connections, problems } = connectionsFromEnvironment({ FLEXPRICE_API_KEY: ` ${KEY} ` });
      assert.deepEqual(problems, []);
      assert.deepEqual(connections, [
        { key: KEY, connection: { id: ENVIRONMENT_KEY_CONNECTION_ID, name: 'FLEXPRICE_API_KEY', apiUrl: DEFAULT_API_URL, origin: 'environment' } },
      ]);
      assert.equal(ENVIRONMENT_KEY_CONNECTION_ID, 'env:FLEXPRICE_API_KEY');
    });

    it('goes to FLEXPRICE_API_URL with FLEXPRICE_ENVIRONMENT_ID, over the old settings', () => {
      const { connections } = connectionsFromEnvironment(
        { FLEXPRICE_API_KEY: KEY, FLEXPRICE_API_URL: ' http://127.0.0.1:8787/v1 ', FLEXPRICE_ENVIRONMENT_ID: 'env_from_env' },
        { apiUrl: 'https://old.example.com/v1', environmentId: 'env_old' },
      );
      assert.equal(connections[0].connection.apiUrl, 'http://127.0.0.1:8787/v1');
      assert.equal(connections[0].connection.environmentId, 'env_from_env');
    });

    it('goes to the old apiUrl and environmentId settings when FLEXPRICE_API_URL is not set', () => {
      const { connections } = connectionsFromEnvironment({ FLEXPRICE_API_KEY: KEY }, { apiUrl: ' https://old.example.com/v1 ', environmentId: ' env_old ' });
      assert.deepEqual(connections[0].connection, {
        id: ENVIRONMENT_KEY_CONNECTION_ID,
        name: 'FLEXPRICE_API_KEY',
        apiUrl: 'https://old.example.com/v1',
        environmentId: 'env_old',
        origin: 'environment',
      });
    });

    it('with an unusable URL is a problem, not a guess at another URL', () => {
      const { connections, problems } = connectionsFromEnvironment({ FLEXPRICE_API_KEY: KEY, FLEXPRICE_API_URL: 'us.api.flexprice.io' });
      assert.deepEqual(connections, []);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /^FLEXPRICE_API_KEY: Not a URL/);
    });
  });

  describe('FLEXPRICE_CONNECTIONS', () => {
    it('adds one connection an entry, after FLEXPRICE_API_KEY\'s', () => {
      const listed = JSON.stringify([
        { name: 'CI Sandbox', apiUrl: 'https://us.api.flexprice.io/v1', apiKey: 'fp_ci_sandbox' },
        { name: ' CI Production ', apiUrl: ' https://billing.example.com/v1 ', apiKey: ' fp_ci_production ', environmentId: ' env_prod ' },
      ]);
      const { connections, problems } = connectionsFromEnvironment({ FLEXPRICE_API_KEY: KEY, FLEXPRICE_CONNECTIONS: listed });
      assert.deepEqual(problems, []);
      assert.deepEqual(connections, [
        { key: KEY, connection: { id: ENVIRONMENT_KEY_CONNECTION_ID, name: 'FLEXPRICE_API_KEY', apiUrl: DEFAULT_API_URL, origin: 'environment' } },
        { key: 'fp_ci_sandbox', connection: { id: 'env:CI Sandbox', name: 'CI Sandbox', apiUrl: 'https://us.api.flexprice.io/v1', origin: 'environment' } },
        {
          key: 'fp_ci_production',
          connection: { id: 'env:CI Production', name: 'CI Production', apiUrl: 'https://billing.example.com/v1', environmentId: 'env_prod', origin: 'environment' },
        },
      ]);
    });

    it('that is not a JSON array is a problem, and FLEXPRICE_API_KEY still counts', () => {
      for (const listed of ['[{"name": "x",', '{"name":"A","apiUrl":"https://a.example.com/v1","apiKey":"k"}', '"text"', 'null']) {
        const { connections, problems } = connectionsFromEnvironment({ FLEXPRICE_API_KEY: KEY, FLEXPRICE_CONNECTIONS: listed });
        assert.deepEqual(connections.map(({ connection }) => connection.id), [ENVIRONMENT_KEY_CONNECTION_ID], listed);
        assert.deepEqual(problems, ['FLEXPRICE_CONNECTIONS is not a JSON array; it is ignored.'], listed);
      }
    });

    it('skips entries missing a field, or with a bad URL, saying which; the others are kept', () => {
      const listed = JSON.stringify([
        { name: 'No key', apiUrl: 'https://a.example.com/v1' },
        { apiUrl: 'https://b.example.com/v1', apiKey: 'fp_b' },
        { name: 'Blank URL', apiUrl: '  ', apiKey: 'fp_c' },
        { name: 'Number key', apiUrl: 'https://d.example.com/v1', apiKey: 42 },
        null,
        'Good',
        { name: 'Bad URL', apiUrl: 'ftp://e.example.com', apiKey: 'fp_e_SECRET' },
        { name: 'Good', apiUrl: 'https://good.example.com/v1', apiKey: 'fp_good' },
      ]);
      const { connections, problems } = connectionsFromEnvironment({ FLEXPRICE_CONNECTIONS: listed });
      assert.deepEqual(connections.map(({ connection }) => connection.name), ['Good']);
      const needs = 'needs "name", "apiUrl" and "apiKey".';
      assert.deepEqual(problems, [
        `FLEXPRICE_CONNECTIONS[0]: ${needs}`,
        `FLEXPRICE_CONNECTIONS[1]: ${needs}`,
        `FLEXPRICE_CONNECTIONS[2]: ${needs}`,
        `FLEXPRICE_CONNECTIONS[3]: ${needs}`,
        `FLEXPRICE_CONNECTIONS[4]: ${needs}`,
        `FLEXPRICE_CONNECTIONS[5]: ${needs}`,
        'FLEXPRICE_CONNECTIONS[6]: Use an http:// or https:// URL.',
      ]);
      assert.ok(problems.every((problem) => !problem.includes('SECRET')), 'no key in a problem');
    });

    it('keeps the first of two entries with the same name in any case, and says so', () => {
      const listed = JSON.stringify([
        { name: 'Acme', apiUrl: 'https://a.example.com/v1', apiKey: 'fp_first' },
        { name: 'ACME', apiUrl: 'https://b.example.com/v1', apiKey: 'fp_second' },
        { name: 'flexprice_api_key', apiUrl: 'https://c.example.com/v1', apiKey: 'fp_third' },
      ]);
      const { connections, problems } = connectionsFromEnvironment({ FLEXPRICE_API_KEY: KEY, FLEXPRICE_CONNECTIONS: listed });
      assert.deepEqual(connections.map(({ key }) => key), [KEY, 'fp_first']);
      assert.deepEqual(problems, [
        'FLEXPRICE_CONNECTIONS[1]: the name "ACME" is used twice.',
        'FLEXPRICE_CONNECTIONS[2]: the name "flexprice_api_key" is used twice.',
      ]);
    });
  });
});
