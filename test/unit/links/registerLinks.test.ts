// First: the link code imports `vscode`, which this module stands in for.
import * as standIn from '../vscodeStandIn';
import { languageProviders, LinkUri, MarkdownString, Range, visibleRangeListeners, window } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { MARGIN_LINES, MAX_DOCUMENT_CHARS, registerTaskLinks, taskDocumentLinks, taskIdAtPosition, WHOLE_DOCUMENT_CHARS } from '../../../src/links/registerLinks';
import { taskHoverMarkdown } from '../../../src/links/taskHover';
import { textDocument } from './textDocument';

const TASK = 'task_01HZX3M9Q8R7T6V5W4Y3Z2A1B0';
const OTHER = 'task_01J00000000000000000000000';
const RUN = '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z';

const linked = (links: vscode.DocumentLink[]) => links.map((link) => decodeURIComponent(String(link.target)));
const target = (id: string) => `command:flexprice.getTask?${JSON.stringify([id])}`;
const lines = (shown: vscode.Range) => [shown.start.line, shown.end.line];
const range = (...at: [number, number, number, number]) => new Range(...at) as unknown as vscode.Range;

/** A log of `count` lines, each about 100 characters, with `id` on the lines `withId` picks. */
function log(count: number, withId: (line: number) => string | undefined): string {
  const rows: string[] = [];
  for (let line = 0; line < count; line++) {
    const id = withId(line);
    rows.push(`2026-12-02T10:00:00Z INFO worker-${line % 7} ${id ? `finished ${id}` : 'heartbeat ok'} ${'.'.repeat(40)}`);
  }
  return rows.join('\n');
}

/** The panel tests put a Uri of their own on the stand-in; links need the one that parses. */
function withLinkUri(): void {
  let replaced: unknown;
  before(() => {
    replaced = standIn.Uri;
    Object.assign(standIn, { Uri: LinkUri });
  });
  after(() => void Object.assign(standIn, { Uri: replaced }));
}

describe('task ID links in documents', () => {
  withLinkUri();
  it('links every ID of a small document to Get Task with that ID, where the ID is', () => {
    const document = textDocument(`first ${TASK}\n  "${RUN}",\nnothing here\r\n${TASK}`);
    const links = taskDocumentLinks(document, []);
    assert.deepEqual(linked(links), [target(TASK), target(RUN), target(TASK)]);
    assert.deepEqual(links.map((link) => [link.range.start.line, link.range.start.character, link.range.end.character]), [
      [0, 6, 6 + TASK.length],
      [1, 3, 3 + RUN.length],
      [3, 0, TASK.length],
    ]);
    assert.ok(links.every((link) => link.tooltip === 'Open Flexprice task'));
  });

  it('in a large document, scans only what the editors show with a margin', () => {
    const text = log(10_000, (line) => (line % 10 === 0 ? TASK : undefined));
    assert.ok(text.length > WHOLE_DOCUMENT_CHARS);
    const document = textDocument(text);
    const links = taskDocumentLinks(document, [range(5000, 0, 5040, 0)]);
    const found = links.map((link) => link.range.start.line);
    assert.equal(found[0], 5000 - MARGIN_LINES);
    assert.equal(found[found.length - 1], 5040 + MARGIN_LINES);
    assert.equal(found.length, (40 + 2 * MARGIN_LINES) / 10 + 1);
    // Two editors on the same document, apart and overlapping: each ID once.
    const two = taskDocumentLinks(document, [range(100, 0, 140, 0), range(9000, 0, 9040, 0), range(120, 0, 150, 0)]);
    const starts = two.map((link) => link.range.start.line);
    assert.deepEqual(starts, [...new Set(starts)].sort((a, b) => a - b));
    assert.ok(starts.includes(100) && starts.includes(9000) && !starts.includes(5000));
    // Shown nowhere (asked by a command): the first screen.
    assert.deepEqual(lines(taskDocumentLinks(document, [])[0]!.range), [0, 0]);
  });

  it('reads nothing at all of a document over the limit', () => {
    const text = `${TASK}\n`.repeat(Math.ceil(MAX_DOCUMENT_CHARS / (TASK.length + 1)) + 1);
    const document = textDocument(text);
    let reads = 0;
    const counted = Object.assign(Object.create(document) as vscode.TextDocument, { getText: () => (reads++, '') });
    assert.deepEqual(taskDocumentLinks(counted, [range(0, 0, 40, 0)]), []);
    assert.equal(taskIdAtPosition(counted, range(0, 0, 0, 0).start), undefined);
    assert.equal(reads, 0);
  });

  it('on one very long line, scans around the visible characters and invents no ID at a cut', () => {
    const filler = '.'.repeat(600_000);
    // The window's edge falls inside "xtask_…": cut there it would look like an ID.
    const text = `${filler}${TASK} ${OTHER}${filler}x${TASK}${filler}`;
    const document = textDocument(text);
    const at = filler.length;
    const links = taskDocumentLinks(document, [range(0, at - 10, 0, at + 100)]);
    assert.deepEqual(linked(links), [target(TASK), target(OTHER)]);
    const far = text.indexOf(`x${TASK}`, at + 100) + 1;
    assert.deepEqual(taskDocumentLinks(document, [range(0, far + 3, 0, far + 20)]), []);
    assert.equal(taskIdAtPosition(document, document.positionAt(at + 5))?.id, TASK);
    assert.equal(taskIdAtPosition(document, document.positionAt(far + 5)), undefined);
  });

  it('registers the document links, the hover and the terminal links, scanning what visible editors show', async () => {
    const before = languageProviders.length;
    const registration = registerTaskLinks();
    try {
      const added = languageProviders.slice(before);
      assert.deepEqual(added.map((entry) => entry.kind).sort(), ['hover', 'link', 'terminal']);
      const provider = added.find((entry) => entry.kind === 'link')!.provider as vscode.DocumentLinkProvider;
      const document = textDocument(log(10_000, (line) => (line === 7000 ? RUN : line === 10 ? TASK : undefined)), 'file:///logs/app.log');
      window.visibleTextEditors = [{ document: textDocument('', 'file:///other.log'), visibleRanges: [range(0, 0, 50, 0)] }, { document, visibleRanges: [range(6990, 0, 7020, 0)] }];
      assert.deepEqual(linked(provider.provideDocumentLinks(document, undefined as never) as vscode.DocumentLink[]), [target(RUN)]);

      const terminal = added.find((entry) => entry.kind === 'terminal')!.provider as vscode.TerminalLinkProvider<vscode.TerminalLink & { taskId: string }>;
      const line = `$ ./export.sh → started ${TASK} (x${OTHER})`;
      const [link, ...more] = terminal.provideTerminalLinks({ line, terminal: undefined as never }, undefined as never) as (vscode.TerminalLink & { taskId: string })[];
      assert.deepEqual([link!.startIndex, link!.length, link!.taskId, link!.tooltip, more.length], [line.indexOf(TASK), TASK.length, TASK, 'Open Flexprice task', 0]);
      const ran: unknown[][] = [];
      const execute = standIn.commands.executeCommand;
      standIn.commands.executeCommand = async (...args: unknown[]) => void ran.push(args);
      try {
        await terminal.handleTerminalLink(link!);
      } finally {
        standIn.commands.executeCommand = execute;
      }
      assert.deepEqual(ran, [['flexprice.getTask', TASK]]);
    } finally {
      window.visibleTextEditors = [];
      registration.dispose();
    }
    assert.equal(languageProviders.length, before);
  });

  it('has VS Code ask again for the links of a large document once it scrolls past what was scanned', async () => {
    const before = languageProviders.length;
    const registration = registerTaskLinks();
    try {
      const provider = () => languageProviders.slice(before).find((entry) => entry.kind === 'link')!.provider as vscode.DocumentLinkProvider;
      const first = provider();
      const document = textDocument(log(10_000, (line) => (line % 10 === 0 ? TASK : undefined)), 'file:///logs/app.log');
      const editor = { document, visibleRanges: [range(0, 0, 40, 0)] };
      window.visibleTextEditors = [editor];
      first.provideDocumentLinks(document, undefined as never);
      const scroll = (shown: vscode.Range) => visibleRangeListeners.forEach((listener) => listener({ textEditor: editor, visibleRanges: [shown] }));
      scroll(range(10, 0, 50, 0)); // still inside what was scanned (with its margin)
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(provider(), first, 'not registered again');
      scroll(range(8000, 0, 8040, 0));
      scroll(range(8001, 0, 8041, 0));
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.notEqual(provider(), first, 'registered anew, so VS Code asks again');
      assert.equal(languageProviders.slice(before).filter((entry) => entry.kind === 'link').length, 1);
    } finally {
      window.visibleTextEditors = [];
      registration.dispose();
    }
  });

  it('imports no vscode in the recogniser', () => {
    const source = readFileSync(path.join(__dirname, '..', '..', '..', '..', 'src', 'links', 'taskIdText.ts'), 'utf8');
    assert.doesNotMatch(source, /from 'vscode'/);
  });
});

describe('the hover over a task ID', () => {
  withLinkUri();
  it('shows status, type and entity, counts, age and connection, then Open', () => {
    const markdown = taskHoverMarkdown(TASK, { id: TASK, status: 'COMPLETED', what: 'EXPORT · CREDIT_USAGE', counts: '1,234 processed · 34 failed', age: 'updated 5 min ago', connection: 'Acme · Sandbox' });
    assert.ok(markdown instanceof MarkdownString);
    const lines = markdown.value.split('\n');
    assert.equal(lines[0], '**COMPLETED** · EXPORT · CREDIT\\_USAGE  ');
    assert.equal(lines[1], '1,234 processed · 34 failed  ');
    assert.equal(lines[2], 'updated 5 min ago · Acme · Sandbox');
    assert.equal(lines[4], `[Open](command:flexprice.getTask?${encodeURIComponent(JSON.stringify([TASK]))} "Open Flexprice task")`);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['flexprice.getTask'] });
  });

  it('escapes every server string, so none can add a link, a command or markup', () => {
    const hostile = '[x](command:flexprice.clearApiKey) <img src=x> **bold** `code`';
    const markdown = taskHoverMarkdown(TASK, { id: TASK, status: hostile, what: hostile, counts: hostile, age: hostile, connection: hostile });
    const withoutOpen = markdown.value.slice(0, markdown.value.lastIndexOf('[Open]'));
    assert.doesNotMatch(withoutOpen, /(?<!\\)[[\]()<>`]/);
    assert.match(markdown.value, /\\\[x\\\]\\\(command:flexprice\\\.clearApiKey\\\)/);
  });

  it('says why the task could not be read and still offers Open; without an answer, just Open', () => {
    const problem = taskHoverMarkdown(TASK, { id: TASK, problem: 'not found', connection: 'Acme · Production' });
    assert.match(problem.value, /^Flexprice task: not found {2}\nAcme · Production\n\n\[Open\]/);
    assert.match(taskHoverMarkdown(RUN, undefined).value, /^Flexprice task\n\n\[Open\]\(command:flexprice\.getTask\?/);
  });
});
