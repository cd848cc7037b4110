import type * as z from 'zod/mini';

/**
 * The first problem zod found, as `where: what`, e.g. `items: expected array`. `whole` names the
 * value itself when the problem is not in one of its fields.
 */
export function describeIssue(issue: z.core.$ZodIssue | undefined, whole: string): string {
  if (!issue) return 'unknown problem';
  const where = issue.path.length ? issue.path.map(String).join('.') : whole;
  return `${where}: ${explain(issue)}`;
}

/** zod/mini ships no English messages, so the common issues are worded here. */
function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A record is what JSON calls an object.
      return `expected ${issue.expected === 'record' ? 'object' : issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'must not be empty' : `too small (minimum ${issue.minimum})`;
    default:
      return issue.message || issue.code;
  }
}
