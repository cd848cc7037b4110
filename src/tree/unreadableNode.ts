import * as vscode from 'vscode';
import type { UnreadableTask } from '../api/taskSchema';

/**
 * A list item the extension could not read, in place of its task row: it says what is wrong,
 * and a click opens the item as the server sent it (Open as JSON). Copy Task ID works when it
 * has an id, Unwatch when it is pinned; Watch and Open File do not apply.
 */
export class UnreadableNode {
  constructor(
    /** The group it sits in: Unreadable, or Watched for a pinned ID the list could not read. */
    readonly groupKey: string,
    /** Unique among the rows of its group: `id:<id>`, or `#<position>` for a missing or repeated id. */
    readonly key: string,
    readonly entry: UnreadableTask,
    /** Pinned: Unwatch is offered (Watch is not: there is no task to follow). */
    readonly watched = false,
  ) {}

  get label(): string {
    return `Unreadable task${this.entry.id ? ` ${this.entry.id}` : ''}: ${this.entry.problem}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `unreadable:${this.groupKey}/${this.key}`;
    item.tooltip = `${this.label}\nFlexprice sent this task in a shape the extension cannot read. Click to open it as JSON.`;
    item.iconPath = new vscode.ThemeIcon('warning');
    // `task;` offers Copy Task ID and Open as JSON, `task;watched` Unwatch too (package.json menus);
    // `;noid` lets a menu leave out Copy Task ID where there is no ID to copy.
    const id = this.entry.id ? '' : ';noid';
    item.contextValue = this.watched ? `task;watched;unreadable${id}` : `task;unreadable${id}`;
    item.command = { command: 'flexprice.openTaskAsJson', title: 'Open as JSON', arguments: [this] };
    item.accessibilityInformation = { label: `${this.label}. Opens as JSON.` };
    return item;
  }
}

/** The rows of the Unreadable group, keyed so each keeps its tree id while the list is unchanged. */
export function unreadableNodes(groupKey: string, entries: readonly UnreadableTask[], pinned: ReadonlySet<string>): UnreadableNode[] {
  const used = new Set<string>();
  return entries.map((entry, index) => {
    const key = entry.id && !used.has(`id:${entry.id}`) ? `id:${entry.id}` : `#${index}`;
    used.add(key);
    return new UnreadableNode(groupKey, key, entry, entry.id !== undefined && pinned.has(entry.id));
  });
}
