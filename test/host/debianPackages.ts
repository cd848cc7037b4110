import { existsSync } from 'node:fs';
import { runCommand } from './runCommand';

/*
 * The one place that installs the Debian packages the offline VS Code host needs, used by the
 * code-server install and by every Chromium launch (tests, bench, demo), so a fresh machine
 * gets them the same way whichever of those runs first.
 */

/** A Debian package and a file that is there once it is installed. */
export interface DebianPackage {
  name: string;
  provides: string;
}

/** Building code-server's native modules (kerberos needs the headers) and its search (rg). */
export const CODE_SERVER_PACKAGES: DebianPackage[] = [
  { name: 'libkrb5-dev', provides: '/usr/include/krb5.h' },
  { name: 'ripgrep', provides: '/usr/bin/rg' },
  { name: 'g++', provides: '/usr/bin/g++' },
  { name: 'make', provides: '/usr/bin/make' },
  { name: 'python3', provides: '/usr/bin/python3' },
];

export const CHROMIUM: DebianPackage = { name: 'chromium', provides: '/usr/bin/chromium' };

/** What installing touches; tests replace it. */
export interface PackageSystem {
  exists(file: string): boolean;
  isRoot(): boolean;
  run(command: string, args: string[]): void;
}

const DEBIAN: PackageSystem = {
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  run: (command, args) => runCommand('debian', command, args, undefined, { DEBIAN_FRONTEND: 'noninteractive' }),
};

/** Installs those of `packages` that are missing (as root); cheap when none is. */
export function ensureDebianPackages(packages: DebianPackage[], system: PackageSystem = DEBIAN): void {
  const missing = packages.filter((item) => !system.exists(item.provides)).map((item) => item.name);
  if (missing.length === 0) return;
  if (!system.isRoot()) {
    throw new Error(`Missing Debian packages ${missing.join(' ')}; install them: sudo apt-get install ${missing.join(' ')}`);
  }
  // Finishes an install that was interrupted earlier; apt-get refuses to run until that is done.
  system.run('dpkg', ['--configure', '-a']);
  // A fresh machine has no package lists, an old one stale lists.
  system.run('apt-get', ['update']);
  system.run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
}
