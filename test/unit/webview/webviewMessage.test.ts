import * as assert from 'node:assert/strict';
import { parseWebviewMessage, readPanelState } from '../../../src/webview/protocol/webviewMessage';

const OWN = 'task_own';

describe('parseWebviewMessage', () => {
  it('accepts known commands for the panel’s own task, passing on only checked fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openFile', taskId: OWN, url: 'javascript:alert(1)' }, OWN), { type: 'openFile', taskId: OWN });
    assert.deepEqual(parseWebviewMessage({ type: 'copyErrors', taskId: OWN, filter: 'customer' }, OWN), { type: 'copyErrors', taskId: OWN, filter: 'customer' });
  });

  it('refuses commands for another task, unknown commands and junk', () => {
    assert.equal(parseWebviewMessage({ type: 'openFile', taskId: 'task_other' }, OWN), undefined);
    assert.equal(parseWebviewMessage({ type: 'openFile' }, OWN), undefined);
    assert.equal(parseWebviewMessage({ type: 'runCommand', taskId: OWN, command: 'workbench.action.terminal.new' }, OWN), undefined);
    assert.equal(parseWebviewMessage({ type: 'toString', taskId: OWN }, OWN), undefined);
    assert.equal(parseWebviewMessage('openFile', OWN), undefined);
    assert.equal(parseWebviewMessage(null, OWN), undefined);
  });

  it('takes revealSchedule for the panel’s own task and nothing the page adds: the host knows the schedule', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'revealSchedule', taskId: OWN, scheduleId: 'schtask_forged', connectionId: 'conn_other' }, OWN), {
      type: 'revealSchedule',
      taskId: OWN,
    });
    assert.equal(parseWebviewMessage({ type: 'revealSchedule', taskId: 'task_other' }, OWN), undefined);
    assert.equal(parseWebviewMessage({ type: 'revealSchedule' }, OWN), undefined);
    assert.equal(parseWebviewMessage({ type: 'revealschedule', taskId: OWN }, OWN), undefined);
  });

  it('takes saveErrors with its filter, bounded and typed, and nothing else the page adds', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'saveErrors', taskId: OWN, filter: 'customer', path: '/etc/passwd', connectionId: 'conn_other' }, OWN), {
      type: 'saveErrors',
      taskId: OWN,
      filter: 'customer',
    });
    const long = parseWebviewMessage({ type: 'saveErrors', taskId: OWN, filter: '='.repeat(10_000) }, OWN);
    assert.equal(long?.type === 'saveErrors' && long.filter.length, 500);
    assert.deepEqual(parseWebviewMessage({ type: 'saveErrors', taskId: OWN, filter: ['x'] }, OWN), { type: 'saveErrors', taskId: OWN, filter: '' });
    assert.deepEqual(parseWebviewMessage({ type: 'saveErrors', taskId: OWN }, OWN), { type: 'saveErrors', taskId: OWN, filter: '' });
    assert.equal(parseWebviewMessage({ type: 'saveErrors', taskId: 'task_other', filter: 'x' }, OWN), undefined);
    assert.equal(parseWebviewMessage({ type: 'saveerrors', taskId: OWN }, OWN), undefined);
  });

  it('lets "ready" through from a page that does not know its task yet', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', taskId: null }, OWN), { type: 'ready', taskId: OWN });
  });

  it('bounds and types the filter of copyErrors', () => {
    const long = parseWebviewMessage({ type: 'copyErrors', taskId: OWN, filter: 'x'.repeat(10_000) }, OWN);
    assert.equal(long?.type === 'copyErrors' && long.filter.length, 500);
    const odd = parseWebviewMessage({ type: 'copyErrors', taskId: OWN, filter: { toString: 1 } }, OWN);
    assert.equal(odd?.type === 'copyErrors' && odd.filter, '');
  });
});

describe('readPanelState', () => {
  it('reads the saved task ID and refuses anything else', () => {
    assert.deepEqual(readPanelState({ taskId: 'task_1', filter: 'x' }), { taskId: 'task_1' });
    assert.equal(readPanelState({ taskId: 42 }), undefined);
    assert.equal(readPanelState(undefined), undefined);
    assert.equal(readPanelState('task_1'), undefined);
  });
});

