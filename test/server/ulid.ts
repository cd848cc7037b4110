import type { Prng } from './prng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID (48-bit time + 80 random bits, Crockford base32) drawn from a seeded generator, so ids sort by creation time like the real ones. */
export function ulid(timeMs: number, random: Prng): string {
  let time = '';
  let remaining = Math.max(0, Math.floor(timeMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[random.int(0, 31)];
  return time + tail;
}

export function taskId(timeMs: number, random: Prng): string {
  return `task_${ulid(timeMs, random)}`;
}
