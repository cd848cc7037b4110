import { ensureChromium } from './browser';
import { ensureCodeServer } from './installCodeServer';

/** Installs what a workbench in Chromium needs (code-server, Chromium) when it is missing. */
export async function prepareHost(): Promise<void> {
  await ensureCodeServer();
  ensureChromium();
}
