import { packageVsix } from './packageVsix';
import { runMochaLayer } from './runMochaLayer';

// Builds the .vsix as `npm run package` does, then out/test/package/**/*.test.js read it.
void runMochaLayer({ label: 'PACKAGE', folder: 'package', suffix: '.test.js', timeoutMs: 10_000, prepare: async () => packageVsix() });
