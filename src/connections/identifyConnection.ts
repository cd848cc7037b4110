import { isFlexpriceApiError } from '../api/apiError';
import type { CurrentUser, EnvironmentList } from '../api/identitySchema';
import type { TaskListFilter } from '../api/taskListQuery';
import type { TaskList } from '../api/taskSchema';
import type { Logger } from '../log/logger';
import { environmentLabel } from './connection';

/** What a connection's key was found to belong to; every part is optional, as any step may be refused. */
export interface ConnectionIdentity {
  readonly tenantId?: string;
  readonly tenantName?: string;
  readonly environmentId?: string;
  readonly environmentName?: string;
  /** As the server says it, lower-cased: 'production', 'development', or anything newer. */
  readonly environmentType?: string;
}

/** The part of FlexpriceClient identification needs. */
export interface IdentitySource {
  listTasks(filter?: TaskListFilter, signal?: AbortSignal): Promise<TaskList>;
  listEnvironments(signal?: AbortSignal): Promise<EnvironmentList>;
  getCurrentUser(signal?: AbortSignal): Promise<CurrentUser>;
}

export interface IdentifyOptions {
  /** Stops every request; the result then holds what was learnt before. */
  readonly signal?: AbortSignal;
  /** Gets one info line for every step that was skipped, and why. */
  readonly log?: Logger;
  /** The connection's configured X-Environment-ID: the environment when no task names one. */
  readonly environmentId?: string;
  /** Identification gives up on what has not answered by then. Default 15 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Asks the server, in parallel, for the first task (its environment_id and tenant_id), the
 * environments the key may list (the name and type of that environment) and the current user
 * (the tenant's name).
 *
 * Never rejects: every step that fails is skipped (and logged at info level via an optional
 * Logger), and the result holds what was learnt.
 */
export async function identifyConnection(client: IdentitySource, options: IdentifyOptions = {}): Promise<ConnectionIdentity> {
  const { log } = options;
  const abort = new AbortController();
  const stop = () => abort.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = abort.signal;

  try {
    const [tasks, environments, user] = await Promise.all([
      step('GET /tasks?limit=1', () => client.listTasks({ limit: 1 }, signal), signal, log),
      step('GET /environments', () => client.listEnvironments(signal), signal, log),
      step('GET /users/me', () => client.getCurrentUser(signal), signal, log),
    ]);

    const task = tasks?.items[0];
    const environmentId = present(task?.environment_id) ?? present(options.environmentId?.trim());
    const environment = environmentId ? environments?.environments.find((entry) => entry.id === environmentId) : undefined;
    if (environments && environmentId && !environment) log?.info(`Identification: ${environmentId} is not among the environments the key may list.`);

    const userTenantId = present(user?.tenant?.id);
    const tenantId = present(task?.tenant_id) ?? userTenantId;
    // The user's tenant names the connection's only when it is the same tenant (or nothing says otherwise).
    const tenantName = !userTenantId || !tenantId || userTenantId === tenantId ? present(user?.tenant?.name?.trim()) : undefined;

    return withoutUndefined({
      tenantId,
      tenantName,
      environmentId,
      environmentName: present(environment?.name?.trim()),
      environmentType: present(environment?.type?.trim().toLowerCase()),
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

/**
 * "<tenant> · <environment>" from what is known (the environment's name, else its type
 * capitalised; unknown parts dropped); undefined when nothing is known.
 */
export function suggestedConnectionName(identity: ConnectionIdentity): string | undefined {
  const tenant = present(identity.tenantName?.trim());
  const environment = environmentLabel(identity);
  const parts = [tenant, environment].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Runs one request; its failure (or the whole run stopping) yields undefined and a log line. */
async function step<T>(what: string, run: () => Promise<T>, signal: AbortSignal, log: Logger | undefined): Promise<T | undefined> {
  if (signal.aborted) {
    log?.info(`Identification: ${what} skipped: stopped before it was sent.`);
    return undefined;
  }
  try {
    return await run();
  } catch (error) {
    log?.info(`Identification: ${what} skipped: ${describeFailure(error, signal)}`);
    return undefined;
  }
}

function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'stopped (cancelled or took too long).';
  if (isFlexpriceApiError(error)) return `${error.kind}${error.status ? ` (${error.status})` : ''}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function withoutUndefined(identity: { [K in keyof ConnectionIdentity]: string | undefined }): ConnectionIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== undefined)) as ConnectionIdentity;
}
