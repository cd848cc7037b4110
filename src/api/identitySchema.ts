import * as z from 'zod/mini';
import { absentable } from './lenientFields';

/*
 * What a key can learn about where it points: `GET /environments` and `GET /users/me`, in the
 * shapes of flexprice/flexprice's internal/api/dto/environment.go (ListEnvironmentsResponse,
 * EnvironmentResponse) and internal/api/dto/user.go (UserResponse with its TenantResponse).
 *
 * As lenient as the task schemas: a field may be missing or null (both read `undefined`), enums
 * are open (an environment type no one knows yet is kept as sent), extra fields are dropped.
 */


const text = absentable(z.string());
const count = absentable(z.int());

/** The values the backend knows today (internal/types/environment.go); others are kept too. */
export const KNOWN_ENVIRONMENT_TYPES = ['development', 'production'] as const;

export const EnvironmentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: text,
  /** `development` (shown as "Sandbox" in the dashboard) or `production`, as sent. */
  type: text,
  created_at: text,
  updated_at: text,
});

export type Environment = z.infer<typeof EnvironmentSchema>;

/**
 * `{"environments":[…],"total":2,"offset":0,"limit":0}`. An entry that is not a readable
 * environment (no id, a name that is not text) is left out rather than failing the list;
 * `environments: null` reads as none.
 */
export const EnvironmentListSchema = z.pipe(
  z.object({
    environments: absentable(z.array(z.unknown())),
    total: count,
  }),
  z.transform(({ environments: sent = [], total }) => {
    const environments: Environment[] = [];
    for (const raw of sent) {
      const result = EnvironmentSchema.safeParse(raw);
      if (result.success) environments.push(result.data);
    }
    return { environments, total: total ?? sent.length };
  }),
);

export type EnvironmentList = z.infer<typeof EnvironmentListSchema>;

export const TenantSchema = z.object({
  id: text,
  name: text,
  status: text,
});

export type Tenant = z.infer<typeof TenantSchema>;

/**
 * The caller of `GET /users/me`: a person, or for an API key its service account (no email).
 * Servers before January 2025 send only `id` and `email`, without `tenant`.
 */
export const CurrentUserSchema = z.object({
  id: text,
  name: text,
  email: text,
  /** `user` or `service_account`, as sent. */
  type: text,
  roles: absentable(z.array(z.string())),
  tenant: absentable(TenantSchema),
});

export type CurrentUser = z.infer<typeof CurrentUserSchema>;
