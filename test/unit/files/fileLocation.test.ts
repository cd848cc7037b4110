import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { TaskSchema } from '../../../src/api/taskSchema';
import { classifyFileUrl, isCsvFile, isGzip, isWebUrl, openInEditorState } from '../../../src/files/fileLocation';

describe('classifyFileUrl', () => {
  it('opens http and https, sends s3 through the download route', () => {
    assert.deepEqual(classifyFileUrl(' https://files.example.com/a.csv?sig=1 '), { kind: 'web', url: 'https://files.example.com/a.csv?sig=1' });
    assert.deepEqual(classifyFileUrl('http://127.0.0.1:9/a.csv'), { kind: 'web', url: 'http://127.0.0.1:9/a.csv' });
    assert.deepEqual(classifyFileUrl('s3://bucket/exports/a.csv.gz'), { kind: 's3', url: 's3://bucket/exports/a.csv.gz' });
  });

  it('refuses every other scheme, whatever its case or padding', () => {
    for (const [url, scheme] of [
      ['javascript:alert(1)', 'javascript'],
      ['  JavaScript:alert(1)', 'javascript'],
      ['file:///etc/passwd', 'file'],
      ['command:workbench.action.terminal.new', 'command'],
      ['vscode://vscode.git/clone?url=x', 'vscode'],
      ['data:text/html,<script>1</script>', 'data'],
      ['relative/path.csv', 'none'],
      ['https://', 'https'],
    ] as const) {
      assert.deepEqual(classifyFileUrl(url), { kind: 'refused', scheme }, url);
    }
  });

  it('reads an empty or missing URL as no file', () => {
    assert.deepEqual(classifyFileUrl(''), { kind: 'none' });
    assert.deepEqual(classifyFileUrl(undefined), { kind: 'none' });
  });

  it('accepts only absolute http(s) links as web URLs', () => {
    assert.equal(isWebUrl('https://x.example/a'), true);
    assert.equal(isWebUrl('javascript:alert(1)//https://x'), false);
    assert.equal(isWebUrl('s3://b/k'), false);
  });
});

describe('export file helpers', () => {
  it('knows a CSV by its type or its name', () => {
    assert.equal(isCsvFile(TaskSchema.parse({ id: 't', file_type: 'csv' })), true);
    assert.equal(isCsvFile(TaskSchema.parse({ id: 't', file_url: 's3://b/x.csv.gz' })), true);
    assert.equal(isCsvFile(TaskSchema.parse({ id: 't', file_type: 'JSON', file_url: 's3://b/x.json' })), false);
  });

  it('offers "Open export in editor" only for finished CSV exports', () => {
    const done = { id: 't', task_type: 'EXPORT', task_status: 'COMPLETED', file_type: 'CSV', file_url: 's3://b/k.csv' };
    assert.deepEqual(openInEditorState(TaskSchema.parse(done)), { enabled: true });
    assert.equal(openInEditorState(TaskSchema.parse({ ...done, task_type: 'IMPORT' })).enabled, false);
    assert.equal(openInEditorState(TaskSchema.parse({ ...done, task_status: 'PROCESSING' })).enabled, false);
    assert.equal(openInEditorState(TaskSchema.parse({ ...done, file_type: 'JSON', file_url: 's3://b/k.json' })).enabled, false);
  });

  it('recognises gzip by its bytes, not its name', () => {
    assert.equal(isGzip(gzipSync('a,b\n1,2\n')), true);
    assert.equal(isGzip(Buffer.from('a,b\n')), false);
    assert.equal(isGzip(Buffer.alloc(0)), false);
  });
});
