// First: src/tree imports `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { MessageNode } from '../../../src/tree/messageNode';
import { isKeyError } from '../../../src/tree/treeErrorText';

describe('the tree\'s error row', () => {
  it('offers Set API Key, on click and inline, when the key was refused or not allowed', () => {
    for (const kind of ['unauthorized', 'forbidden'] as const) assert.equal(isKeyError(new FlexpriceApiError(kind, 'no')), true, kind);
    const item = new MessageNode('error', 'Flexprice refused the API key.', undefined, 'setApiKey').toTreeItem();
    assert.equal(item.command?.command, 'flexprice.setApiKey');
    assert.equal(item.contextValue, 'message;error;key');
  });

  it('retries on click for every other error', () => {
    for (const kind of ['unreachable', 'server_error', 'invalid_response', 'http_refused'] as const) {
      assert.equal(isKeyError(new FlexpriceApiError(kind, 'no')), false, kind);
    }
    const item = new MessageNode('error', 'Cannot reach Flexprice.').toTreeItem();
    assert.equal(item.command?.command, 'flexprice.refreshTasks');
    assert.equal(item.contextValue, 'message;error');
  });
});
