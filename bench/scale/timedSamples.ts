/** One run of a timed step: wall time, and this process's CPU time (less disturbed by other load). */
export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export async function timed(step: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await step();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}
