import * as assert from 'node:assert/strict';
import { HostOutbox } from '../../../src/panel/hostOutbox';
import type { HostMessage } from '../../../src/webview/protocol/messages';

describe('HostOutbox', () => {
  const task = (id: string) => ({ type: 'task', view: { id } }) as unknown as HostMessage;
  const problem: HostMessage = { type: 'problem', message: 'offline', retryable: true };

  it('sends nothing before ready, then the latest state; later messages go straight through', () => {
    const sent: HostMessage[] = [];
    const outbox = new HostOutbox((message) => sent.push(message));
    outbox.post({ type: 'loading', taskId: 't' });
    outbox.post(problem);
    outbox.post({ type: 'notice', message: 'copied' });
    assert.deepEqual(sent, []);
    outbox.open();
    assert.deepEqual(sent, [{ type: 'loading', taskId: 't' }, problem]);
    outbox.post(task('t'));
    assert.deepEqual(sent.at(-1), task('t'));
  });

  it('drops a problem once a newer task arrives, and replays with the fresh base it is given', () => {
    const sent: HostMessage[] = [];
    const outbox = new HostOutbox((message) => sent.push(message));
    outbox.post(problem);
    outbox.post(task('old'));
    outbox.open(task('fresh'));
    assert.deepEqual(sent, [task('fresh')]);
  });
});
