import type { PollSettings } from './pollSettings';

/** The interval grows by this factor after each cycle in which nothing changed. */
export const GROWTH_FACTOR = 1.5;
/** Error backoff never waits longer than this (unless the server's Retry-After says so). */
export const MAX_BACKOFF_MS = 5 * 60_000;

/** The next interval after a successful cycle: back to the minimum on a change, else 1.5× up to the maximum. */
export function nextInterval(current: number, changed: boolean, settings: PollSettings): number {
  if (changed) return settings.minIntervalMs;
  return Math.min(settings.maxIntervalMs, Math.max(settings.minIntervalMs, current * GROWTH_FACTOR));
}

/**
 * The wait after the n-th failure in a row (n ≥ 1): exponential from the minimum interval, with
 * "equal jitter" (half fixed, half random) so many windows do not retry in step.
 */
export function backoffDelay(failures: number, settings: PollSettings, random: () => number): number {
  const ceiling = Math.max(MAX_BACKOFF_MS, settings.maxIntervalMs);
  const base = Math.min(ceiling, settings.minIntervalMs * 2 ** failures);
  return base / 2 + random() * (base / 2);
}
