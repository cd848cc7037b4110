import type Mocha from 'mocha';

export interface LayerResult {
  passed: number;
  failed: number;
}

/** The line a layer prints last, so its launcher can count without parsing the spec output. */
export function resultLine(label: string, result: LayerResult): string {
  return `${label}-RESULT ${JSON.stringify(result)}`;
}

/** The line a layer prints before its first test; output before it is set-up noise. */
export function startLine(label: string, files: number): string {
  return `${label}-START ${JSON.stringify({ files })}`;
}

/** Finds the `<label>-RESULT {...}` line in some output; undefined when it is not there. */
export function parseResultLine(label: string, text: string): LayerResult | undefined {
  const match = new RegExp(`${label}-RESULT (\\{[^}]*\\})`).exec(text);
  if (!match) return undefined;
  const parsed = JSON.parse(match[1]!) as Partial<LayerResult>;
  return { passed: Number(parsed.passed ?? 0), failed: Number(parsed.failed ?? 0) };
}

/** Runs a configured Mocha and counts passes and failures (a failing hook counts as a failure). */
export function runMocha(mocha: Mocha): Promise<LayerResult> {
  return new Promise((resolve) => {
    let passed = 0;
    const runner = mocha.run((failed) => resolve({ passed, failed }));
    runner.on('pass', () => passed++);
  });
}
