/** The globalState keys that hold one connection's own state, so removing it removes them all. */
export const recentIdsKey = (connectionId: string) => `flexprice.recentTaskIds.${connectionId}`;
export const watchedIdsKey = (connectionId: string) => `flexprice.watchedTaskIds.${connectionId}`;
export const keptPageKey = (connectionId: string) => `flexprice.keptPage.${connectionId}`;

export function perConnectionKeys(connectionId: string): string[] {
  return [recentIdsKey(connectionId), watchedIdsKey(connectionId), keptPageKey(connectionId)];
}
