import type { CodeServer } from './codeServer';

/** How the browser workbench names a path on the server's disk. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

/**
 * The workbench URL that opens `folder`. A payload passes what desktop VS Code takes on its
 * command line, such as extensionDevelopmentPath and extensionTestsPath (as remote URIs).
 */
export function workbenchUrl(server: CodeServer, folder: string, payload: [string, string][] = []): string {
  // Slashes stay readable; they are legal in a query.
  const query = `folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload.length === 0) return `${server.url}/?${query}`;
  const withWelcomeSkipped = [...payload, ['skipWelcome', 'true']];
  return `${server.url}/?${query}&payload=${encodeURIComponent(JSON.stringify(withWelcomeSkipped))}`;
}
