import * as assert from 'node:assert/strict';
import { formatIntervalShort, formatIntervalUtc, formatIntervalWords } from '../../../src/format/dataInterval';

const at = (text: string) => new Date(text);
const NOW = at('2026-12-02T10:00:00Z');

describe('formatIntervalShort', () => {
  it('writes whole UTC days without times', () => {
    assert.equal(formatIntervalShort(at('2026-11-30T00:00:00Z'), at('2026-12-01T00:00:00Z'), NOW), 'Nov 30 → Dec 1');
    assert.equal(formatIntervalShort(at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'), NOW), 'Nov 1 → Dec 1');
  });

  it('adds times otherwise, writing the same day once', () => {
    assert.equal(formatIntervalShort(at('2026-11-30T10:15:00Z'), at('2026-11-30T11:15:00Z'), NOW), 'Nov 30 10:15 → 11:15');
    assert.equal(formatIntervalShort(at('2026-11-30T23:45:00Z'), at('2026-12-01T00:00:00Z'), NOW), 'Nov 30 23:45 → Dec 1 00:00');
    assert.equal(formatIntervalShort(at('2026-11-30T10:00:00Z'), at('2026-11-30T10:00:30Z'), NOW), 'Nov 30 10:00:00 → 10:00:30', 'seconds only where a bound has some');
  });

  it('is in UTC whatever the offset the server wrote', () => {
    assert.equal(formatIntervalShort(at('2026-11-30T01:00:00+01:00'), at('2026-12-01T01:00:00+01:00'), NOW), 'Nov 30 → Dec 1');
  });

  it('names the year only when a bound is not in the current one', () => {
    assert.equal(formatIntervalShort(at('2025-12-31T00:00:00Z'), at('2026-01-01T00:00:00Z'), NOW), 'Dec 31, 2025 → Jan 1, 2026');
    assert.equal(formatIntervalShort(at('2025-11-30T10:15:00Z'), at('2025-11-30T11:15:00Z'), NOW), 'Nov 30, 2025 10:15 → 11:15');
    assert.equal(formatIntervalShort(at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z'), at('2026-12-31T23:59:59Z')), 'Jan 1 → Jan 2');
  });
});

describe('formatIntervalWords', () => {
  it('writes both bounds with year and time, in UTC, with the span', () => {
    assert.equal(formatIntervalWords(at('2026-11-30T00:00:00Z'), at('2026-12-01T00:00:00Z'), NOW), 'Nov 30, 2026, 00:00 → Dec 1, 2026, 00:00 UTC (1 day)');
    assert.equal(formatIntervalWords(at('2026-11-01T00:00:00Z'), at('2026-11-08T06:00:00Z'), NOW), 'Nov 1, 2026, 00:00 → Nov 8, 2026, 06:00 UTC (7 days 6 h)');
  });

  it('writes a day once when both bounds are on it', () => {
    assert.equal(formatIntervalWords(at('2026-11-30T10:15:00Z'), at('2026-11-30T10:30:00Z'), NOW), 'Nov 30, 2026, 10:15 → 10:30 UTC (15 min)');
    assert.equal(formatIntervalWords(at('2026-11-30T10:00:00Z'), at('2026-11-30T11:30:00Z'), NOW), 'Nov 30, 2026, 10:00 → 11:30 UTC (1 h 30 min)');
    assert.equal(formatIntervalWords(at('2026-11-30T10:00:00Z'), at('2026-11-30T10:00:45Z'), NOW), 'Nov 30, 2026, 10:00:00 → 10:00:45 UTC (45 s)');
    assert.equal(formatIntervalWords(at('2026-11-30T10:00:00Z'), at('2026-11-30T10:00:00Z'), NOW), 'Nov 30, 2026, 10:00 → 10:00 UTC (0 s)');
  });

  it('says when an interval still running ends (a run now exports the current one)', () => {
    assert.equal(formatIntervalWords(at('2026-12-02T00:00:00Z'), at('2026-12-03T00:00:00Z'), NOW), 'Dec 2, 2026, 00:00 → Dec 3, 2026, 00:00 UTC (1 day, ends in 14 h)');
  });
});

describe('formatIntervalUtc', () => {
  it('writes RFC 3339 in UTC, milliseconds only when there are some', () => {
    assert.equal(formatIntervalUtc(at('2026-11-30T00:00:00Z'), at('2026-12-01T00:00:00Z')), '2026-11-30T00:00:00Z → 2026-12-01T00:00:00Z');
    assert.equal(formatIntervalUtc(at('2026-11-30T01:00:00.250+01:00'), at('2026-12-01T00:00:00Z')), '2026-11-30T00:00:00.250Z → 2026-12-01T00:00:00Z');
  });
});
