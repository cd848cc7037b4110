/**
 * The line of `code-server --version` output that starts with `version`, such as
 * "4.100.3 2ef0d2b with Code 1.100.3", or undefined when none does. Found by pattern, not by
 * position: the first run on a machine prints "… info  Wrote default config file to …" first.
 */
export function codeServerVersionLine(output: string, version: string): string | undefined {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The version must stand alone: 4.100.3 is not 4.100.30 nor 4.100.3-rc.
  const pattern = new RegExp(`^${escaped}(\\s|$)`);
  return output.split(/\r?\n/).map((line) => line.trim()).find((line) => pattern.test(line));
}
