import * as assert from 'node:assert/strict';
import { extensionUri, StandInWebviewPanel } from './webviewPanelStandIn';
import type * as vscode from 'vscode';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { TaskSchema, type Task } from '../../../src/api/taskSchema';
import type { TaskPanelDeps } from '../../../src/panel/taskPanel';
import { TaskPanels } from '../../../src/panel/taskPanels';
import type { TaskWatchListener } from '../../../src/panel/taskWatcher';
import { processingImport } from '../api/sampleTasks';
import { commands } from '../vscodeStandIn';

const TASK = TaskSchema.parse(processingImport);
const settle = () => new Promise((resolve) => setImmediate(resolve));
type Posted = { type: string; view?: { id: string }; message?: string; retryable?: boolean };

/** TaskPanels over a fetch that gives the scripted answers in turn, and a watcher the test drives. */
function panelsWith(answers: (Task | Error)[]) {
  const fetched: string[] = [];
  const watchers: TaskWatchListener[] = [];
  const reported: unknown[] = [];
  const deps: TaskPanelDeps = {
    extensionUri: extensionUri as unknown as vscode.Uri,
    fetchTask: async (id) => {
      fetched.push(id);
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers scripted');
      if (answer instanceof Error) throw answer;
      return answer;
    },
    watcher: { watch: (_id, listener) => (watchers.push(listener), { dispose: () => undefined }) },
    openFile: async () => undefined,
    openInEditor: async () => undefined,
    openAsJson: async () => undefined,
    reportError: async (error) => void reported.push(error),
  };
  return { panels: new TaskPanels(deps), fetched, watchers, reported };
}

function restoredPanel(): StandInWebviewPanel & vscode.WebviewPanel {
  return new StandInWebviewPanel() as StandInWebviewPanel & vscode.WebviewPanel;
}

const posted = (panel: StandInWebviewPanel) => panel.posted as Posted[];

describe('TaskPanel page', () => {
  it('loads the page bundle from dist/webview and its styles from media/, and may load from nothing else', async () => {
    const { panels } = panelsWith([TASK]);
    const panel = restoredPanel();
    await panels.revive(panel, { taskId: TASK.id });
    const roots = (panel.webview.options as { localResourceRoots?: { path: string }[] }).localResourceRoots?.map((uri) => uri.path);
    assert.deepEqual(roots, ['/extension/media', '/extension/dist/webview']);
    assert.match(panel.webview.html, /<script nonce="[^"]+" src="file:\/\/\/extension\/dist\/webview\/panel\.js"><\/script>/);
    assert.match(panel.webview.html, /href="file:\/\/\/extension\/media\/panel\.css"/);
  });
});

describe('TaskPanel messages before and after the page is ready', () => {
  it('a restored panel whose first fetch fails shows the problem with Retry once the page is ready, and Retry fetches again', async () => {
    const failure = new FlexpriceApiError('server_error', 'The Flexprice server answered 503.');
    const { panels, fetched } = panelsWith([failure, TASK]);
    const panel = restoredPanel();
    await panels.revive(panel, { taskId: TASK.id });
    assert.deepEqual(panel.posted, [], 'nothing reaches a page that is not listening yet');

    panel.fromPage({ type: 'ready', taskId: null });
    await settle();
    assert.deepEqual(posted(panel).at(-1), { type: 'problem', message: failure.message, retryable: true });

    panel.fromPage({ type: 'refresh', taskId: TASK.id });
    await settle();
    assert.deepEqual(fetched, [TASK.id, TASK.id]);
    assert.equal(posted(panel).at(-1)?.type, 'task');
    assert.equal(posted(panel).at(-1)?.view?.id, TASK.id);
  });

  it('a task and a later problem posted before ready both arrive on ready, in order, and again after the page reloads', async () => {
    const { panels, watchers } = panelsWith([TASK]);
    const page = restoredPanel();
    await panels.revive(page, { taskId: TASK.id });
    watchers[0]?.onError?.(new Error('socket hang up'), false);
    assert.deepEqual(page.posted, []);

    page.fromPage({ type: 'ready', taskId: null });
    await settle();
    assert.deepEqual(
      posted(page).map((m) => m.type),
      ['task', 'problem'],
    );
    assert.equal(posted(page)[1]?.message, 'Live refresh: socket hang up');

    page.fromPage({ type: 'ready', taskId: TASK.id });
    await settle();
    assert.deepEqual(
      posted(page).map((m) => m.type),
      ['task', 'problem', 'task', 'problem'],
    );
  });
});

/** The commands a Sandbox panel of TASK runs for these page messages (nothing else runs). */
async function commandsRunFor(messages: Record<string, unknown>[]): Promise<unknown[][]> {
  const { panels } = panelsWith([TASK]);
  const page = restoredPanel();
  await panels.revive(page, { taskId: TASK.id, connectionId: 'conn_sandbox' });
  page.fromPage({ type: 'ready', taskId: null });
  await settle();
  const executed: unknown[][] = [];
  const original = commands.executeCommand;
  commands.executeCommand = async (...args: unknown[]) => void executed.push(args);
  try {
    for (const message of messages) page.fromPage(message);
    await settle();
  } finally {
    commands.executeCommand = original;
    panels.dispose();
  }
  return executed;
}

describe('TaskPanel and Save Errors', () => {
  it('runs flexprice.saveErrors with its own task and connection and the page’s filter, checked; never for another task', async () => {
    const executed = await commandsRunFor([
      { type: 'saveErrors', taskId: TASK.id, filter: 'customer', connectionId: 'conn_forged', path: '/etc/passwd' },
      { type: 'saveErrors', taskId: TASK.id, filter: 'x'.repeat(2_000) },
      { type: 'saveErrors', taskId: 'task_other', filter: '' },
    ]);
    assert.deepEqual(executed, [
      ['flexprice.saveErrors', { taskId: TASK.id, connectionId: 'conn_sandbox', filter: 'customer' }],
      ['flexprice.saveErrors', { taskId: TASK.id, connectionId: 'conn_sandbox', filter: 'x'.repeat(500) }],
    ]);
  });
});

describe('TaskPanel and Copy Link', () => {
  it('copies the link of its own task with its own connection, whatever the page adds', async () => {
    const executed = await commandsRunFor([
      { type: 'copyLink', taskId: TASK.id, connectionId: 'conn_forged' },
      { type: 'copyLink', taskId: 'task_other' },
    ]);
    assert.deepEqual(executed, [['flexprice.copyTaskLink', { taskId: TASK.id, connectionId: 'conn_sandbox' }]]);
  });
});
