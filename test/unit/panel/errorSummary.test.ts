import * as assert from 'node:assert/strict';
import { filterErrorEntries, formatErrorEntries, parseErrorSummary } from '../../../src/panel/errorSummary';

describe('parseErrorSummary', () => {
  it('reads Record, Chunk and other entries with their numbers and messages', () => {
    const entries = parseErrorSummary(
      "Record 3: invalid value for field 'amount'; Record 17: customer not found; Chunk 2: timeout; CSV read error: record on line 2048: wrong number of fields",
    );
    assert.deepEqual(
      entries.map((e) => [e.kind, e.number, e.message]),
      [
        ['Record', 3, "invalid value for field 'amount'"],
        ['Record', 17, 'customer not found'],
        ['Chunk', 2, 'timeout'],
        ['other', undefined, 'CSV read error: record on line 2048: wrong number of fields'],
      ],
    );
  });

  it('gives a number too long to be one no number, keeping the entry and its text', () => {
    const digits = '9'.repeat(400);
    const [entry] = parseErrorSummary(`Record ${digits}: bad row`);
    assert.deepEqual(entry, { kind: 'Record', number: undefined, message: 'bad row', text: `Record ${digits}: bad row` });
  });

  it('splits every entry kind the contract lists, each its own entry', () => {
    const entries = parseErrorSummary(
      "Record 3: a; Final chunk 2: b; JSON decode error: c; Batch event creation failed: d; CSV read error: e; Chunk 4: f; Record 5: timestamp error: g; Record 6: failed to parse tiers JSON: h",
    );
    assert.deepEqual(
      entries.map((e) => [e.kind, e.number, e.message]),
      [
        ['Record', 3, 'a'],
        ['finalChunk', 2, 'b'],
        ['other', undefined, 'JSON decode error: c'],
        ['other', undefined, 'Batch event creation failed: d'],
        ['other', undefined, 'CSV read error: e'],
        ['Chunk', 4, 'f'],
        ['Record', 5, 'timestamp error: g'],
        ['Record', 6, 'failed to parse tiers JSON: h'],
      ],
    );
  });

  it('counts, filters and copies a "Final chunk" entry as its own row, with its number', () => {
    const entries = parseErrorSummary('Record 3: a; Final chunk 2: b; Record 4: c; final chunk #7: d');
    assert.deepEqual(entries.map((e) => [e.kind, e.number]), [['Record', 3], ['finalChunk', 2], ['Record', 4], ['finalChunk', 7]]);
    entries.pop();
    assert.deepEqual(filterErrorEntries(entries, 'final').map((e) => e.text), ['Final chunk 2: b']);
    assert.equal(formatErrorEntries(entries), 'Record 3: a\nFinal chunk 2: b\nRecord 4: c');
  });

  it('starts a new entry at an unknown "Something: ..." head', () => {
    const entries = parseErrorSummary('Record 1: a; Upload stage failed: b; Row 9: c');
    assert.deepEqual(
      entries.map((e) => e.text),
      ['Record 1: a', 'Upload stage failed: b', 'Row 9: c'],
    );
  });

  it('keeps a URL or a time after ";" inside the message', () => {
    const entries = parseErrorSummary('Record 1: failed; see https://example.com/x; retry at 12:30 UTC');
    assert.deepEqual(entries.map((e) => e.message), ['failed; see https://example.com/x; retry at 12:30 UTC']);
  });

  it('keeps the JSON-properties entry whole, colons and all', () => {
    const [entry] = parseErrorSummary("Record 4: invalid JSON in properties column: invalid character '}' looking for beginning of object key string");
    assert.equal(entry?.kind, 'Record');
    assert.equal(entry?.number, 4);
    assert.equal(entry?.message, "invalid JSON in properties column: invalid character '}' looking for beginning of object key string");
  });

  it('tolerates odd spacing, case and missing spaces after separators', () => {
    const entries = parseErrorSummary('  record  7 :bad amount;Record 8:  missing id ;   CHUNK 1 : slow;  ');
    assert.deepEqual(
      entries.map((e) => [e.kind, e.number, e.message]),
      [
        ['Record', 7, 'bad amount'],
        ['Record', 8, 'missing id'],
        ['Chunk', 1, 'slow'],
      ],
    );
  });

  it('keeps ";" inside a message when what follows is not a new entry', () => {
    const entries = parseErrorSummary('Record 1: expected a; b or c; Record 2: fine; then broken');
    assert.deepEqual(
      entries.map((e) => e.message),
      ['expected a; b or c', 'fine; then broken'],
    );
  });

  it('never drops text: an export failure without entry heads is one "other" entry', () => {
    const text = 'failed to upload export to s3: RequestTimeout; retry later';
    assert.deepEqual(parseErrorSummary(text), [{ kind: 'other', number: undefined, message: text, text }]);
  });

  it('keeps a leading fragment before the first entry', () => {
    const entries = parseErrorSummary('something odd happened; Record 2: customer not found');
    assert.equal(entries.length, 2);
    assert.equal(entries[0]?.kind, 'other');
    assert.equal(entries[0]?.text, 'something odd happened');
  });

  it('shows hostile markup as the literal text it is', () => {
    const hostile = '<img src=x onerror="alert(1)">; Record 1: <script>alert(2)</script>';
    const entries = parseErrorSummary(hostile);
    assert.equal(entries[0]?.text, '<img src=x onerror="alert(1)">');
    assert.equal(entries[1]?.message, '<script>alert(2)</script>');
  });

  it('reads nothing from null, undefined, empty or separator-only summaries', () => {
    assert.deepEqual(parseErrorSummary(null), []);
    assert.deepEqual(parseErrorSummary(undefined), []);
    assert.deepEqual(parseErrorSummary(''), []);
    assert.deepEqual(parseErrorSummary(' ; ;; '), []);
  });

  it('reads 1,000 entries, in order, each exactly once', () => {
    const parts = Array.from({ length: 1000 }, (_, i) => (i % 10 === 9 ? `Chunk ${i}: chunk failed; see log` : `Record ${i % 1000}: row ${i} is bad`));
    const entries = parseErrorSummary(parts.join('; '));
    assert.equal(entries.length, 1000);
    assert.equal(entries[0]?.message, 'row 0 is bad');
    assert.equal(entries[9]?.kind, 'Chunk');
    assert.equal(entries[9]?.message, 'chunk failed; see log');
    assert.equal(entries[999]?.number, 999);
  });

  it('reads a long run of separators inside a summary in linear time', () => {
    const started = Date.now();
    const entries = parseErrorSummary(`Record 1: a${'; '.repeat(100_000)}b; Record 2: c`);
    assert.deepEqual(entries.map((e) => e.number), [1, 2]);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});

describe('filterErrorEntries and formatErrorEntries', () => {
  const entries = parseErrorSummary('Record 1: Customer not found; Record 2: invalid amount; Chunk 3: customer service timeout');

  it('matches any part of the entry, ignoring case; an empty query keeps all', () => {
    assert.deepEqual(filterErrorEntries(entries, 'CUSTOMER').map((e) => e.number), [1, 3]);
    assert.deepEqual(filterErrorEntries(entries, 'chunk 3').map((e) => e.number), [3]);
    assert.equal(filterErrorEntries(entries, '   ').length, 3);
    assert.equal(filterErrorEntries(entries, 'nothing like this').length, 0);
  });

  it('copies one entry a line, as sent', () => {
    assert.equal(formatErrorEntries(entries.slice(0, 2)), 'Record 1: Customer not found\nRecord 2: invalid amount');
  });
});
