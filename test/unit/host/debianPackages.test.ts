import * as assert from 'node:assert/strict';
import { ensureDebianPackages, type DebianPackage, type PackageSystem } from '../../../test/host/debianPackages';

function fakeSystem(installed: string[], root = true): PackageSystem & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    exists: (file) => installed.includes(file),
    isRoot: () => root,
    run: (command, args) => void commands.push([command, ...args].join(' ')),
  };
}

describe('ensureDebianPackages', () => {
  const PACKAGES: DebianPackage[] = [
    { name: 'chromium', provides: '/usr/bin/chromium' },
    { name: 'ripgrep', provides: '/usr/bin/rg' },
  ];

  it('runs nothing when every package is there', () => {
    const system = fakeSystem(['/usr/bin/chromium', '/usr/bin/rg']);
    ensureDebianPackages(PACKAGES, system);
    assert.deepEqual(system.commands, []);
  });

  it('installs only the missing ones, after finishing any interrupted install and updating the lists', () => {
    const system = fakeSystem(['/usr/bin/rg']);
    ensureDebianPackages(PACKAGES, system);
    assert.deepEqual(system.commands, ['dpkg --configure -a', 'apt-get update', 'apt-get install -y --no-install-recommends chromium']);
  });

  it('tells a user who is not root what to install, and installs nothing', () => {
    const system = fakeSystem([], false);
    assert.throws(() => ensureDebianPackages(PACKAGES, system), /sudo apt-get install chromium ripgrep/);
    assert.deepEqual(system.commands, []);
  });
});
