// First: src/configuration.ts imports `vscode`, which this module stands in for.
import { ConfigurationTarget, settings } from './vscodeStandIn';
import * as assert from 'node:assert/strict';
import { DEFAULT_POLL_SETTINGS } from '../../src/polling/pollSettings';
import { readPollSettings, targetHolding } from '../../src/configuration';

describe('poll settings from configuration', () => {
  afterEach(() => settings.clear());

  it('enforces the manifest\'s bounds, which settings.json does not', () => {
    settings.set('flexprice.refresh.minIntervalSeconds', 0.001);
    settings.set('flexprice.refresh.maxIntervalSeconds', 1e9);
    settings.set('flexprice.refresh.unfocusedMultiplier', 0.01);
    settings.set('flexprice.pageSize', 1e6);
    const read = readPollSettings();
    assert.equal(read.minIntervalMs, 500, 'a 1 ms interval would hammer the server');
    assert.equal(read.maxIntervalMs, 3_600_000);
    assert.equal(read.unfocusedMultiplier, 1);
    assert.equal(read.pageSize, 1000);
  });

  it('falls back to the defaults for values that are not numbers, and keeps max ≥ min', () => {
    settings.set('flexprice.refresh.minIntervalSeconds', '2');
    settings.set('flexprice.pageSize', null);
    settings.set('flexprice.autoRefresh', 'no');
    assert.equal(readPollSettings().minIntervalMs, DEFAULT_POLL_SETTINGS.minIntervalMs);
    assert.equal(readPollSettings().pageSize, DEFAULT_POLL_SETTINGS.pageSize);
    assert.equal(readPollSettings().autoRefresh, true);
    settings.set('flexprice.refresh.minIntervalSeconds', 60);
    settings.set('flexprice.refresh.maxIntervalSeconds', 10);
    assert.equal(readPollSettings().maxIntervalMs, 60_000);
  });

  it('writes the auto-refresh toggle where its value is held', () => {
    assert.equal(targetHolding(undefined), ConfigurationTarget.Global);
    assert.equal(targetHolding({}), ConfigurationTarget.Global);
    assert.equal(targetHolding({ workspaceValue: false }), ConfigurationTarget.Workspace);
  });
});
