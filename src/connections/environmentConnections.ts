import { apiUrlProblem, type Connection, DEFAULT_API_URL } from './connection';

/** A connection the extension host's environment defines, with its key (held in memory only). */
export interface EnvironmentConnection {
  readonly connection: Connection;
  readonly key: string;
}

/** The old settings, which still give FLEXPRICE_API_KEY its URL when FLEXPRICE_API_URL is not set. */
export interface LegacySettings {
  readonly apiUrl?: string;
  readonly environmentId?: string;
}

export const ENVIRONMENT_KEY_CONNECTION_ID = 'env:FLEXPRICE_API_KEY';

/**
 * Connections from the environment, for CI, scripts and the demo: `FLEXPRICE_API_KEY` (with
 * `FLEXPRICE_API_URL` and `FLEXPRICE_ENVIRONMENT_ID`, else the old settings) is one, and
 * `FLEXPRICE_CONNECTIONS`, a JSON array of `{ "name", "apiUrl", "apiKey", "environmentId"? }`,
 * adds more. Entries that cannot be used are skipped and said why, never guessed at.
 */
export function connectionsFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  legacy: LegacySettings = {},
): { connections: EnvironmentConnection[]; problems: string[] } {
  const connections: EnvironmentConnection[] = [];
  const problems: string[] = [];
  const add = (entry: { name: string; apiUrl: string; key: string; environmentId?: string }, where: string) => {
    const urlProblem = apiUrlProblem(entry.apiUrl);
    if (urlProblem) return problems.push(`${where}: ${urlProblem}`);
    if (connections.some(({ connection }) => connection.name.toLowerCase() === entry.name.toLowerCase())) {
      return problems.push(`${where}: the name "${entry.name}" is used twice.`);
    }
    const environmentId = entry.environmentId?.trim() || undefined;
    connections.push({
      key: entry.key,
      connection: {
        id: entry.name === 'FLEXPRICE_API_KEY' ? ENVIRONMENT_KEY_CONNECTION_ID : `env:${entry.name}`,
        name: entry.name,
        apiUrl: entry.apiUrl.trim(),
        ...(environmentId ? { environmentId } : {}),
        origin: 'environment',
      },
    });
  };

  const key = env.FLEXPRICE_API_KEY?.trim();
  if (key) {
    const ownUrl = env.FLEXPRICE_API_URL?.trim();
    const apiUrl = ownUrl || legacy.apiUrl?.trim() || DEFAULT_API_URL;
    // The old environment setting goes with the old URL setting, not with a URL from the environment.
    const environmentId = env.FLEXPRICE_ENVIRONMENT_ID ?? (ownUrl ? undefined : legacy.environmentId);
    add({ name: 'FLEXPRICE_API_KEY', apiUrl, key, environmentId }, 'FLEXPRICE_API_KEY');
  }

  const listed = env.FLEXPRICE_CONNECTIONS?.trim();
  if (listed) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(listed);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
      problems.push('FLEXPRICE_CONNECTIONS is not a JSON array; it is ignored.');
    } else {
      parsed.forEach((item: unknown, index) => {
        const where = `FLEXPRICE_CONNECTIONS[${index}]`;
        const entry = item as Record<string, unknown> | null;
        const text = (name: string) => (typeof entry?.[name] === 'string' ? (entry[name] as string).trim() : '');
        if (!text('name') || !text('apiUrl') || !text('apiKey')) return problems.push(`${where}: needs "name", "apiUrl" and "apiKey".`);
        add({ name: text('name'), apiUrl: text('apiUrl'), key: text('apiKey'), environmentId: text('environmentId') }, where);
      });
    }
  }
  return { connections, problems };
}
