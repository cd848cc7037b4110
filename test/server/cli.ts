import { parseArgs } from 'node:util';
import { FIXTURE_IDS, startFlexpriceServer } from './flexpriceServer';

/** `npm run sandbox`: a local Flexprice to point VS Code at, with tasks moving on their own. */

const USAGE = `Usage: npm run sandbox -- [--port 8787] [--seed 42] [--no-simulate] [--environment-id ENV] [--time-scale 1]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      seed: { type: 'string', default: '42' },
      'no-simulate': { type: 'boolean', default: false },
      'environment-id': { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = integer(values.port, 'port');
  const seed = integer(values.seed, 'seed');
  const timeScale = Number(values['time-scale']);
  const environmentId = values['environment-id'];
  const server = await startFlexpriceServer({
    port,
    seed,
    environmentId,
    simulate: values['no-simulate'] ? false : { timeScale: timeScale > 0 ? timeScale : 1 },
  });

  const settings: Record<string, string> = { 'flexprice.apiUrl': server.baseUrl };
  if (environmentId) settings['flexprice.environmentId'] = environmentId;
  console.log(`Local Flexprice sandbox listening at ${server.baseUrl}`);
  console.log(`API key (demo only): ${server.apiKey}`);
  console.log(`Simulator: ${server.simulator ? 'on, new tasks appear and progress by themselves' : 'off'}`);
  console.log('\nPaste into VS Code settings.json:');
  console.log(JSON.stringify(settings, null, 2).slice(2, -2));
  console.log('\nThen run "Flexprice: Set API Key" with the key above.');
  console.log(`Try "Flexprice: Get Task" with ${FIXTURE_IDS.completedWithErrors} (import with row errors).`);
  console.log('\nCtrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping sandbox...`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // The simulator's timer is unref'd; this keeps the sandbox running until a signal.
  setInterval(() => undefined, 1 << 30);
}

function integer(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
