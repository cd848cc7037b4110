import { prepareHost } from './prepareHost';
import { runMochaLayer } from './runMochaLayer';

// Playwright drives Chromium against code-server: out/test/ui/**/*.ui.test.js. Installing first
// keeps a first run's few minutes of set-up out of the tests' hooks and their time limits.
void runMochaLayer({ label: 'UI', folder: 'ui', suffix: '.ui.test.js', timeoutMs: 120_000, prepare: prepareHost });
