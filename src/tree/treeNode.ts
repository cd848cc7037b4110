import type { GroupNode } from './groupNode';
import type { LoadMoreNode } from './loadMoreNode';
import type { MessageNode } from './messageNode';
import type { TaskNode } from './taskNode';

export type TreeNode = GroupNode | TaskNode | MessageNode | LoadMoreNode;
