import * as vscode from 'vscode';
import { findTaskIds, LONGEST_TASK_ID, type TaskIdMatch } from './taskIdText';
import { openTaskUri, taskHoverMarkdown } from './taskHover';
import { GET_TASK_COMMAND, PEEK_TASK_COMMAND, type TaskPeek } from './taskPeek';

/*
 * Task IDs as links in every file, untitled editor and terminal, with a hover. All of it runs at
 * activation's cost: the recogniser is a regex, and core (the client) loads only when a link is
 * followed or an ID hovered. Large documents are scanned only where an editor shows them.
 */

export const LINK_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
/** Over this (characters, about 5 MB) a document gets no links and no hover at all. */
export const MAX_DOCUMENT_CHARS = 5 * 1024 * 1024;
/** Up to this a document is scanned whole; past it, only what editors show. */
export const WHOLE_DOCUMENT_CHARS = 256 * 1024;
/** Lines scanned above and below what an editor shows, so a small scroll finds links ready. */
export const MARGIN_LINES = 30;
/** A window longer than this (very long lines) shrinks to the visible characters themselves. */
const MAX_WINDOW_CHARS = 256 * 1024;
/** Past a window's edge: enough to read an ID that straddles it, and the character before it. */
const PAD = LONGEST_TASK_ID + 1;
const TOOLTIP = 'Open Flexprice task';

/** Offsets [start, end) of a document. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** The document's length without building its text (`getText()` would copy all of it). */
export function documentChars(document: vscode.TextDocument): number {
  return document.lineCount === 0 ? 0 : document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** What is shown of `document` in the visible editors. */
function visibleRanges(document: vscode.TextDocument): readonly vscode.Range[] {
  const uri = document.uri.toString();
  return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === uri).flatMap((editor) => editor.visibleRanges);
}

/**
 * Where to look in `document`: all of it when small; else each visible range with MARGIN_LINES
 * around it (the first screen when no editor shows it); nothing when it is over the limit.
 */
export function scanSpans(document: vscode.TextDocument, visible: readonly vscode.Range[], chars = documentChars(document)): Span[] {
  if (chars > MAX_DOCUMENT_CHARS) return [];
  if (chars <= WHOLE_DOCUMENT_CHARS) return [{ start: 0, end: chars }];
  const shown = visible.length > 0 ? visible : [new vscode.Range(0, 0, Math.min(document.lineCount - 1, 100), 0)];
  const last = document.lineCount - 1;
  const spans = shown.map((range): Span => {
    const start = document.offsetAt(new vscode.Position(Math.max(0, range.start.line - MARGIN_LINES), 0));
    const end = document.offsetAt(document.lineAt(Math.min(last, range.end.line + MARGIN_LINES)).range.end);
    if (end - start <= MAX_WINDOW_CHARS) return { start, end };
    const from = document.offsetAt(range.start);
    return { start: from, end: Math.min(Math.max(from, document.offsetAt(range.end)), from + MAX_WINDOW_CHARS) };
  });
  return merge(spans);
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && span.start <= previous.end) merged[merged.length - 1] = { start: previous.start, end: Math.max(previous.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

/** The IDs that overlap `span`, read with a margin so the edges cut no ID and invent none. */
export function idsInSpan(document: vscode.TextDocument, span: Span, chars: number): TaskIdMatch[] {
  const from = Math.max(0, span.start - PAD);
  const to = Math.min(chars, span.end + PAD);
  const text = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(to)));
  // A match touching a cut edge may be missing its first or last characters: the overlap test drops it (PAD > any ID).
  return findTaskIds(text, from).filter((match) => match.end > span.start && match.start < span.end);
}

/** The document links of `document`, for what `visible` shows of it. */
export function taskDocumentLinks(document: vscode.TextDocument, visible: readonly vscode.Range[]): vscode.DocumentLink[] {
  const chars = documentChars(document);
  const links: vscode.DocumentLink[] = [];
  let after = -1;
  for (const span of scanSpans(document, visible, chars)) {
    for (const match of idsInSpan(document, span, chars)) {
      if (match.start < after) continue; // found already, by the span before
      after = match.end;
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(match.start), document.positionAt(match.end)), openTaskUri(match.id));
      link.tooltip = TOOLTIP;
      links.push(link);
    }
  }
  return links;
}

/** The ID under `position`, read from its line only around the position (lines may be megabytes long). */
export function taskIdAtPosition(document: vscode.TextDocument, position: vscode.Position): TaskIdMatch | undefined {
  const chars = documentChars(document);
  if (chars > MAX_DOCUMENT_CHARS) return undefined;
  const at = document.offsetAt(position);
  return idsInSpan(document, { start: at, end: at + 1 }, chars).find((match) => match.start <= at && at < match.end);
}

interface TaskTerminalLink extends vscode.TerminalLink {
  readonly taskId: string;
}

/**
 * VS Code asks for a document's links when it opens or changes, not when it scrolls: a
 * document scanned in part is asked again (by registering the provider anew) once an editor
 * scrolls past what was scanned.
 */
class TaskLinks implements vscode.Disposable {
  private registration: vscode.Disposable;
  /** Documents scanned in part, with what was scanned. */
  private readonly scanned = new Map<string, Span[]>();
  private rescan: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.registration = this.register();
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => this.scrolled(textEditor.document, visibleRanges)),
      vscode.workspace.onDidCloseTextDocument((document) => this.scanned.delete(document.uri.toString())),
      vscode.window.registerTerminalLinkProvider({
        provideTerminalLinks: ({ line }) => findTaskIds(line).map((match): TaskTerminalLink => ({ startIndex: match.start, length: match.end - match.start, tooltip: TOOLTIP, taskId: match.id })),
        handleTerminalLink: (link: TaskTerminalLink) => vscode.commands.executeCommand(GET_TASK_COMMAND, link.taskId),
      }),
      vscode.languages.registerHoverProvider(LINK_DOCUMENTS, { provideHover: (document, position, token) => hover(document, position, token) }),
    ];
  }

  private register(): vscode.Disposable {
    return vscode.languages.registerDocumentLinkProvider(LINK_DOCUMENTS, {
      provideDocumentLinks: (document) => {
        const visible = visibleRanges(document);
        const chars = documentChars(document);
        const key = document.uri.toString();
        if (chars > WHOLE_DOCUMENT_CHARS && chars <= MAX_DOCUMENT_CHARS) this.scanned.set(key, scanSpans(document, visible, chars));
        else this.scanned.delete(key);
        return taskDocumentLinks(document, visible);
      },
    });
  }

  private scrolled(document: vscode.TextDocument, visible: readonly vscode.Range[]): void {
    const spans = this.scanned.get(document.uri.toString());
    if (!spans) return;
    const covered = visible.every((range) => {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      return spans.some((span) => span.start <= start && end <= span.end);
    });
    if (covered) return;
    clearTimeout(this.rescan);
    this.rescan = setTimeout(() => {
      this.registration.dispose();
      this.registration = this.register();
    }, 150);
  }

  dispose(): void {
    clearTimeout(this.rescan);
    this.registration.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

async function hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
  const match = taskIdAtPosition(document, position);
  if (!match) return undefined;
  // Loads core on the first hover over an ID; a failure still leaves Open.
  const peek = await Promise.resolve(vscode.commands.executeCommand<TaskPeek | undefined>(PEEK_TASK_COMMAND, match.id)).catch(() => undefined);
  if (token.isCancellationRequested) return undefined;
  return new vscode.Hover(taskHoverMarkdown(match.id, peek), new vscode.Range(document.positionAt(match.start), document.positionAt(match.end)));
}

/** Links, terminal links and the hover over task IDs; one disposable for activation to own. */
export function registerTaskLinks(): vscode.Disposable {
  return new TaskLinks();
}
