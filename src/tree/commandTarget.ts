import type { Task } from '../api/taskSchema';
import { TaskNode } from './taskNode';
import { UnreadableNode } from './unreadableNode';

/*
 * What a command was run on. Menus on a row pass its node; the palette passes nothing; other
 * commands and tests pass a task ID. A row the list could not read has no task to act on: it
 * can be opened as the server sent it, and its ID (if any) copied or unpinned, nothing else.
 */

/** The task a command acts on; for an ID, the freshest read the poller holds (or just the ID). */
export function targetTask(argument: unknown, known: (id: string) => Task | undefined): Task | undefined {
  if (argument instanceof TaskNode) return argument.task;
  if (typeof argument === 'string' && argument) return known(argument) ?? { id: argument };
  return undefined;
}

/** The task ID a command acts on, an unreadable row's included. */
export function targetId(argument: unknown): string | undefined {
  if (argument instanceof UnreadableNode) return argument.entry.id;
  if (argument instanceof TaskNode) return argument.task.id;
  return typeof argument === 'string' && argument ? argument : undefined;
}

/** What "Open as JSON" shows: the task, or an unreadable row's item exactly as the server sent it. */
export function targetJson(argument: unknown, known: (id: string) => Task | undefined): unknown {
  return argument instanceof UnreadableNode ? argument.entry.raw : targetTask(argument, known);
}
