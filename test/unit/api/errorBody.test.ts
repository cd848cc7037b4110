import * as assert from 'node:assert/strict';
import { MAX_SERVER_MESSAGE_LENGTH, readErrorBody } from '../../../src/api/errorBody';
import { parseRetryAfter } from '../../../src/api/retryAfter';

describe('readErrorBody', () => {
  it('reads the flat shape of current servers', () => {
    const body = '{"code":"not_found","message":"Task not found","http_status_code":404,"details":{"task_id":"task_1"}}';
    assert.deepEqual(readErrorBody(body), { code: 'not_found', message: 'Task not found' });
  });

  it('reads the shape of older servers, preferring the readable message', () => {
    const body = '{"success":false,"error":{"message":"Something went wrong","internal_error":"pq: deadlock","details":{}}}';
    assert.deepEqual(readErrorBody(body), { code: undefined, message: 'Something went wrong' });
    assert.equal(readErrorBody('{"success":false,"error":{"internal_error":"pq: deadlock"}}').message, 'pq: deadlock');
  });

  it('reads the auth layer and permission shapes', () => {
    assert.equal(readErrorBody('{"error":"Unauthorized"}').message, 'Unauthorized');
    assert.equal(readErrorBody('{"error":"Invalid token"}').message, 'Invalid token');
    assert.equal(
      readErrorBody('{"error":"Access denied","message":"Invalid or inaccessible environment"}').message,
      'Access denied: Invalid or inaccessible environment',
    );
    assert.equal(readErrorBody('{"message":"insufficient permissions"}').message, 'insufficient permissions');
  });

  it('keeps only the title of an HTML page', () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad\n  Gateway &amp; co</title><style>body{}</style></head><body><script>x()</script><h1>Bad</h1></body></html>';
    assert.deepEqual(readErrorBody(page), { message: '502 Bad Gateway & co' });
    assert.deepEqual(readErrorBody('<html><body><h1>oops</h1></body></html>'), { message: undefined });
  });

  it('reads the message of an S3 XML error', () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    assert.equal(readErrorBody(xml).message, 'Request has expired');
  });

  it('gives nothing for empty, unreadable or unknown bodies', () => {
    assert.deepEqual(readErrorBody(''), {});
    assert.deepEqual(readErrorBody('   \n'), {});
    assert.deepEqual(readErrorBody('{not json'), {});
    assert.deepEqual(readErrorBody('{"weird":true}'), { code: undefined, message: undefined });
  });

  it('caps long messages and flattens control characters', () => {
    const message = readErrorBody(JSON.stringify({ message: `line1\n\u0007line2 ${'x'.repeat(5000)}` })).message ?? '';
    assert.equal(message.length, MAX_SERVER_MESSAGE_LENGTH);
    assert.ok(message.startsWith('line1 line2 x'));
    assert.ok(message.endsWith('…'));
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('30', now), 30_000);
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 12:01:30 GMT', now), 90_000);
  });

  it('reads a past date as 0 and nonsense as undefined', () => {
    assert.equal(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now), 0);
    for (const value of ['soon', '-5', '1.5', '', undefined, ['30']]) assert.equal(parseRetryAfter(value, now), undefined, String(value));
  });
});
