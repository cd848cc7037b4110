import { parseArgs } from 'node:util';
import { FIXTURE_IDS, startFlexpriceServer, twoEnvironments } from './flexpriceServer';

/**
 * `npm run sandbox`: a local Flexprice to point VS Code at, with tasks moving on their own.
 * By default one tenant with two environments, Sandbox and Production, each with its own key;
 * `--environment-id` serves one environment whose key needs that X-Environment-ID instead.
 */

const USAGE = `Usage: npm run sandbox -- [--port 8787] [--seed 42] [--no-simulate] [--environment-id ENV] [--time-scale 1] [--schedules 6]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      seed: { type: 'string', default: '42' },
      'no-simulate': { type: 'boolean', default: false },
      'environment-id': { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      schedules: { type: 'string', default: '6' },
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
  const schedules = integer(values.schedules, 'schedules');
  // The seed is Sandbox's; Production's follows from it, so the two hold different tasks.
  const environments = environmentId ? undefined : twoEnvironments().map((environment, index) => ({ ...environment, seed: seed + index * 4200 }));
  const server = await startFlexpriceServer({
    port,
    seed,
    environmentId,
    environments,
    simulate: values['no-simulate'] ? false : { timeScale: timeScale > 0 ? timeScale : 1 },
    // Scheduled exports run on their cadence (scaled with the simulator) whether or not it simulates.
    scheduledExports: { schedules, timeScale: timeScale > 0 ? timeScale : 1 },
  });

  console.log(`Local Flexprice sandbox listening at ${server.baseUrl}`);
  console.log(`Tenant: ${server.tenant.name} (${server.tenant.id})`);
  console.log('API keys (demo only):');
  for (const environment of server.environments) {
    console.log(`  ${environment.name.padEnd(12)} ${environment.type.padEnd(12)} ${environment.apiKey.padEnd(24)} ${environment.id}`);
  }
  console.log(`Simulator: ${server.simulator ? 'on, new tasks appear and progress by themselves' : 'off'}`);
  console.log(`Scheduled exports: ${server.schedules.size} per environment, running on their cadence; "run now" creates its task ${server.scheduledExports.runDelayMs} ms later`);
  if (environmentId) {
    const settings = { 'flexprice.apiUrl': server.baseUrl, 'flexprice.environmentId': environmentId };
    console.log('\nPaste into VS Code settings.json:');
    console.log(JSON.stringify(settings, null, 2).slice(2, -2));
    console.log('\nThen run "Flexprice: Set API Key" with the key above.');
  } else {
    console.log(`\nRun "Flexprice: Add Connection…" with the API URL ${server.baseUrl} and one of the keys above;`);
    console.log('add the other one too, then "Flexprice: Switch Connection" moves between them.');
  }
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
