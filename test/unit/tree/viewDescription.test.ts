// First: src/tree imports `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { ViewDescription } from '../../../src/tree/viewDescription';
import { memoryConnections } from '../connections/memoryStores';

describe('the Tasks view\'s description and title', () => {
  it('name the connection in use, mark Production, follow a switch, and put the filter after the name', async () => {
    const parts = memoryConnections();
    const sandbox = await parts.store.add({ name: 'Acme · Sandbox', apiUrl: 'https://sandbox.example.com/v1' });
    const live = await parts.store.add({ name: 'Acme Live', apiUrl: 'https://live.example.com/v1' });
    await parts.store.setIdentity(live.id, { environmentType: 'production', tenantName: 'Acme' });
    const view = { description: undefined, title: undefined } as unknown as vscode.TreeView<never>;
    const description = new ViewDescription(parts.store);
    const subscription = description.attach(view);
    try {
      assert.equal(view.description, 'Acme · Sandbox');
      // Alone in its container, a view shows no description: the title says it too.
      assert.equal(view.title, 'Tasks · Acme · Sandbox');
      await parts.store.setActive(live.id);
      assert.equal(view.description, 'Acme Live · Production');
      assert.equal(view.title, 'Tasks · Acme Live · Production');
      description.setFilter('Filter: FAILED');
      assert.equal(view.description, 'Acme Live · Production — Filter: FAILED');
      await parts.store.remove(live.id);
      await parts.store.remove(sandbox.id);
      assert.equal(view.description, 'Filter: FAILED');
      assert.equal(view.title, 'Tasks');
    } finally {
      subscription.dispose();
      parts.dispose();
    }
  });
});
