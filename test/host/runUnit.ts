import { runMochaLayer } from './runMochaLayer';

// Plain Node, no VS Code: out/test/unit/**/*.test.js.
void runMochaLayer({ label: 'UNIT', folder: 'unit', suffix: '.test.js', timeoutMs: 10_000 });
