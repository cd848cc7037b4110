import { parseHostMessage } from './protocol/hostMessage';
import { TaskPage } from './taskPage';
import { PageHost } from './vscodeApi';

/*
 * The task panel's page, bundled by esbuild.js into dist/webview/panel.js. It receives plain
 * data from the extension (src/webview/protocol), checks it, and builds every element with
 * textContent, never innerHTML, so whatever the server sent is shown as text and cannot run.
 */

const page = new TaskPage(document.getElementById('app')!, new PageHost());

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) page.receive(message);
  else console.warn(`Flexprice task panel: ignored a malformed message (type ${describeType(event.data)})`);
});

page.start();

function describeType(data: unknown): string {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof data;
}
