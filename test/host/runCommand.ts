import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT, shownPath } from './projectRoot';

/**
 * Runs a set-up command with its output shown (no stdin: CI has none) and throws when it
 * fails, so a half-done step never passes for a finished one. `tag` prefixes the echoed line.
 */
export function runCommand(tag: string, command: string, args: string[], cwd = PROJECT_ROOT, env: NodeJS.ProcessEnv = {}): void {
  console.log(`[${tag}] ${shownPath(cwd)}$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) {
    const why = result.error?.message ?? (result.signal ? `killed by ${result.signal}` : `exit ${result.status}`);
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} failed (${why})`);
  }
}
