import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DownloadLinks } from './downloadLinks';
import { FaultSwitches } from './faults';
import { LifecycleSimulator, type SimulatorOptions } from './lifecycleSimulator';
import { handleRequest } from './requestPipeline';
import { RequestLog } from './requestLog';
import { sendJson } from './respond';
import { seedTasks } from './seedTasks';
import type { ServerContext } from './serverContext';
import { TaskStore } from './taskStore';

export { FIXTURE_IDS } from './fixtureIds';
export { LINK_LIFETIME_MS } from './downloadLinks';
export type { FaultSpec } from './faults';
export type { LoggedRequest, RequestFilter } from './requestLog';
export type { ServerTask } from './taskRecord';
export { scheduleScenario, type ScenarioOptions, type ScenarioPlan } from './scenario';
export { FaultSwitches, LifecycleSimulator, RequestLog, TaskStore, type SimulatorOptions };

export const DEFAULT_API_KEY = 'fp_demo_key_local';

export interface ServerOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default 'fp_demo_key_local'. */
  apiKey?: string;
  /** When set, requests must send X-Environment-ID equal to it (else 403); also the tasks' environment_id. */
  environmentId?: string;
  /** Seed for seeded data and the simulator (default 42): same seed and clock → same server. */
  seed?: number;
  /** Total tasks to seed, fixtures included (default 40); false/0 = empty store. */
  seedTasks?: number | false;
  /** Lifecycle simulator, default off. */
  simulate?: boolean | SimulatorOptions;
  /** ms epoch; default Date.now. Timestamps, link expiry and the simulator use it. */
  clock?: () => number;
}

export interface LocalFlexpriceServer {
  /** e.g. http://127.0.0.1:PORT/v1 */
  readonly baseUrl: string;
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  readonly apiKey: string;
  readonly store: TaskStore;
  readonly faults: FaultSwitches;
  readonly requests: RequestLog;
  readonly simulator?: LifecycleSimulator;
  /** Closes all sockets (hung ones too) and stops every timer. */
  close(): Promise<void>;
}

export async function startFlexpriceServer(options: ServerOptions = {}): Promise<LocalFlexpriceServer> {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 42;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const store = new TaskStore({ clock, seed, environmentId: options.environmentId });
  seedTasks(store, seed, clock(), options.seedTasks === false ? 0 : options.seedTasks ?? 40);

  const simulatorOptions = options.simulate === true ? {} : options.simulate || undefined;
  const simulator = simulatorOptions ? new LifecycleSimulator(store, clock, seed, simulatorOptions) : undefined;
  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const delays = new DelayTimers();
  let origin = '';
  const context: ServerContext = { store, links: new DownloadLinks(clock), clock, origin: () => origin };
  const parts = { context, apiKey, environmentId: options.environmentId, faults, requests, simulator, delay: delays.wait };

  const server = createServer((req, res) => {
    handleRequest(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal_error', message: String(error), http_status_code: 500 });
    });
  });
  await listen(server, options.port ?? 0);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (simulator && simulatorOptions?.autoStart !== false) simulator.start();

  return {
    baseUrl: `${origin}/v1`,
    origin,
    apiKey,
    store,
    faults,
    requests,
    simulator,
    close: async () => {
      simulator?.stop();
      delays.cancelAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing outside this machine can reach the fake.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Latency-fault timers, owned so close() can cancel them (their requests are destroyed with the sockets). */
class DelayTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  readonly wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
