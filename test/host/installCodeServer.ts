import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { codeServerVersionForNode } from './codeServerVersion';
import { PROJECT_ROOT } from './projectRoot';

/*
 * Installs code-server (VS Code's server + web workbench) without internet access beyond the
 * npm registry and Debian apt. A plain `npm install code-server` fails here: its install
 * scripts want Kerberos headers, root's --unsafe-perm and a ripgrep download from GitHub.
 * The steps below are the ones proven on this kind of machine; the order matters.
 */

// Debian package → a file that shows it is installed. The compilers build node-pty and friends.
const APT_PACKAGES: Record<string, string> = {
  'libkrb5-dev': '/usr/include/krb5.h',
  ripgrep: '/usr/bin/rg',
  chromium: '/usr/bin/chromium',
  'g++': '/usr/bin/g++',
  make: '/usr/bin/make',
  python3: '/usr/bin/python3',
};
const MARKER = '.installed';

function log(line: string): void {
  console.log(`[code-server] ${line}`);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  log(`${path.relative(PROJECT_ROOT, cwd) || '.'}$ ${command} ${args.join(' ')}`);
  const options: SpawnSyncOptions = { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } };
  const result = spawnSync(command, args, options);
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

export function codeServerDir(version = codeServerVersionForNode()): string {
  return path.join(PROJECT_ROOT, '.vscode-test', `code-server-${version}`);
}

/** Debian packages the build and the browser need; installed only when missing and root. */
function ensureAptPackages(): void {
  const missing = Object.keys(APT_PACKAGES).filter((name) => !existsSync(APT_PACKAGES[name]!));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages ${missing.join(' ')}; install them: sudo apt-get install ${missing.join(' ')}`);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], PROJECT_ROOT, env);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], PROJECT_ROOT, env);
}

function installInto(dir: string, version: string): void {
  const yes = { npm_config_yes: 'true' };
  // Its own package.json stops npm from walking up into the project's package.json.
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${version}`], dir);

  const codeServer = path.join(dir, 'node_modules', 'code-server');
  const vscodeDir = path.join(codeServer, 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
  // An existing bin/ makes @vscode/ripgrep skip its GitHub download; VS Code finds rg there.
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  rmSync(path.join(ripgrepBin, 'rg'), { force: true });
  symlinkSync('/usr/bin/rg', path.join(ripgrepBin, 'rg'));
  // Builds node-pty, spdlog, kerberos, watcher...; `yes` lets node-pty fetch node-gyp from npm.
  run('npm', ['rebuild'], vscodeDir, yes);
  // code-server's own postinstall makes this link; VS Code loads modules through it.
  rmSync(path.join(vscodeDir, 'node_modules.asar'), { force: true, recursive: true });
  symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], path.join(vscodeDir, 'extensions'));
  // argon2 (code-server's password hashing) is hoisted to the cache folder's node_modules.
  run('npm', ['rebuild', 'argon2'], dir, yes);
}

function reportedVersion(bin: string): string {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

/**
 * Returns the path of the cached `code-server` launcher for this Node, installing it first when
 * needed. The marker is written only after `code-server --version` works, so a half-finished
 * install is redone from scratch.
 */
export async function ensureCodeServer(): Promise<string> {
  const version = codeServerVersionForNode();
  const dir = codeServerDir(version);
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  const marker = path.join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8').includes(version) && existsSync(bin)) {
    return bin;
  }
  const started = Date.now();
  log(`installing ${version} into ${path.relative(PROJECT_ROOT, dir)} (one time, about 3 minutes)`);
  ensureAptPackages();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  installInto(dir, version);
  const reported = reportedVersion(bin);
  if (!reported.startsWith(version)) {
    throw new Error(`code-server ${version} installed but \`--version\` printed "${reported}"`);
  }
  writeFileSync(marker, `${reported}\n`);
  log(`ready: ${reported} (installed in ${Math.round((Date.now() - started) / 1000)} s)`);
  return bin;
}
