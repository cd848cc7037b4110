import * as assert from 'node:assert/strict';
import { formatDuration, formatLocal, formatRelative } from '../../../src/format/time';

describe('timeFormat', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('says how long ago, in the largest sensible unit', () => {
    assert.equal(formatRelative(ago(10_000), now), 'just now');
    assert.equal(formatRelative(ago(3 * 60_000), now), '3 min ago');
    assert.equal(formatRelative(ago(2 * 3_600_000 + 60_000), now), '2 h ago');
    assert.equal(formatRelative(ago(3 * 86_400_000), now), '3 d ago');
  });

  it('says "in …" for times ahead of this clock (server clock skew)', () => {
    assert.equal(formatRelative(ago(-5 * 60_000), now), 'in 5 min');
  });

  it('formats durations from milliseconds to days', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(42_000), '42 s');
    assert.equal(formatDuration(185_000), '3 min 5 s');
    assert.equal(formatDuration(180_000), '3 min');
    assert.equal(formatDuration(2 * 3_600_000 + 4 * 60_000), '2 h 4 min');
    assert.equal(formatDuration(3 * 86_400_000 + 3_600_000), '3 d 1 h');
    assert.equal(formatDuration(-1), '—');
    assert.equal(formatDuration(Number.NaN), '—');
  });

  it('formats local times in the given zone and locale', () => {
    assert.equal(formatLocal(now, 'en-GB', 'Asia/Kolkata'), '27 Nov 2026, 17:30:00');
    assert.equal(formatLocal(now, 'en-US', 'UTC'), 'Nov 27, 2026, 12:00:00 PM');
  });
});
