import type { UnreadableNode } from './unreadableNode';
import type { TreeCommandId } from './treeCommandIds';

/** What the tree's commands can do to a row the list could not read. */
export interface UnreadableActions {
  openAsJson(raw: unknown): unknown;
  copy(text: string): unknown;
  unwatch(id: string): unknown;
}

/**
 * Runs a tree command on an unreadable row: it opens as the server sent it, and its ID (when it
 * has one) can be copied or unpinned. Every other command has nothing to act on and does nothing.
 */
export function runOnUnreadable(command: TreeCommandId, node: UnreadableNode, actions: UnreadableActions): unknown {
  const { id, raw } = node.entry;
  switch (command) {
    case 'flexprice.openTaskAsJson':
      return actions.openAsJson(raw);
    case 'flexprice.copyTaskId':
      return id && actions.copy(id);
    case 'flexprice.unwatchTask':
      return id && actions.unwatch(id);
    default:
      return undefined;
  }
}
