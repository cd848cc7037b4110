import Module from 'node:module';

/*
 * The few `vscode` pieces src/tree, src/auth and src/links use (tree items, icons, markdown, an
 * event emitter, a status-bar item, messages, settings, commands, ranges and links), so they run in plain Node:
 * in unit tests and in the scale benchmark. They hold values the way VS Code's own classes do
 * and add no work of their own, so timings measure the extension's code. `vscode` is not an npm
 * package (the host injects it), hence the resolver hook below.
 */

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  iconPath?: ThemeIcon;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  accessibilityInformation?: { label: string; role?: string };

  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  isTrusted?: boolean | { readonly enabledCommands: readonly string[] };
  constructor(public value = '') {}
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = typeof start === 'number' ? new Position(start, end as number) : start;
    this.end = typeof start === 'number' ? new Position(endLine!, endCharacter!) : (end as Position);
  }
}

/** Enough of a URI for links: `scheme:path?query`, kept as given. */
export class Uri {
  private constructor(private readonly text: string) {}
  static parse(text: string): Uri {
    return new Uri(text);
  }
  get scheme(): string {
    return this.text.slice(0, this.text.indexOf(':'));
  }
  toString(): string {
    return this.text;
  }
}
/** The same class, for tests whose neighbours replace `Uri` on this module (test/unit/panel). */
export { Uri as LinkUri };

export class DocumentLink {
  tooltip?: string;
  constructor(
    readonly range: Range,
    readonly target?: Uri,
  ) {}
}

export class Hover {
  constructor(
    readonly contents: MarkdownString,
    readonly range?: Range,
  ) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

/** A status-bar item that records what it shows. */
export class StatusBarItem {
  name?: string;
  text = '';
  tooltip?: string;
  command?: string;
  backgroundColor?: ThemeColor;
  visible = false;

  constructor(readonly id: string) {}

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  dispose(): void {
    this.visible = false;
  }
}

/** Messages are answered with no choice (and not kept); settings read their defaults. */
const showMessage = async (_message: string, ..._items: string[]): Promise<string | undefined> => undefined;

/** The last tree view created, with the provider it was given (the stand-in draws nothing). */
export const treeViews: { id: string; treeDataProvider: unknown; visible: boolean; description?: string; title?: string }[] = [];

export const window = {
  createStatusBarItem: (id: string) => new StatusBarItem(id),
  createTreeView: (id: string, options: { treeDataProvider: unknown }) => {
    const view = { id, treeDataProvider: options.treeDataProvider, visible: true, onDidChangeVisibility: () => ({ dispose: () => undefined }), dispose: () => undefined };
    treeViews.push(view);
    return view;
  },
  showInformationMessage: showMessage,
  showWarningMessage: showMessage,
  showErrorMessage: showMessage,
  /** Editors a test says are showing a document (`{ document, visibleRanges }`). */
  visibleTextEditors: [] as unknown[],
  onDidChangeTextEditorVisibleRanges: (listener: (event: unknown) => void) => {
    visibleRangeListeners.add(listener);
    return { dispose: () => void visibleRangeListeners.delete(listener) };
  },
  registerTerminalLinkProvider: (provider: unknown) => register('terminal', provider),
};

/** Who listens for scrolling; a test calls them with `{ textEditor, visibleRanges }`. */
export const visibleRangeListeners = new Set<(event: unknown) => void>();

/** Providers registered through the stand-in (document links, hovers, terminal links), by kind. */
export const languageProviders: { kind: ProviderKind; provider: unknown }[] = [];
type ProviderKind = 'link' | 'hover' | 'terminal';

export const languages = {
  registerDocumentLinkProvider: (_selector: unknown, provider: unknown) => register('link', provider),
  registerHoverProvider: (_selector: unknown, provider: unknown) => register('hover', provider),
};

function register(kind: ProviderKind, provider: unknown) {
  const entry = { kind, provider };
  languageProviders.push(entry);
  return { dispose: () => void languageProviders.splice(languageProviders.indexOf(entry), 1) };
}

/** User settings by full name (`flexprice.apiUrl`); a test sets what it needs and clears it after. */
export const settings = new Map<string, unknown>();

export const workspace = {
  getConfiguration: (section?: string) => ({
    get: <T>(key: string, fallback: T): T => {
      const name = section ? `${section}.${key}` : key;
      return settings.has(name) ? (settings.get(name) as T) : fallback;
    },
  }),
  onDidChangeConfiguration: () => ({ dispose: () => undefined }),
  onDidCloseTextDocument: () => ({ dispose: () => undefined }),
};

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
}

/** Commands registered through the stand-in, by ID. */
export const registeredCommands = new Map<string, (...args: unknown[]) => unknown>();

export const commands = {
  executeCommand: async () => undefined,
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
    if (registeredCommands.has(id)) throw new Error(`command '${id}' already exists`);
    registeredCommands.set(id, handler);
    return { dispose: () => registeredCommands.delete(id) };
  },
};

// The tree only subscribes and fires; the poller's own emitter has the same shape.
export { Emitter as EventEmitter } from '../../src/polling/emitter';

type Resolve = (request: string, ...rest: unknown[]) => string;

/** Makes `require('vscode')` load this module. Runs when this module loads; import it before the code under test. */
export function installVscodeStandIn(): void {
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const resolve = loader._resolveFilename;
  if ((resolve as { standIn?: boolean }).standIn) return;
  const hooked: Resolve = function (this: unknown, request, ...rest) {
    return request === 'vscode' ? __filename : resolve.call(this, request, ...rest);
  };
  loader._resolveFilename = Object.assign(hooked, { standIn: true });
}

installVscodeStandIn();
