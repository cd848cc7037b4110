import { DEFAULT_ENVIRONMENT_ID, DEFAULT_TENANT_ID } from './taskRecord';

/** One environment of the tenant as the server is told it: `type` is a string, as the backend's enum is open. */
export interface EnvironmentSpec {
  id: string;
  name: string;
  /** `development` (the dashboard's "Sandbox") or `production`; anything else is served as given. */
  type: string;
  /** The dashboard key that belongs to this environment (X-Environment-ID is ignored for it). */
  apiKey: string;
  /** Seed of this environment's tasks and simulator; default the server's seed plus the entry's index. */
  seed?: number;
  /** Tasks to seed in this environment, fixtures included; default the server's seedTasks. */
  seedTasks?: number | false;
}

export interface TenantSpec {
  id: string;
  name: string;
}

export const SANDBOX_API_KEY = 'fp_sandbox_key_local';
export const PRODUCTION_API_KEY = 'fp_production_key_local';
export const SANDBOX_ENVIRONMENT_ID = DEFAULT_ENVIRONMENT_ID;
export const PRODUCTION_ENVIRONMENT_ID = 'env_01JQ6ZTF8M2Q5S9V1X3Z6B8D0G';
export const DEFAULT_TENANT: TenantSpec = { id: DEFAULT_TENANT_ID, name: 'Acme' };

/**
 * The usual pair a tenant holds: Sandbox (type development) and Production, each with its own
 * key and seed, so their tasks differ. A fresh array each call, so tests may change it.
 */
export function twoEnvironments(): EnvironmentSpec[] {
  return [
    { id: SANDBOX_ENVIRONMENT_ID, name: 'Sandbox', type: 'development', apiKey: SANDBOX_API_KEY, seed: 42 },
    { id: PRODUCTION_ENVIRONMENT_ID, name: 'Production', type: 'production', apiKey: PRODUCTION_API_KEY, seed: 4242 },
  ];
}

/**
 * Route groups the real server serves before an environment is chosen (internal/rest/middleware/auth.go,
 * environmentDiscoveryGroups): they never need X-Environment-ID.
 */
const DISCOVERY_GROUPS = ['/v1/users', '/v1/environments', '/v1/tenants'];

export function isDiscoveryPath(path: string): boolean {
  return DISCOVERY_GROUPS.some((group) => path === group || path.startsWith(`${group}/`));
}
