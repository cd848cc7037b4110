import { runMochaLayer } from './runMochaLayer';

// Playwright drives Chromium against code-server: out/test/ui/**/*.ui.test.js.
void runMochaLayer({ label: 'UI', folder: 'ui', suffix: '.ui.test.js', timeoutMs: 120_000 });
