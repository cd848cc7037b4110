import { DEFAULT_POLL_SETTINGS } from '../src/polling/pollSettings';
import { bytesPerCycle, hiddenSidebarPanel, staleRequests } from './liveness/livenessRuns';
import type { Section } from './report';

/*
 * What the refresh engine does in the situations that used to go wrong: a panel open with the
 * sidebar hidden, an export stuck for ever, and cycles with large error summaries loaded. Each
 * runs the TaskPoller against its own local server on a compressed clock, so only counts and
 * server-time delays are measured, not wall time.
 */

const SCALE = 30;
const MINUTE = 60_000;

export async function run(): Promise<Section> {
  const stale = await staleRequests(10 * MINUTE, SCALE);
  const hidden = await hiddenSidebarPanel(MINUTE, 5 * MINUTE, SCALE);
  const cycle = await bytesPerCycle(6, 10);
  return {
    id: 'liveness',
    title: 'Refresh engine: hidden sidebar, stuck tasks, bytes per cycle',
    figures: [
      {
        name: 'hidden sidebar: panel sees COMPLETED after',
        value: hidden.delayMs === undefined ? null : hidden.delayMs / 1000,
        unit: 's',
        budget: { max: DEFAULT_POLL_SETTINGS.maxIntervalMs / 1000 },
        how: `view shown once then hidden, a panel watching a running export that was on the loaded page and completes 60 s later; server time from the finish to the panel's update (clock ×${SCALE}); n/a means never within 5 min`,
        details: hidden,
      },
      {
        name: 'hidden sidebar: requests while hidden',
        value: hidden.requests,
        unit: 'requests',
        how: 'every request the server received while the view was hidden (all of them GET /tasks/{id} for the panel\'s task)',
      },
      {
        name: 'stuck export: requests in 10 min',
        value: stale,
        unit: 'requests',
        budget: { max: 1 },
        how: `one export PROCESSING with no change for 3 h, view visible; requests after the first load over 10 min of server time (clock ×${SCALE})`,
      },
      {
        name: 'bytes per cycle, 200 loaded',
        value: Math.round(cycle.meanBytes / 102.4) / 10,
        unit: 'KB',
        budget: { max: 20 },
        how: `4 pages of 50 loaded, 50 FAILED imports with 1,000-entry summaries, one export running (PENDING, then PROCESSING after the 2nd cycle); mean response bytes of 6 timer-driven cycles, from the client's log (${cycle.requestsPerCycle.toFixed(1)} requests per cycle)`,
        details: cycle,
      },
      {
        name: 'bytes per cycle, 200 loaded: largest',
        value: Math.round(cycle.maxBytes / 102.4) / 10,
        unit: 'KB',
        budget: { max: 20 },
        how: 'the largest of those 6 cycles (the one that saw the export change)',
      },
    ],
  };
}
