import Mocha from 'mocha';
import { findFiles } from '../host/findFiles';
import { resultLine, runMocha, startLine } from '../host/mochaResult';

/**
 * The suite entry VS Code calls inside its extension host (`extensionTestsPath`). Both
 * launchers use it: code-server (test/host/runIntegration) and desktop VS Code
 * (test/host/runElectron). It rejects when a test failed or none ran.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const files = findFiles(__dirname, '.test.js');
  for (const file of files) mocha.addFile(file);
  console.log(startLine('INTEGRATION', files.length));
  const result = await runMocha(mocha);
  console.log(resultLine('INTEGRATION', result));
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
  if (result.passed === 0) throw new Error('no integration test ran');
}
