import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, ensureDebianPackages } from './debianPackages';

/** The Chromium to drive: CHROMIUM_PATH when set, else Debian's, installed when missing. */
export function ensureChromium(): string {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return chosen;
  ensureDebianPackages([CHROMIUM]);
  return CHROMIUM.provides;
}

/** Headless Chromium with everything that phones home switched off. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
