import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from './freePort';
import { ensureCodeServer } from './installCodeServer';

export { ensureCodeServer } from './installCodeServer';

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** Defaults to a fresh temp dir per run, so runs never share state. */
  userDataDir?: string;
  extensionsDir?: string;
  /** User settings, merged over quiet defaults. */
  settings?: object;
  /** Extra environment for code-server and its extension host; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Defaults to a free port. */
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  close(): Promise<void>;
}

// No welcome page, no trust prompt, nothing that reaches for the internet on its own.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
};
const START_LIMIT_MS = 90_000;
const LOG_TAIL_CHARS = 4_000;

async function answersHealthz(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers /healthz. It runs in its own
 * process group so close() also ends the extension host and other helpers it spawned.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const bin = await ensureCodeServer();
  const scratch = mkdtempSync(path.join(tmpdir(), 'flexprice-code-server-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = { ...QUIET_SETTINGS, ...options.settings };
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, options.folder];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });

  // Kept only to explain a failed start; `CODE_SERVER_LOG=1` streams it instead.
  let log = '';
  const keep = (chunk: Buffer) => {
    if (process.env.CODE_SERVER_LOG) process.stderr.write(chunk);
    log = (log + chunk.toString()).slice(-LOG_TAIL_CHARS);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  // If this process dies first, code-server must not outlive it.
  const killOnExit = () => {
    killGroup('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  const close = async () => {
    process.removeListener('exit', killOnExit);
    if (running) {
      killGroup('SIGTERM');
      const forced = setTimeout(() => killGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    killGroup('SIGKILL'); // Helpers that ignored SIGTERM.
    rmSync(scratch, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_LIMIT_MS;
  while (!(await answersHealthz(url))) {
    if (!running || Date.now() > deadline) {
      await close();
      throw new Error(`code-server did not start on ${url}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, port, userDataDir, extensionsDir, close };
}
