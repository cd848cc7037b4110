import * as path from 'node:path';

/** The repository root: compiled files live in out/test/host, three levels below it. */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
