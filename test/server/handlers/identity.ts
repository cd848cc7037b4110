import type { ServerResponse } from 'node:http';
import { validationError } from '../errors';
import type { TenantSpec } from '../identity';
import { sendJson } from '../respond';

/** An environment as `GET /environments` lists it (dto.EnvironmentResponse). */
export interface EnvironmentRecord {
  id: string;
  name: string;
  type: string;
  created_at: string;
  updated_at: string;
}

/** The tenant and its environments, the same whichever key asks. */
export interface IdentityContext {
  readonly tenant: TenantSpec;
  readonly tenantCreatedAt: string;
  readonly environments: readonly EnvironmentRecord[];
}

/**
 * GET /v1/environments: `{"environments":[…],"total":n,"offset":0,"limit":50}`, newest first,
 * paged by `limit` (default 50) and `offset` like the backend's types.Filter.
 */
export function listEnvironments(identity: IdentityContext, params: URLSearchParams, res: ServerResponse): void {
  const limit = queryInt(params, 'limit', 50);
  const offset = queryInt(params, 'offset', 0);
  if (limit === undefined || offset === undefined) {
    sendJson(res, 400, validationError('Please check the query parameters'));
    return;
  }
  const newestFirst = [...identity.environments].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  const page = newestFirst.slice(offset, offset + limit);
  sendJson(res, 200, { environments: page, total: page.length, offset, limit });
}

/**
 * GET /v1/users/me for an API key: its service account (no email), with the tenant as
 * dto.UserResponse embeds it.
 */
export function currentUser(identity: IdentityContext, caller: EnvironmentRecord, res: ServerResponse): void {
  const { tenant, tenantCreatedAt } = identity;
  sendJson(res, 200, {
    id: `user_01JQ6ZW${caller.id.slice(-19)}`,
    name: `${caller.name} API key`,
    type: 'service_account',
    roles: ['admin'],
    tenant: {
      id: tenant.id,
      name: tenant.name,
      billing_details: { address: {} },
      status: 'published',
      created_at: tenantCreatedAt,
      updated_at: tenantCreatedAt,
      metadata: {},
    },
  });
}

function queryInt(params: URLSearchParams, name: string, fallback: number): number | undefined {
  const text = params.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
