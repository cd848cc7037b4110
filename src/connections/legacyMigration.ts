import type { KeyValueStore } from '../storage/boundedIdList';
import { apiUrlProblem, DEFAULT_API_URL, describeApiUrl } from './connection';
import type { ConnectionStore, SecretStore } from './connectionStore';
import { ENVIRONMENT_KEY_CONNECTION_ID, type LegacySettings } from './environmentConnections';
import { recentIdsKey, watchedIdsKey } from '../storage/perConnectionState';

/** Where versions before connections kept things. */
export const LEGACY_SECRET = 'flexprice.apiKey';
const LEGACY_RECENT_KEY = 'flexprice.recentTaskIds';
const LEGACY_WATCHED_KEY = 'flexprice.watchedTaskIds';
const MIGRATED_KEY = 'flexprice.connectionsMigrated';

/**
 * Once, on the first start after the upgrade: the old `flexprice.apiUrl` and
 * `flexprice.environmentId` settings and the stored key become one connection, and the recent
 * and watched IDs become its own. Nothing is asked and nothing is lost: the old secret is
 * deleted only after the new one is stored. With no old key, old settings that differ from the
 * defaults still become a connection, unless FLEXPRICE_API_KEY is set (its connection uses them).
 * Resolves to the migrated connection's ID, if one was made.
 */
export async function migrateLegacySettings(
  state: KeyValueStore,
  secrets: SecretStore,
  store: ConnectionStore,
  legacy: LegacySettings,
): Promise<string | undefined> {
  if (state.get(MIGRATED_KEY) === true) return undefined;
  const key = (await secrets.get(LEGACY_SECRET))?.trim() || undefined;
  const apiUrl = legacy.apiUrl?.trim() || DEFAULT_API_URL;
  const environmentId = legacy.environmentId?.trim() || undefined;
  const customised = apiUrl.replace(/\/+$/, '') !== DEFAULT_API_URL || environmentId !== undefined;
  const fromEnvironment = store.get(ENVIRONMENT_KEY_CONNECTION_ID) !== undefined;

  const urlProblem = apiUrlProblem(apiUrl);
  if (urlProblem && (key || customised)) {
    // Never guess where a key should go: it stays where it was, and the user adds a connection.
    await state.update(MIGRATED_KEY, true);
    throw new Error(`the old flexprice.apiUrl "${apiUrl}" cannot be used (${urlProblem}); add a connection instead. The old key is left in secret storage.`);
  }

  let migrated: string | undefined;
  if (key || (customised && !fromEnvironment)) {
    const connection = await store.add({ name: store.freeName(describeApiUrl(apiUrl)), apiUrl, environmentId, autoNamed: true }, key);
    migrated = connection.id;
    if (key) await secrets.delete(LEGACY_SECRET);
  }
  // The old lists belong to whatever the old code used: the migrated connection, else FLEXPRICE_API_KEY's.
  const owner = migrated ?? (fromEnvironment ? ENVIRONMENT_KEY_CONNECTION_ID : undefined);
  if (owner) {
    for (const [from, to] of [[LEGACY_RECENT_KEY, recentIdsKey(owner)], [LEGACY_WATCHED_KEY, watchedIdsKey(owner)]] as const) {
      const ids = state.get<unknown>(from);
      if (Array.isArray(ids) && state.get(to) === undefined) await state.update(to, ids);
    }
  }
  for (const old of [LEGACY_RECENT_KEY, LEGACY_WATCHED_KEY]) if (owner) await state.update(old, undefined);
  await state.update(MIGRATED_KEY, true);
  return migrated;
}
