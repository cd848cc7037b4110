/**
 * Turns Ctrl-C and `kill` into a normal exit, so 'exit' hooks run; code-server lives in its own
 * process group and is only stopped by such a hook (see startCodeServer).
 */
export function exitOnSignals(): void {
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}
