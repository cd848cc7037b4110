import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { addConnectionThroughCommand, answerQuickPicks, labelled, panelSnapshot, recordMessages, removeConnectionThroughCommand, stubWindow, until } from './vscodeStubs';

const KEY = 'fp_save_errors_integration_key_71c2';
const CONNECTION = 'Save errors test';
const HOSTILE_ID = 'task_01JQ7B2C3D4E5F6G7H8J9K0SAV';
/** Four Record entries, each hostile to a CSV reader or a spreadsheet; the task counts 10 failed records. */
const HOSTILE_SUMMARY = [
  'Record 0: =HYPERLINK("http://evil.example/","Click me")',
  'Record 1: customer "acme, inc." not found',
  'Record 2: line one\nline two',
  'Record 3: 顧客が見つかりません 💸',
].join('; ');

/** Answers the save dialog with `file`, recording what it was asked. */
function answerSaveDialog(file: string) {
  return stubWindow('showSaveDialog', (async () => vscode.Uri.file(file)) as typeof vscode.window.showSaveDialog);
}

/**
 * Runs Save Errors on `argument`, the save dialog answering `file` (and, when given, the quick
 * pick choosing `format`); resolves to what it wrote and said.
 */
async function saveErrors(argument: unknown, file: string, format?: string) {
  const dialog = answerSaveDialog(file);
  const picks = answerQuickPicks(...(format ? [labelled(format)] : []));
  const messages = recordMessages();
  try {
    const written = (await vscode.commands.executeCommand('flexprice.saveErrors', argument)) as vscode.Uri | undefined;
    return { written, dialogs: dialog.calls.map((args) => args[0] as vscode.SaveDialogOptions), picks: picks.offered, info: messages.info(), errors: messages.errors() };
  } finally {
    dialog.restore();
    picks.restore();
    messages.restore();
  }
}

/** RFC 4180 rows of a file the command wrote (byte-order mark and CRLF checked). */
function readCsv(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a UTF-8 byte-order mark for spreadsheets');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('Save Errors', () => {
  let server: LocalFlexpriceServer;
  let folder: string;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    server.store.add({ id: HOSTILE_ID, task_status: 'COMPLETED', processed_records: 40, successful_records: 30, failed_records: 10, error_summary: HOSTILE_SUMMARY });
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
    folder = mkdtempSync(path.join(tmpdir(), 'flexprice-save-errors-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeConnectionThroughCommand(CONNECTION);
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes every entry as CSV: a header, hostile messages quoted and neutralised, and a note that the summary was cut', async () => {
    const file = path.join(folder, 'all.csv');
    const saved = await saveErrors(HOSTILE_ID, file);
    assert.equal(saved.written?.fsPath, vscode.Uri.file(file).fsPath);
    assert.deepEqual(saved.dialogs[0]?.filters, { CSV: ['csv'], JSON: ['json'] });
    assert.match(saved.dialogs[0]?.defaultUri?.path ?? '', new RegExp(`${HOSTILE_ID}-errors\\.csv$`));
    assert.deepEqual(saved.picks, [], 'the extension says the format');
    assert.deepEqual(saved.errors, []);
    assert.match(saved.info.join('\n'), /saved 4 error entries of task/);
    const rows = readCsv(file);
    assert.deepEqual(rows[0], ['kind', 'number', 'chunk note', 'message']);
    const entries = rows.slice(1).filter((row) => row[0] !== 'Note');
    assert.equal(entries.length, 4);
    assert.deepEqual(entries[0], ['Record', '0', 'row 1 of its 1,000-row chunk, not of the file', `'=HYPERLINK("http://evil.example/","Click me")`]);
    assert.deepEqual(entries.map((row) => row[3]).slice(1), ['customer "acme, inc." not found', 'line one\nline two', '顧客が見つかりません 💸']);
    const raw = readFileSync(file, 'utf8');
    assert.ok(raw.includes(`,"'=HYPERLINK(""http://evil.example/"",""Click me"")"\r\n`), 'quoted, quotes doubled, formula neutralised');
    const notes = rows.filter((row) => row[0] === 'Note').map((row) => row[3]);
    assert.deepEqual(notes, ["Cut: The task counts 10 failed records but the server's summary names 4: it was cut or leaves some out."]);
  });

  it('writes JSON when the file chosen ends in .json, with the task, the notes and every entry', async () => {
    const file = path.join(folder, 'all.json');
    await saveErrors(HOSTILE_ID, file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { task_id: string; filter: null; truncated: string | null; unparsed: null; errors: { kind: string; number: number; message: string }[] };
    assert.equal(saved.task_id, HOSTILE_ID);
    assert.equal(saved.filter, null);
    assert.match(saved.truncated ?? '', /10 failed records/);
    assert.equal(saved.unparsed, null);
    assert.deepEqual(saved.errors.map((entry) => [entry.kind, entry.number, entry.message]), [
      ['Record', 0, '=HYPERLINK("http://evil.example/","Click me")'],
      ['Record', 1, 'customer "acme, inc." not found'],
      ['Record', 2, 'line one\nline two'],
      ['Record', 3, '顧客が見つかりません 💸'],
    ]);
  });

  it('asks for the format when the file name has no .csv or .json extension', async () => {
    const file = path.join(folder, 'errors-without-extension');
    const saved = await saveErrors(HOSTILE_ID, file, 'JSON');
    assert.deepEqual(saved.picks[0]?.map((item) => item.label), ['CSV', 'JSON']);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { errors: unknown[] }).errors.length, 4);
  });

  it('from the panel: saves only the entries matching its filter, from the copy it shows, with no new request', async () => {
    const task = server.store.get(FIXTURE_IDS.thousandErrors)!;
    const messages = recordMessages();
    let connectionId: string | undefined;
    try {
      await vscode.commands.executeCommand('flexprice.getTask', task.id);
      connectionId = (await until('the panel', async () => (await panelSnapshot()).find((entry) => entry.taskId === task.id)))?.connectionId;
    } finally {
      messages.restore();
    }
    assert.ok(connectionId, 'the panel names its connection');
    const file = path.join(folder, 'filtered.csv');
    server.requests.clear();
    await saveErrors({ taskId: task.id, connectionId, filter: 'Customer not' }, file);
    assert.equal(server.requests.count({ path: `/v1/tasks/${task.id}` }), 0, 'the panel’s copy is saved');
    const rows = readCsv(file);
    const entries = rows.slice(1).filter((row) => row[0] !== 'Note');
    const expected = task.error_summary!.split('; ').filter((entry) => entry.toLowerCase().includes('customer not'));
    assert.ok(expected.length > 0 && expected.length < 1000);
    assert.equal(entries.length, expected.length);
    for (const row of entries) assert.match(row[3]!, /customer not found/);
    const filterNote = rows.find((row) => row[0] === 'Note' && row[3]!.startsWith('Filtered:'));
    assert.match(filterNote?.[3] ?? '', new RegExp(`^Filtered: ${expected.length} of 1,000 entries, those containing "Customer not"`));
  });

  it('says a task without errors has none to save, and writes nothing', async () => {
    const before = readdirSync(folder).length;
    const saved = await saveErrors(FIXTURE_IDS.completedImport, path.join(folder, 'nothing.csv'));
    assert.equal(saved.written, undefined);
    assert.deepEqual(saved.dialogs, [], 'no file is asked for');
    assert.deepEqual(saved.errors, []);
    assert.deepEqual(saved.info, [`Flexprice: task ${FIXTURE_IDS.completedImport} has no errors to save: the server sent no error summary.`]);
    assert.equal(existsSync(path.join(folder, 'nothing.csv')), false);
    assert.equal(readdirSync(folder).length, before);
  });
});
