// First: the command files import `vscode`, which this module stands in for.
import { registeredCommands } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORE_COMMAND_IDS, TEST_COMMAND_IDS, UNCONTRIBUTED_CORE_COMMAND_IDS, coreCommandIds, type CoreCommandId } from '../../../src/commands/commandIds';
import { CORE_COMMANDS, TEST_COMMANDS } from '../../../src/commands/coreCommands';
import type { CoreCommandDeps } from '../../../src/commands/coreCommandDeps';
import { LazyCommands } from '../../../src/commands/lazyCommands';

/** Commands activation registers itself, without core. */
const ACTIVATION_COMMAND_IDS = [
  'flexprice.setApiKey',
  'flexprice.clearApiKey',
  'flexprice.showLog',
  'flexprice.switchConnection',
  'flexprice.editConnection',
  'flexprice.renameConnection',
  'flexprice.removeConnection',
];

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]> };
};

/** Which IDs a set of command files defines, in order, through a recording CommandDefinitions. */
function definedBy(files: readonly { register(deps: CoreCommandDeps): void }[]): string[] {
  const defined: string[] = [];
  const deps = { commands: { define: (id: CoreCommandId) => defined.push(id) } } as unknown as CoreCommandDeps;
  files.forEach((file) => file.register(deps));
  return defined;
}

describe('command wiring', () => {
  it('has every command of core defined by exactly one command file', () => {
    const defined = definedBy(CORE_COMMANDS);
    assert.deepEqual([...defined].sort(), [...CORE_COMMAND_IDS].sort());
    assert.equal(new Set(defined).size, defined.length, 'none twice');
    assert.deepEqual(definedBy(TEST_COMMANDS), [...TEST_COMMAND_IDS]);
  });

  it('contributes exactly the commands the code registers, and never the test hook or a command only code calls', () => {
    const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();
    const forPeople = CORE_COMMAND_IDS.filter((id) => !UNCONTRIBUTED_CORE_COMMAND_IDS.includes(id));
    assert.deepEqual(contributed, [...ACTIVATION_COMMAND_IDS, ...forPeople].sort());
    assert.deepEqual(UNCONTRIBUTED_CORE_COMMAND_IDS, ['flexprice.peekTask']);
    const menus = Object.values(manifest.contributes.menus).flat().map((entry) => entry.command);
    for (const command of menus) assert.ok(contributed.includes(command), `${command} in a menu is contributed`);
    for (const id of TEST_COMMAND_IDS) assert.ok(!contributed.includes(id) && !menus.includes(id));
  });

  it('registers the tree-snapshot test hook only when the extension runs from its folder', () => {
    assert.ok(!coreCommandIds(true).includes('flexprice.internal.taskTreeSnapshot'));
    assert.ok(coreCommandIds(false).includes('flexprice.internal.taskTreeSnapshot'));
    assert.deepEqual(coreCommandIds(true), CORE_COMMAND_IDS);
  });

  describe('LazyCommands', () => {
    afterEach(() => registeredCommands.clear());

    it('registers every ID at once, loads their code on the first run only, and passes arguments and results through', async () => {
      let loads = 0;
      const commands = new LazyCommands(['flexprice.copyTaskId', 'flexprice.watchTask'], () => {
        loads += 1;
        commands.define('flexprice.copyTaskId', (id) => `copied ${String(id)}`);
        commands.define('flexprice.watchTask', () => 'watched');
      });
      assert.deepEqual([...registeredCommands.keys()], ['flexprice.copyTaskId', 'flexprice.watchTask']);
      assert.equal(loads, 0, 'nothing loaded at registration');
      assert.equal(await registeredCommands.get('flexprice.copyTaskId')!('task_1'), 'copied task_1');
      assert.equal(await registeredCommands.get('flexprice.watchTask')!(), 'watched');
      assert.equal(loads, 1);
      commands.dispose();
      assert.equal(registeredCommands.size, 0);
    });

    it('says which command has no definition, and refuses a second one', () => {
      const commands = new LazyCommands(['flexprice.openSettings'], () => undefined);
      assert.throws(() => registeredCommands.get('flexprice.openSettings')!(), /flexprice\.openSettings has no definition/);
      commands.define('flexprice.openSettings', () => undefined);
      assert.throws(() => commands.define('flexprice.openSettings', () => undefined), /defined twice/);
      commands.dispose();
    });
  });
});
