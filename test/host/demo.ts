import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startFlexpriceServer, twoEnvironments } from '../server/flexpriceServer';
import { startCodeServer } from './codeServer';
import { PROJECT_ROOT } from './projectRoot';
import { workbenchUrl } from './workbenchUrl';

/*
 * `npm run demo`: the extension in a real VS Code (code-server) against the local Flexprice
 * server, whose tasks move through their states by themselves. Nothing leaves 127.0.0.1.
 * Usage: npm run demo [-- --port 8080]   (or PORT=8080 npm run demo)
 */

function requestedPort(argv: string[]): number | undefined {
  const at = argv.indexOf('--port');
  const value = at >= 0 ? argv[at + 1] : process.env.PORT;
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`Not a port: ${value}`);
  return port;
}

/** Installs the project as a user extension by linking it, so the plain workbench URL loads it. */
function linkExtension(extensionsDir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<string, string>;
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(PROJECT_ROOT, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
}

async function main(): Promise<void> {
  const port = requestedPort(process.argv.slice(2));
  const scratch = mkdtempSync(path.join(tmpdir(), 'flexprice-demo-'));
  const folder = path.join(scratch, 'workspace');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'README.md'), 'Open the Flexprice view in the activity bar to watch the demo tasks.\n');
  const extensionsDir = path.join(scratch, 'extensions');
  linkExtension(extensionsDir);

  // Sandbox and Production of one tenant, each with its own key and tasks, both connected from
  // the start so switching can be tried at once.
  const flexprice = await startFlexpriceServer({ simulate: true, environments: twoEnvironments(), scheduledExports: 6 });
  const connections = flexprice.environments.map((environment) => ({
    name: `${flexprice.tenant.name} · ${environment.name}`,
    apiUrl: flexprice.baseUrl,
    apiKey: environment.apiKey,
  }));
  const codeServer = await startCodeServer({
    folder,
    extensionsDir,
    env: { FLEXPRICE_CONNECTIONS: JSON.stringify(connections), FLEXPRICE_API_KEY: undefined },
    ...(port === undefined ? {} : { port }),
  });
  console.log(`Local Flexprice server: ${flexprice.baseUrl}`);
  console.log(`Connections (FLEXPRICE_CONNECTIONS): ${connections.map((connection) => connection.name).join(', ')}; switch from the status bar.`);
  console.log(`Flexprice Tasks demo: ${workbenchUrl(codeServer, folder)}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo...');
    await codeServer.close();
    await flexprice.close();
    rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
