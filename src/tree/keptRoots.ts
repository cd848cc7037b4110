import type { Task } from '../api/taskSchema';
import { formatClock, formatRelative } from '../format/time';
import { GroupNode } from './groupNode';
import type { KeptPage } from './keptPages';
import { MessageNode } from './messageNode';
import { groupTasks, type GroupMode } from './taskGroups';
import { TaskNode } from './taskNode';
import type { TreeNode } from './treeNode';
import type { KeyValueStore } from '../storage/boundedIdList';
import { watchedTaskIds } from '../storage/boundedIdList';
import { GROUP_BY_TYPE_KEY } from './taskGroups';
import { KeptPages } from './keptPages';

export const WATCHED_GROUP = 'watched';

/** "As of 10:42 — refreshing…", or "not refreshed" when the first read failed (the error row says why). */
export function keptMarkNode(kept: KeptPage, now: Date, failed: boolean): MessageNode {
  const at = new Date(kept.savedAt);
  return new MessageNode('kept', `As of ${formatClock(at, now)}`, failed ? 'not refreshed' : 'refreshing…', 'retry', `Tasks as last read, ${formatRelative(at, now)}.`);
}

/**
 * The tree as a kept page shows it before anything is read: the mark, the Watched group, the
 * groups. Built at activation (no zod, no client) so the rows come before the heavy half
 * loads; the same ids as the live rows', so VS Code keeps their place and expansion.
 */
export function keptRoots(kept: KeptPage, options: { readonly mode: GroupMode; readonly watched: readonly string[]; readonly now: Date }): TreeNode[] {
  const byId = new Map(kept.tasks.map((task) => [task.id, task]));
  const watched = new Set(options.watched);
  const node = (group: string, task: Task) => new TaskNode(group, task, watched.has(task.id), false);
  const roots: TreeNode[] = [keptMarkNode(kept, options.now, false)];
  if (watched.size > 0) roots.push(new GroupNode(WATCHED_GROUP, 'Watched', [...watched].map((id) => node(WATCHED_GROUP, byId.get(id) ?? { id }))));
  for (const group of groupTasks(kept.tasks, options.mode)) roots.push(new GroupNode(group.key, group.title, group.tasks.map((task) => node(group.key, task))));
  return roots;
}

/** The kept tree of a connection as activation can build it from storage alone; undefined without a kept page. */
export function keptRootsAtStart(state: KeyValueStore, connectionId: string, now: Date): TreeNode[] | undefined {
  const page = new KeptPages(state).load(connectionId);
  if (!page) return undefined;
  const mode: GroupMode = state.get<boolean>(GROUP_BY_TYPE_KEY) ? 'type' : 'status';
  return keptRoots(page, { mode, watched: watchedTaskIds(state, () => connectionId).list(), now });
}
