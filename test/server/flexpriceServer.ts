import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DownloadLinks } from './downloadLinks';
import { FaultSwitches } from './faults';
import type { EnvironmentRecord, IdentityContext } from './handlers/identity';
import { DEFAULT_TENANT, type EnvironmentSpec, type TenantSpec } from './identity';
import { LifecycleSimulator, type SimulatorOptions } from './lifecycleSimulator';
import { type EnvironmentParts, handleRequest } from './requestPipeline';
import { RequestLog } from './requestLog';
import { sendJson } from './respond';
import { ScheduledExports, type ScheduledExportsOptions } from './scheduledExports';
import { ScheduleStore } from './scheduleStore';
import { seedSchedules } from './seedSchedules';
import { seedTasks } from './seedTasks';
import type { ServerContext } from './serverContext';
import { DEFAULT_ENVIRONMENT_ID } from './taskRecord';
import { TaskStore } from './taskStore';
import { rfc3339 } from './timestamps';

export { FIXTURE_IDS } from './fixtureIds';
export { LINK_LIFETIME_MS } from './downloadLinks';
export type { FaultSpec } from './faults';
export type { LoggedRequest, RequestFilter } from './requestLog';
export type { ServerTask } from './taskRecord';
export { scheduleScenario, type ScenarioOptions, type ScenarioPlan } from './scenario';
export { FaultSwitches, LifecycleSimulator, RequestLog, TaskStore, type SimulatorOptions };
export { ScheduledExports, ScheduleStore, type ScheduledExportsOptions };
export type { ForceRunAnswer, ForceRunRange, RequestedRun } from './scheduledExports';
export type { S3Connection, ScheduleQuery } from './scheduleStore';
export type { ExportMetadataField, ScheduleJobConfig, ServerSchedule } from './scheduleRecord';
export { SCHEDULE_INTERVALS } from './scheduleRecord';
export { currentInterval, exportCadence, fireTimesBetween, nextFireAfter, previousInterval, scheduledRunId, type DataInterval, type ExportCadence } from './exportCadence';
export { exportFileUrl, SYSTEM_USER_ID } from './exportRun';
export {
  DEFAULT_TENANT,
  PRODUCTION_API_KEY,
  PRODUCTION_ENVIRONMENT_ID,
  SANDBOX_API_KEY,
  SANDBOX_ENVIRONMENT_ID,
  twoEnvironments,
  type EnvironmentSpec,
  type TenantSpec,
} from './identity';

export const DEFAULT_API_KEY = 'fp_demo_key_local';

export interface ServerOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default 'fp_demo_key_local'. */
  apiKey?: string;
  /**
   * When set, requests must send X-Environment-ID equal to it (else 403), except to the discovery
   * routes (/users, /environments, /tenants); also the tasks' environment_id. Single-environment
   * servers only: with `environments`, keys are dashboard keys and the header is ignored.
   */
  environmentId?: string;
  /**
   * Several environments of one tenant, each with its own key, tasks and simulator; the key on
   * a request picks the environment. Replaces `apiKey` and `environmentId`. See twoEnvironments().
   */
  environments?: EnvironmentSpec[];
  /** The tenant every environment belongs to; default DEFAULT_TENANT (id tenant_01JQ6ZT3…, "Acme"). */
  tenant?: TenantSpec;
  /** False: an older server, without GET /environments and GET /users/me (404 route not found). Default true. */
  identityRoutes?: boolean;
  /** Seed for seeded data and the simulator (default 42): same seed and clock → same server. */
  seed?: number;
  /** Total tasks to seed, fixtures included (default 40); false/0 = empty store. */
  seedTasks?: number | false;
  /** Lifecycle simulator, default off. */
  simulate?: boolean | SimulatorOptions;
  /**
   * Scheduled exports seeded in each environment: a count (6 is the usual mix) or options;
   * default off (no schedules, though the routes exist and schedules can be added). Their
   * runs follow the clock with or without the simulator, scaled by its timeScale.
   */
  scheduledExports?: number | false | ScheduledExportsOptions;
  /** ms epoch; default Date.now. Timestamps, link expiry and the simulator use it. */
  clock?: () => number;
}

export interface LocalFlexpriceServer {
  /** e.g. http://127.0.0.1:PORT/v1 */
  readonly baseUrl: string;
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  /** The first environment's key. */
  readonly apiKey: string;
  /** The first environment's tasks. */
  readonly store: TaskStore;
  readonly faults: FaultSwitches;
  readonly requests: RequestLog;
  /** The first environment's simulator. */
  readonly simulator?: LifecycleSimulator;
  /** The first environment's scheduled exports. */
  readonly schedules: ScheduleStore;
  /** The first environment's scheduled-export runs (cadence and "run now"). */
  readonly scheduledExports: ScheduledExports;
  /** Every environment served, in the order given (one for a single-environment server). */
  readonly environments: ReadonlyArray<ServedEnvironment>;
  readonly tenant: TenantSpec;
  /** Whether GET /environments and GET /users/me exist; false answers like an older server. Settable. */
  identityRoutes: boolean;
  /** Closes all sockets (hung ones too) and stops every timer. */
  close(): Promise<void>;
}

export interface ServedEnvironment {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly apiKey: string;
  readonly store: TaskStore;
  readonly simulator?: LifecycleSimulator;
  readonly schedules: ScheduleStore;
  readonly scheduledExports: ScheduledExports;
}

const DAY_MS = 24 * 60 * 60_000;

export async function startFlexpriceServer(options: ServerOptions = {}): Promise<LocalFlexpriceServer> {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 42;
  const tenant = options.tenant ?? DEFAULT_TENANT;
  const specs = environmentSpecs(options);
  const simulatorOptions = options.simulate === true ? {} : options.simulate || undefined;
  const exportOptions = scheduledExportOptions(options.scheduledExports, simulatorOptions?.timeScale);
  const startedAt = clock();
  let origin = '';

  const environments = specs.map((spec, index): EnvironmentParts => {
    const envSeed = spec.seed ?? seed + index;
    const store = new TaskStore({ clock, seed: envSeed, environmentId: spec.id, tenantId: tenant.id });
    seedTasks(store, envSeed, startedAt, spec.seedTasks === false ? 0 : spec.seedTasks ?? (options.seedTasks === false ? 0 : options.seedTasks ?? 40));
    const schedules = new ScheduleStore({ clock, seed: envSeed, environmentId: spec.id, tenantId: tenant.id });
    const exports = new ScheduledExports(store, schedules, clock, envSeed, exportOptions);
    seedSchedules(exports, envSeed, startedAt, exportOptions.schedules ?? 0, exportOptions.history ?? true);
    store.advanceTo(startedAt);
    const simulator = simulatorOptions ? new LifecycleSimulator(store, clock, envSeed, simulatorOptions) : undefined;
    // Created a day apart, the first the oldest, so the newest-first list is not the order given.
    const createdAt = rfc3339(startedAt - (90 - index) * DAY_MS);
    const record: EnvironmentRecord = { id: spec.id, name: spec.name, type: spec.type, created_at: createdAt, updated_at: createdAt };
    const context: ServerContext = { store, schedules, exports, links: new DownloadLinks(clock), clock, origin: () => origin };
    return { record, apiKey: spec.apiKey, context, simulator };
  });
  const identity: IdentityContext = {
    tenant,
    tenantCreatedAt: rfc3339(startedAt - 120 * DAY_MS),
    environments: environments.map(({ record }) => record),
  };
  let identityRoutes = options.identityRoutes ?? true;

  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const delays = new DelayTimers();
  const parts = {
    environments,
    identity,
    requiredEnvironmentId: options.environments ? undefined : options.environmentId,
    identityRoutes: () => identityRoutes,
    faults,
    requests,
    clock,
    delay: delays.wait,
  };

  const server = createServer((req, res) => {
    handleRequest(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal_error', message: String(error), http_status_code: 500 });
    });
  });
  await listen(server, options.port ?? 0);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (simulatorOptions?.autoStart !== false) for (const { simulator } of environments) simulator?.start();

  const served = environments.map(({ record, apiKey, context, simulator }): ServedEnvironment => ({
    id: record.id,
    name: record.name,
    type: record.type,
    apiKey,
    store: context.store,
    schedules: context.schedules,
    scheduledExports: context.exports,
    ...(simulator ? { simulator } : {}),
  }));
  const first = environments[0];
  return {
    baseUrl: `${origin}/v1`,
    origin,
    apiKey: first.apiKey,
    store: first.context.store,
    faults,
    requests,
    simulator: first.simulator,
    schedules: first.context.schedules,
    scheduledExports: first.context.exports,
    environments: served,
    tenant,
    get identityRoutes() {
      return identityRoutes;
    },
    set identityRoutes(enabled: boolean) {
      identityRoutes = enabled;
    },
    close: async () => {
      for (const { simulator } of environments) simulator?.stop();
      delays.cancelAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** `scheduledExports` as options: off is zero schedules; the time scale defaults to the simulator's. */
function scheduledExportOptions(option: ServerOptions['scheduledExports'], simulatorTimeScale: number | undefined): ScheduledExportsOptions {
  const given: ScheduledExportsOptions = typeof option === 'number' ? { schedules: option } : option ? { schedules: 6, ...option } : { schedules: 0 };
  return { ...given, timeScale: given.timeScale ?? simulatorTimeScale };
}

/** The environments to serve: those given, or the one a single-key server has always served. */
function environmentSpecs(options: ServerOptions): EnvironmentSpec[] {
  if (options.environments) {
    if (options.environments.length === 0) throw new Error('environments: give at least one');
    const keys = new Set(options.environments.map(({ apiKey }) => apiKey));
    const ids = new Set(options.environments.map(({ id }) => id));
    if (keys.size !== options.environments.length || ids.size !== options.environments.length) {
      throw new Error('environments: every environment needs its own id and key');
    }
    return options.environments;
  }
  return [
    {
      id: options.environmentId ?? DEFAULT_ENVIRONMENT_ID,
      name: 'Sandbox',
      type: 'development',
      apiKey: options.apiKey ?? DEFAULT_API_KEY,
      seed: options.seed ?? 42,
    },
  ];
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
