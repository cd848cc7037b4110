/**
 * What `flexprice.peekTask` (in core) answers for a hover: plain text only, already formatted,
 * so activation needs neither the client nor the formatters. Every field may hold the server's
 * text: the hover escapes each one.
 */
export interface TaskPeek {
  readonly id: string;
  /** `COMPLETED`, `FAILED`, …; undefined when the task could not be read. */
  readonly status?: string;
  /** `EXPORT · CREDIT_USAGE`. */
  readonly what?: string;
  /** `1,234 processed · 1,200 successful · 34 failed`. */
  readonly counts?: string;
  /** `updated 5 min ago`. */
  readonly age?: string;
  /** The connection it was read with (or would be). */
  readonly connection?: string;
  /** Why it could not be read: not found, no key, unreachable… */
  readonly problem?: string;
}

export const PEEK_TASK_COMMAND = 'flexprice.peekTask';
export const GET_TASK_COMMAND = 'flexprice.getTask';
