/** How long a run may answer 404 before it is taken as never started (the server creates it seconds after "run"). */
export const FOLLOW_TIMEOUT_MS = 2 * 60_000;
/** Waits between looks while the run's task does not exist yet: 1 s, 2 s, 4 s, 8 s, then every 15 s. */
const FIRST_WAIT_MS = 1_000;
const MAX_WAIT_MS = 15_000;

export type FollowState = 'starting' | 'started' | 'neverStarted';

/**
 * One run started with Run Now, from the server's answer until its task exists. The server
 * answers "run" at once and creates the task (id = the answer's `workflow_id`) a few seconds
 * later, and never for a paused or deleted schedule: until then `GET /tasks/{id}` is 404. This
 * decides when to look again and when to give up; the caller makes the requests.
 */
export class RunFollow {
  private looks = 0;
  private nextLookAt: number;
  private current: FollowState = 'starting';

  constructor(
    /** The server's `workflow_id`: the task's ID once it exists. */
    readonly taskId: string,
    readonly scheduleId: string,
    /** When the server accepted the run (ms epoch). */
    readonly startedAt: number,
    private readonly timeoutMs = FOLLOW_TIMEOUT_MS,
  ) {
    this.nextLookAt = startedAt + FIRST_WAIT_MS;
  }

  get state(): FollowState {
    return this.current;
  }

  /** Whether a look is due at `now` (always false once settled). */
  isDue(now: number): boolean {
    return this.current === 'starting' && now >= this.nextLookAt;
  }

  /** When the next look is due, for the log and the row's tooltip. */
  get nextLookDueAt(): number | undefined {
    return this.current === 'starting' ? this.nextLookAt : undefined;
  }

  get lookCount(): number {
    return this.looks;
  }

  /** The task answered 404 at `now`: look again later, or give up after the time limit. */
  notYet(now: number): FollowState {
    this.looks += 1;
    if (this.current !== 'starting') return this.current;
    if (now - this.startedAt >= this.timeoutMs) {
      this.current = 'neverStarted';
      return this.current;
    }
    const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(this.looks, 4));
    this.nextLookAt = Math.min(now + wait, this.startedAt + this.timeoutMs);
    return this.current;
  }

  /** The task exists. */
  found(): void {
    this.looks += 1;
    if (this.current === 'starting') this.current = 'started';
  }
}

/**
 * Why a run may never have started, in words: the server accepts "run" for a paused or deleted
 * schedule and then starts nothing.
 */
export function neverStartedReason(schedule: { readonly enabled?: boolean; readonly status?: string } | undefined): string {
  if (!schedule) return 'The schedule may have been deleted, or the server did not start the export.';
  if (schedule.status === 'deleted' || schedule.status === 'archived') return 'The schedule is deleted: the server accepts a run for it but starts nothing.';
  if (schedule.enabled === false) return 'The schedule is paused: the server accepts a run for it but starts nothing. Resume it and run again.';
  return 'The server accepted the run but created no task. It may be busy or its workflow engine may be down; try again later.';
}
