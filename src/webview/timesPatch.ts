import type { TaskTimeView, TaskView } from './protocol/taskView';
import { TIME_VIEW_SHAPE } from './protocol/taskViewChecks';

/** What a 'times' message may change: the fields of TaskTimeView, and nothing else it carries. */
const TIME_FIELDS = Object.keys(TIME_VIEW_SHAPE) as (keyof TaskTimeView)[];

/** The task on screen with its times (and whether it stalled) as of now; all else as it was. */
export function withTimes(view: TaskView, times: TaskTimeView): TaskView {
  const patched: Record<string, unknown> = { ...view };
  for (const field of TIME_FIELDS) patched[field] = times[field];
  return patched as unknown as TaskView;
}
