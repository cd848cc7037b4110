import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';

/*
 * The web workbench keeps its state (extensions' globalState among it) in the page's
 * IndexedDB, flushed a moment after each change. A launch that means to reuse the profile
 * waits until what it needs has reached it.
 */

export interface StoredEntry {
  key: string;
  value: string;
}

/** Every key and value in the page's IndexedDB databases (the workbench's: global, then one per workspace). */
export function storedEntries(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    const request = <T>(make: () => IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      const pending = make();
      pending.onsuccess = () => resolve(pending.result);
      pending.onerror = () => reject(pending.error);
    });
    const found: { key: string; value: string }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(() => indexedDB.open(name));
      try {
        for (const store of Array.from(db.objectStoreNames)) {
          const keys = await request(() => db.transaction(store, 'readonly').objectStore(store).getAllKeys());
          const values = await request(() => db.transaction(store, 'readonly').objectStore(store).getAll());
          keys.forEach((key, index) => {
            const value: unknown = values[index];
            found.push({ key: String(key), value: typeof value === 'string' ? value : JSON.stringify(value) });
          });
        }
      } finally {
        db.close();
      }
    }
    return found;
  });
}

export async function waitForStorage(page: Page, what: string, holds: (entries: StoredEntry[]) => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!holds(await storedEntries(page))) {
    if (Date.now() > deadline) throw new Error(`the workbench's storage never had ${what}`);
    await sleep(200);
  }
}
