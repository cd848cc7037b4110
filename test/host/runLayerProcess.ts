import { spawn } from 'node:child_process';
import { parseResultLine, type LayerResult } from './mochaResult';

export interface LayerRun extends LayerResult {
  seconds: number;
  /** "ok", "failed", or why the layer did not report (crashed, timed out). */
  status: string;
}

const OUTPUT_KEPT_CHARS = 64_000;

/**
 * Runs one layer's launcher (`node <script>`) with its output shown as it comes, and reads the
 * `<label>-RESULT` line it prints. A layer that crashes or times out counts as at least one
 * failure, so a broken layer can never look green.
 */
export function runLayerProcess(script: string, label: string, timeLimitMs: number): Promise<LayerRun> {
  const started = Date.now();
  // Piped to be read, so tell mocha the terminal can show colours when ours can.
  const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS);
  });
  let timedOut = false;
  const stop = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM'); // The launcher turns this into an exit that stops its code-server.
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  }, timeLimitMs);

  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(stop);
      const seconds = Math.round((Date.now() - started) / 1000);
      const reported = parseResultLine(label, output);
      const failed = reported?.failed ?? 0;
      const passed = reported?.passed ?? 0;
      if (timedOut) return resolve({ passed, failed: Math.max(failed, 1), seconds, status: `timed out after ${timeLimitMs / 60_000} min` });
      if (!reported || (code !== 0 && failed === 0)) {
        return resolve({ passed, failed: Math.max(failed, 1), seconds, status: `crashed (${signal ?? `exit ${code}`})` });
      }
      resolve({ passed, failed, seconds, status: failed > 0 ? 'failed' : 'ok' });
    });
  });
}
