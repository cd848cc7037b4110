/*
 * Reads one extension's row from VS Code's "Extension Activation Stats" table (the markdown
 * that "Developer: Startup Performance" shows), and the same durations from the extension
 * host's performance marks, which back it up when the table is missing.
 */

export interface ActivationTimes {
  /** require() of the extension's main file. */
  loadCodeMs: number;
  /** activate(): the call plus the wait for the promise it returned (Call + Finish Activate). */
  activateMs: number;
  /** The synchronous call alone and the wait after it; the table has them, the marks do not. */
  callActivateMs?: number;
  finishActivateMs?: number;
  /** What activated it, e.g. onView:flexprice.tasks, or api. */
  event?: string;
  source: 'Startup Performance table' | 'extension host marks';
}

export function fromStartupPerformance(text: string | undefined, extensionId: string): ActivationTimes | undefined {
  const lines = (text ?? '').split('\n');
  const heading = lines.findIndex((line) => line.trim() === '## Extension Activation Stats');
  if (heading < 0) return undefined;
  const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const header = lines.slice(heading + 1).find((line) => line.startsWith('|'));
  const row = lines.slice(heading + 1).find((line) => line.startsWith('|') && cells(line)[0] === extensionId);
  if (!header || !row) return undefined;
  const columns = cells(header);
  const values = cells(row);
  const number = (name: string) => Number(values[columns.indexOf(name)]);
  const [loadCodeMs, callActivateMs, finishActivateMs] = [number('Load Code'), number('Call Activate'), number('Finish Activate')];
  if (![loadCodeMs, callActivateMs, finishActivateMs].every(Number.isFinite)) return undefined;
  return {
    loadCodeMs,
    activateMs: callActivateMs + finishActivateMs,
    callActivateMs,
    finishActivateMs,
    event: values[columns.indexOf('Event')],
    source: 'Startup Performance table',
  };
}

/** willActivate → didActivate spans the call and the returned promise, so it is Call + Finish. */
export function fromMarks(marks: Record<string, number>): ActivationTimes | undefined {
  const { willLoadExtensionCode, didLoadExtensionCode, willActivateExtension, didActivateExtension } = marks;
  if ([willLoadExtensionCode, didLoadExtensionCode, willActivateExtension, didActivateExtension].some((mark) => mark === undefined)) {
    return undefined;
  }
  return {
    loadCodeMs: didLoadExtensionCode! - willLoadExtensionCode!,
    activateMs: didActivateExtension! - willActivateExtension!,
    source: 'extension host marks',
  };
}
