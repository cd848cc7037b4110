import { h } from './dom';
import type { ErrorFilter } from './errorsSection';
import type { ErrorEntry } from './protocol/taskView';

/** Rows shown at once when the table is filled; later chunks come one per painted frame. */
const FIRST_CHUNK = 60;
const LATER_CHUNK = 250;

/** The Kind column of each entry kind the host tells apart; any other entry shows "—". */
const KIND_LABELS: Partial<Record<ErrorEntry['kind'], string>> = { Record: 'Record', Chunk: 'Chunk', finalChunk: 'Final chunk' };

/** An entry with the lower-cased text the filter searches, and its row once built. */
interface Item {
  readonly entry: ErrorEntry;
  readonly haystack: string;
  row: HTMLElement | undefined;
}

/**
 * The error table's rows: shows the rows matching the filter, the first chunk at once, the
 * rest in later frames, so neither a long summary nor a keystroke ever blocks the page. Row
 * elements are built once and reused; a newer render, or a filter that changes the matches,
 * cancels the chunks still pending. An entry an update leaves as it was keeps its row, and the
 * table its `scrollTop`.
 */
export class ErrorTable implements ErrorFilter {
  private items: Item[] = [];
  /** The error entries the table was built from, and their JSON once an update asked for it. */
  private shown: { readonly entries: readonly ErrorEntry[]; key: string | undefined } | undefined;
  /** The rows the table holds or is still adding, in order, and the element that holds them. */
  private listedRows: Item[] | undefined;
  private listedIn: HTMLElement | undefined;
  private generation = 0;

  constructor(
    private filterText: string,
    private readonly onFilterChange: () => void,
  ) {}

  get text(): string {
    return this.filterText;
  }

  /** From the filter box: shows the rows that match now. */
  set(text: string): void {
    this.filterText = text;
    this.applyFilter();
    this.onFilterChange();
  }

  /** Another task: its filter starts empty. */
  clearFilter(): void {
    this.filterText = '';
  }

  /**
   * Fills the table the page has just rendered with `entries`. `kept`: the page was patched,
   * not rebuilt, so rows of entries that stay are kept, and the table scrolled to `scrollTop`.
   */
  show(entries: readonly ErrorEntry[], kept: boolean, scrollTop: number): void {
    if (kept && this.isShowing(entries)) return;
    this.shown = { entries, key: undefined };
    if (!kept) this.items = [];
    const body = document.getElementById('errors-body');
    const shown = document.getElementById('errors-shown');
    if (!body || !shown) {
      this.items = [];
      return;
    }
    const previous = this.items;
    this.items = entries.map((entry, i) => {
      const old = previous[i];
      return old && old.entry.text === entry.text ? old : { entry, row: undefined, haystack: String(entry.text).toLowerCase() };
    });
    this.showMatchingRows(body, shown, scrollTop);
  }

  /**
   * Whether the table shows these entries already: then an update keeps it as it is. The text is
   * compared only when an update comes, so a fresh page never pays for it before its first paint,
   * and a 'times' patch (same list) not at all.
   */
  private isShowing(entries: readonly ErrorEntry[]): boolean {
    const shown = this.shown;
    if (!shown) return false;
    if (shown.entries === entries) return true;
    shown.key ??= JSON.stringify(shown.entries);
    return JSON.stringify(entries) === shown.key;
  }

  private applyFilter(): void {
    const body = document.getElementById('errors-body');
    const shown = document.getElementById('errors-shown');
    if (body && shown) this.showMatchingRows(body, shown, 0);
  }

  private showMatchingRows(body: HTMLElement, shown: HTMLElement, scrollTop: number): void {
    if (body !== this.listedIn) {
      this.listedRows = undefined;
      this.listedIn = body;
    }
    const listed = this.listedRows;
    const needle = this.filterText.trim().toLowerCase();
    const matches = needle ? this.items.filter((item) => item.haystack.indexOf(needle) !== -1) : this.items;
    const count = (n: number) => n.toLocaleString('en-US');
    shown.textContent = needle ? `Showing ${count(matches.length)} of ${count(this.items.length)}` : `${count(this.items.length)} ${this.items.length === 1 ? 'entry' : 'entries'}`;
    // Most keystrokes leave the matches as they were ("cust" → "custo", "" → "c"): then the
    // table, and any chunks still to come, stay as they are.
    if (sameRows(matches, listed)) return;
    const complete = body.getAttribute('data-complete') === 'true';
    // A longer query only takes rows away: those go, the rest keep their layout.
    if (complete && listed && isSubset(matches, listed)) {
      const kept = new Set(matches);
      for (const item of listed) if (!kept.has(item)) item.row?.remove();
      this.listedRows = matches;
      return;
    }
    // Rows that stay first (entries appended by an update, say) stay in place; the rest go.
    let next = complete ? sharedStart(matches, listed) : 0;
    if (next === 0) body.replaceChildren();
    else for (const item of listed!.slice(next)) item.row?.remove();
    this.listedRows = matches;
    const generation = ++this.generation;
    body.setAttribute('data-complete', 'false');
    const table = body.closest<HTMLElement>('.errors-scroll');
    const appendRows = (size: number) => {
      const fragment = document.createDocumentFragment();
      const end = Math.min(matches.length, next + size);
      for (; next < end; next++) fragment.appendChild(rowFor(matches[next]!));
      body.appendChild(fragment);
    };
    const addChunk = (size: number) => {
      if (generation !== this.generation) return;
      appendRows(size);
      // Enough rows to scroll back to where the reader was, before the next paint, so no frame
      // shows the table elsewhere.
      if (scrollTop > 0 && table) {
        while (next < matches.length && table.scrollHeight - table.clientHeight < scrollTop) appendRows(LATER_CHUNK);
        table.scrollTop = scrollTop;
        scrollTop = 0;
      }
      if (next < matches.length) afterNextPaint(() => addChunk(LATER_CHUNK));
      else body.setAttribute('data-complete', 'true');
    };
    addChunk(FIRST_CHUNK);
  }
}

function rowFor(item: Item): HTMLElement {
  if (!item.row) {
    const { entry } = item;
    const label = Object.prototype.hasOwnProperty.call(KIND_LABELS, entry.kind) ? KIND_LABELS[entry.kind] : undefined;
    item.row = h('div', { role: 'row', className: `error-row kind-${label ? entry.kind.toLowerCase() : 'other'}` }, [
      h('span', { role: 'cell', className: 'kind', text: label || '—' }),
      h('span', { role: 'cell', className: 'num', text: entry.number === undefined ? '' : String(entry.number) }),
      h('span', { role: 'cell', className: 'message', text: entry.message }),
    ]);
  }
  return item.row;
}

/** How many rows `a` and `b` have in common from the start. */
function sharedStart<T>(a: readonly T[], b: readonly T[] | undefined): number {
  let i = 0;
  if (b) while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function sameRows<T>(a: readonly T[], b: readonly T[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isSubset<T>(items: readonly T[], of: readonly T[]): boolean {
  const all = new Set(of);
  return items.every((item) => all.has(item));
}

/**
 * Runs `callback` in a task once the next frame has been painted. A requestAnimationFrame
 * callback alone would run before that paint, so the next chunk would delay the first rows.
 */
function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    setTimeout(callback, 0);
  });
}
