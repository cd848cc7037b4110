import type * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

export interface TreeSnapshotRow {
  readonly depth: number;
  readonly id?: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly icon?: string;
}

/** The tree as the user sees it, row by row; for integration tests (they cannot read the UI). */
export async function treeSnapshot(provider: vscode.TreeDataProvider<TreeNode>): Promise<TreeSnapshotRow[]> {
  const rows: TreeSnapshotRow[] = [];
  const walk = async (node: TreeNode | undefined, depth: number) => {
    for (const child of (await provider.getChildren(node)) ?? []) {
      const item = await provider.getTreeItem(child);
      rows.push({
        depth,
        id: item.id,
        label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
        description: typeof item.description === 'string' ? item.description : undefined,
        contextValue: item.contextValue,
        icon: (item.iconPath as { id?: string } | undefined)?.id,
      });
      if (item.collapsibleState) await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return rows;
}
