import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PRODUCTION_API_KEY, SANDBOX_API_KEY, startFlexpriceServer, twoEnvironments, type LocalFlexpriceServer } from '../server/flexpriceServer';
import {
  addConnectionThroughCommand,
  answerRangePickFor,
  panelSnapshot,
  removeConnectionThroughCommand,
  stubWindow,
  switchConnection,
  until,
} from './vscodeStubs';

/** Sandbox, named with the characters a link's query must carry intact. */
const CONNECTION = 'Links & more = 100% test';
const OTHER = 'Links other';

/**
 * Hands a link to the extension's URI handler, parsed by vscode.Uri as VS Code parses an opened
 * link (the host here cannot be sent an OS-level `vscode://` link).
 */
async function openLink(link: string): Promise<void> {
  await vscode.commands.executeCommand('flexprice.internal.openTaskUri', link);
}

describe('Task links (URI handler, Copy Link) and the walkthrough', () => {
  let server: LocalFlexpriceServer;
  const extensionId = 'flexprice-tasks.flexprice-tasks';

  before(async () => {
    server = await startFlexpriceServer({ environments: twoEnvironments(), seedTasks: 5, scheduledExports: { schedules: 6, runDelayMs: 1_000 } });
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: SANDBOX_API_KEY, name: CONNECTION });
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: PRODUCTION_API_KEY, name: OTHER });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeConnectionThroughCommand(CONNECTION);
    await removeConnectionThroughCommand(OTHER);
    await server.close();
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Copy Link copies a link naming the task and its connection; opened while another is active, it reads with the one named', async () => {
    await switchConnection(CONNECTION);
    const task = server.environments[0].store.all()[0];
    await vscode.commands.executeCommand('flexprice.copyTaskLink', task.id);
    const link = await vscode.env.clipboard.readText();
    assert.ok(link.startsWith(`${vscode.env.uriScheme}://${extensionId}/task/${encodeURIComponent(task.id)}?connection=`), link);
    await switchConnection(OTHER);
    await openLink(link);
    await until('the panel', async () => (await panelSnapshot()).some((entry) => entry.taskId === task.id));
    const read = server.requests.last({ path: `/v1/tasks/${encodeURIComponent(task.id)}` });
    assert.equal(read?.headers['x-api-key'], SANDBOX_API_KEY, 'with the key of the connection the link names, not the active one');
  });

  it('a link with an unknown connection or a malformed ID says so and sends nothing', async () => {
    const errors = stubWindow('showErrorMessage', (async () => undefined) as unknown as typeof vscode.window.showErrorMessage);
    try {
      await switchConnection(CONNECTION);
      const before = server.requests.all().length;
      await openLink(`${vscode.env.uriScheme}://${extensionId}/task/task_01JQ7B5K8M2N4P6R8T0V2X4Z6A?connection=Nobody`);
      await until('the unknown connection message', () => errors.calls.some(([message]) => String(message).includes('no connection "Nobody"')));
      await openLink(`${vscode.env.uriScheme}://${extensionId}/tasks/whatever`);
      await until('the not-a-task-link message', () => errors.calls.some(([message]) => String(message).includes('does not name a Flexprice task')));
      assert.equal(server.requests.all().length, before, 'no request for either');
    } finally {
      errors.restore();
    }
  });

  it('completes the walkthrough steps on the real events: a task shown, a run accepted', async () => {
    await vscode.commands.executeCommand('flexprice.internal.walkthroughProgress', 'forget');
    const contexts: unknown[][] = [];
    const commands = vscode.commands as unknown as { executeCommand: (...args: unknown[]) => Thenable<unknown> };
    const original = commands.executeCommand;
    commands.executeCommand = (...args: unknown[]) => {
      if (args[0] === 'setContext' && String(args[1]).startsWith('flexprice.walkthrough.')) contexts.push(args.slice(1));
      return original.apply(vscode.commands, args);
    };
    const errors = stubWindow('showErrorMessage', (async () => undefined) as unknown as typeof vscode.window.showErrorMessage);
    try {
      await vscode.commands.executeCommand('flexprice.getTask', 'task_does_not_exist_01');
      assert.equal(errors.calls.length, 1, 'not found, said so');
      assert.deepEqual(contexts, [], 'a task not found completes nothing');
      await vscode.commands.executeCommand('flexprice.getTask', server.environments[0].store.all()[0].id);
      await until('the step', () => contexts.length === 1);
      assert.deepEqual(contexts, [['flexprice.walkthrough.lookedUpTask', true]]);

      const schedule = server.environments[0].schedules.all().find((candidate) => candidate.enabled && candidate.status === 'published')!;
      const pick = answerRangePickFor('Current interval so far');
      try {
        await vscode.commands.executeCommand('flexprice.runScheduledExport', { scheduleId: schedule.id });
      } finally {
        pick.restore();
      }
      assert.deepEqual(contexts.at(-1), ['flexprice.walkthrough.ranScheduledExport', true]);
      assert.deepEqual(await vscode.commands.executeCommand('flexprice.internal.walkthroughProgress'), ['lookedUpTask', 'ranScheduledExport']);
    } finally {
      commands.executeCommand = original;
      errors.restore();
    }
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { walkthroughs: { steps: { completionEvents: string[] }[] }[] } };
    const events = manifest.contributes.walkthroughs[0].steps.flatMap((step) => step.completionEvents);
    assert.ok(events.includes('onContext:flexprice.walkthrough.lookedUpTask') && events.includes('onContext:flexprice.walkthrough.ranScheduledExport'), events.join(', '));
  });
});
