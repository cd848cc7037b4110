import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { codeServerVersionForNode } from './codeServerVersion';
import { codeServerVersionLine } from './codeServerVersionLine';
import { CODE_SERVER_PACKAGES, ensureDebianPackages } from './debianPackages';
import { hasInstallMarker, removeInstall, writeInstallMarker } from './installMarker';
import { PROJECT_ROOT, shownPath } from './projectRoot';
import { runCommand } from './runCommand';

/*
 * Installs code-server (VS Code's server + web workbench) without internet access beyond the
 * npm registry and Debian apt. A plain `npm install code-server` fails here: its install
 * scripts want Kerberos headers, root's --unsafe-perm and a ripgrep download from GitHub.
 * The steps below are the ones proven on this kind of machine; the order matters.
 */

function log(line: string): void {
  console.log(`[code-server] ${line}`);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  runCommand('code-server', command, args, cwd, env);
}

/** The cache folder: `.vscode-test/` unless FLEXPRICE_HOST_CACHE names another (CI: a fresh one). */
export function codeServerDir(version = codeServerVersionForNode()): string {
  const cache = process.env.FLEXPRICE_HOST_CACHE || path.join(PROJECT_ROOT, '.vscode-test');
  return path.join(path.resolve(cache), `code-server-${version}`);
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

/** What `code-server --version` says about `version`; throws when it does not name it. */
function checkedVersionLine(bin: string, version: string): string {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  const line = result.status === 0 ? codeServerVersionLine(output, version) : undefined;
  if (!line) {
    const why = result.error?.message ?? `exit ${result.status}`;
    throw new Error(`code-server ${version} installed but \`--version\` (${why}) printed no "${version} …" line:\n${output.trim()}`);
  }
  return line;
}

/**
 * Returns the path of the cached `code-server` launcher for this Node, installing it first when
 * needed. Only a marker for this exact version, written after `--version` worked, is trusted;
 * anything else is removed and installed again from scratch.
 */
export async function ensureCodeServer(): Promise<string> {
  // Checked on every call: cheap, and a cached install still needs /usr/bin/rg.
  ensureDebianPackages(CODE_SERVER_PACKAGES);
  const version = codeServerVersionForNode();
  const dir = codeServerDir(version);
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  if (hasInstallMarker(dir, version) && existsSync(bin)) return bin;

  const started = Date.now();
  log(`installing ${version} into ${shownPath(dir)} (one time, 1 to 3 minutes)`);
  removeInstall(dir);
  mkdirSync(dir, { recursive: true });
  installInto(dir, version);
  const reported = checkedVersionLine(bin, version);
  writeInstallMarker(dir, { version, reported });
  log(`ready: ${reported} (installed in ${Math.round((Date.now() - started) / 1000)} s)`);
  return bin;
}
