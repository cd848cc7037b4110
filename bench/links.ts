// First: the link code imports `vscode`, which the unit tests' stand-in provides in plain Node.
import { languageProviders, Range, window } from '../test/unit/vscodeStandIn';
import type * as vscode from 'vscode';
import { documentChars, idsInSpan, MAX_DOCUMENT_CHARS, registerTaskLinks } from '../src/links/registerLinks';
import { openTaskUri } from '../src/links/taskHover';
import { findTaskIds } from '../src/links/taskIdText';
import { textDocument } from '../test/unit/links/textDocument';
import { median, round, type Figure, type Section } from './report';
import { timed, type Sample } from './scale/timedSamples';

/*
 * Task IDs as links in a 5 MB log with 10,000 IDs: what the document link provider costs when
 * VS Code asks for a document's links (on open and on every edit), for the 50 lines an editor
 * shows, against scanning the whole document. The provider runs as registered at activation,
 * on the `vscode` stand-in, over a TextDocument that keeps its line starts as the extension
 * host does (so `offsetAt`/`positionAt` cost what they cost there).
 */

const TARGET_CHARS = 5_000_000;
const IDS = 10_000;
const VISIBLE_LINES = 50;
const RUNS = 25;
const WHOLE_RUNS = 15;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A seeded, repeatable log: lines of about 100 characters, an ID on every fifth (one in ten a scheduled-run ID). */
function logText(): { text: string; ids: number; lines: number } {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const ulid = () => `0${Array.from({ length: 25 }, () => CROCKFORD[next() % 32]).join('')}`;
  const hex = (length: number) => Array.from({ length }, () => (next() % 16).toString(16)).join('');
  const rows: string[] = [];
  let ids = 0;
  const lines = Math.round(TARGET_CHARS / 100);
  const every = Math.floor(lines / IDS);
  for (let line = 0; line < lines; line++) {
    const time = `2026-12-02T10:${String(Math.floor(line / 60) % 60).padStart(2, '0')}:${String(line % 60).padStart(2, '0')}.${String(line % 1000).padStart(3, '0')}Z`;
    let row: string;
    if (line % every === 0 && ids < IDS) {
      ids++;
      const id = ids % 10 === 0 ? `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}-2026-11-01T00:15:00Z` : `task_${ulid()}`;
      row = `${time} INFO done {"task_id":"${id}"}`;
    } else {
      row = `${time} DEBUG poll worker=${line % 7} queue=exports depth=${next() % 100} lag_ms=${next() % 1000} ok`;
    }
    row = row.padEnd(99, ' ');
    rows.push(row);
  }
  return { text: rows.join('\n'), ids, lines: rows.length };
}

const wall = (samples: readonly Sample[]) => median(samples.map((sample) => sample.wallMs));
const cpu = (samples: readonly Sample[]) => median(samples.map((sample) => sample.cpuMs));
const rounded = (samples: readonly Sample[]) => samples.map((sample) => round(sample.wallMs));

export async function run(): Promise<Section> {
  const log = logText();
  const document = textDocument(log.text, 'file:///bench/app.log');
  const chars = documentChars(document);
  const before = languageProviders.length;
  const registration = registerTaskLinks();
  const provider = languageProviders.slice(before).find((entry) => entry.kind === 'link')!.provider as vscode.DocumentLinkProvider;
  const none = undefined as unknown as vscode.CancellationToken;
  try {
    // Scrolled to the middle, as after a search: VS Code asks again on every edit there.
    const top = Math.floor(log.lines / 2);
    window.visibleTextEditors = [{ document, visibleRanges: [new Range(top, 0, top + VISIBLE_LINES, 0)] }];
    const visibleLinks = (provider.provideDocumentLinks(document, none) as vscode.DocumentLink[]).length;
    const visible: Sample[] = [];
    for (let i = 0; i < RUNS; i++) visible.push(await timed(() => provider.provideDocumentLinks(document, none)));

    // For comparison: every ID of the document as a link, what a provider without the visible-range rule would do.
    const wholeDocument = () => idsInSpan(document, { start: 0, end: chars }, chars).map((match) => ({ range: new Range(document.positionAt(match.start), document.positionAt(match.end)), target: openTaskUri(match.id) }));
    const wholeLinks = wholeDocument().length;
    const whole: Sample[] = [];
    for (let i = 0; i < WHOLE_RUNS; i++) whole.push(await timed(wholeDocument));
    const recogniser: Sample[] = [];
    for (let i = 0; i < WHOLE_RUNS; i++) recogniser.push(await timed(() => findTaskIds(log.text)));

    // Over the limit: asked, it returns at once without reading the text.
    const large = textDocument(`${log.text}\n${log.text.slice(0, MAX_DOCUMENT_CHARS - chars + 1000)}`, 'file:///bench/large.log');
    window.visibleTextEditors = [{ document: large, visibleRanges: [new Range(top, 0, top + VISIBLE_LINES, 0)] }];
    const refused: Sample[] = [];
    for (let i = 0; i < RUNS; i++) refused.push(await timed(() => provider.provideDocumentLinks(large, none)));
    const refusedLinks = (provider.provideDocumentLinks(large, none) as vscode.DocumentLink[]).length;

    const text = `${(chars / 1e6).toFixed(1)} MB log (${log.lines.toLocaleString('en-US')} lines, ${log.ids.toLocaleString('en-US')} task IDs, one in ten a scheduled-run ID)`;
    const figures: Figure[] = [
      {
        name: `visible range's links (${VISIBLE_LINES} lines shown)`,
        value: wall(visible),
        unit: 'ms',
        budget: { max: 20 },
        how: `provideDocumentLinks() of the provider registerTaskLinks() registers, for an editor showing ${VISIBLE_LINES} lines in the middle of a ${text}; it scans them with 30 lines of margin (${visibleLinks} links); median of ${RUNS} runs (wall clock), in Node on the vscode stand-in. VS Code's own round trip from the editor to the extension host is not included.`,
        details: { cpuMedianMs: round(cpu(visible)), samplesMs: rounded(visible), links: visibleLinks, chars },
      },
      {
        name: `whole document's links (${wholeLinks.toLocaleString('en-US')})`,
        value: wall(whole),
        unit: 'ms',
        how: `For comparison, what a provider scanning the whole ${text} would spend: the recogniser over all of it and a range and command target per ID; median of ${WHOLE_RUNS}.`,
        details: { cpuMedianMs: round(cpu(whole)), samplesMs: rounded(whole), links: wholeLinks },
      },
      {
        name: 'recogniser alone, whole document',
        value: wall(recogniser),
        unit: 'ms',
        how: `findTaskIds() over the ${text} as one string, no ranges; median of ${WHOLE_RUNS}.`,
        details: { cpuMedianMs: round(cpu(recogniser)), samplesMs: rounded(recogniser), mbPerSecond: round(chars / 1e6 / (wall(recogniser) / 1000), 1) },
      },
      {
        name: `document over the limit (${(documentChars(large) / 1e6).toFixed(1)} MB)`,
        value: wall(refused),
        unit: 'ms',
        how: `provideDocumentLinks() for a document just over the ${(MAX_DOCUMENT_CHARS / 2 ** 20).toFixed(0)} MiB limit: it measures the document by its last line's offset and returns ${refusedLinks} links without reading the text; median of ${RUNS}.`,
        details: { samplesMs: rounded(refused), links: refusedLinks },
      },
    ];
    return { id: 'links', title: 'Task IDs as links', figures };
  } finally {
    window.visibleTextEditors = [];
    registration.dispose();
  }
}
