import type { GroupNode } from './groupNode';
import type { LoadMoreNode } from './loadMoreNode';
import type { MessageNode } from './messageNode';
import type { StartingRunNode } from './startingRunNode';
import type { TaskNode } from './taskNode';
import type { UnreadableNode } from './unreadableNode';

export type TreeNode = GroupNode | TaskNode | UnreadableNode | MessageNode | LoadMoreNode | StartingRunNode;
