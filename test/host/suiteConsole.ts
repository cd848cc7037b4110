import { format } from 'node:util';
import type { ConsoleMessage, Page } from 'playwright-core';

/*
 * The workbench logs through the page console: its own chatter and, styled the same way
 * ("%c INFO", "color: #33f", ...args), whatever the extension host logs. We print the suite's
 * output, from its start marker on, as plain text; the rest is kept to explain a hang.
 */

const STYLED_PREFIX = /^%c\s*(INFO|WARN|ERR|TRACE|DEBUG)$/;
const KEPT_LINES = 60;

export interface SuiteConsole {
  /** Recent workbench lines that were not printed (shown when the suite never reports back). */
  unprinted(): string[];
  /** Resolves once every message seen so far is printed. */
  flushed(): Promise<void>;
}

async function plainText(message: ConsoleMessage): Promise<{ text: string; styled: boolean }> {
  const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
  if (args.length >= 2 && typeof args[0] === 'string' && STYLED_PREFIX.test(args[0])) {
    return { text: format(...args.slice(2)), styled: true };
  }
  return { text: message.text(), styled: false };
}

export function forwardSuiteConsole(page: Page, startMarker: string, verbose = Boolean(process.env.VERBOSE)): SuiteConsole {
  let started = false;
  let unprinted: string[] = [];
  // jsonValue() is asynchronous; chaining keeps lines in the order they were logged.
  let queue = Promise.resolve();
  page.on('console', (message) => {
    queue = queue.then(async () => {
      const { text, styled } = await plainText(message);
      if (text.includes(startMarker)) started = true;
      if (verbose || (started && styled)) console.log(text);
      else unprinted = [...unprinted, text].slice(-KEPT_LINES);
    });
  });
  page.on('pageerror', (error) => console.log(`[workbench page error] ${error.message}`));
  return { unprinted: () => unprinted, flushed: () => queue };
}
