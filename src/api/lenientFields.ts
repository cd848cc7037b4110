import * as z from 'zod/mini';
import { describeIssue } from './schemaIssue';

/*
 * The pieces every schema here is built from: servers send any field but `id` as missing or
 * null, and a list may hold one item that is not readable among good ones.
 */

/** Accepts the value, null or nothing; null becomes `undefined`. */
export function absentable<T extends z.core.SomeType>(schema: T) {
  return z.optional(z.pipe(z.nullable(schema), z.transform((value) => value ?? undefined)));
}

/** A list item that could not be read: its `id` when it has a non-empty one, the first problem, the item as sent. */
export interface UnreadableItem {
  readonly id?: string;
  /** The first thing wrong with it, e.g. `total_records: expected number`. */
  readonly problem: string;
  /** The item exactly as the server sent it. */
  readonly raw: unknown;
}

/** Reads each item on its own, so that one bad item is set aside rather than failing the list. */
export function readEachItem<T extends z.ZodMiniType>(sent: readonly unknown[], schema: T): { items: z.output<T>[]; unreadable: UnreadableItem[] } {
  const items: z.output<T>[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const raw of sent) {
    const result = schema.safeParse(raw);
    if (result.success) items.push(result.data);
    else unreadable.push(unreadableItem(raw, describeIssue(result.error.issues[0], 'the item')));
  }
  return { items, unreadable };
}

function unreadableItem(raw: unknown, problem: string): UnreadableItem {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
  return typeof id === 'string' && id !== '' ? { id, problem, raw } : { problem, raw };
}
