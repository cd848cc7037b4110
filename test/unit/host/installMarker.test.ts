import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hasInstallMarker, removeInstall, writeInstallMarker } from '../../../test/host/installMarker';

describe('installMarker', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'flexprice-marker-test-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('trusts a finished install of the same version only', () => {
    assert.equal(hasInstallMarker(dir, '4.100.3'), false, 'no marker yet: an install that never finished');
    writeInstallMarker(dir, { version: '4.100.3', reported: '4.100.3 abc with Code 1.100.3' });
    assert.equal(hasInstallMarker(dir, '4.100.3'), true);
    assert.equal(hasInstallMarker(dir, '4.106.3'), false);
    assert.equal(hasInstallMarker(dir, '4.100'), false, 'a prefix of the version is another version');
    assert.deepEqual(readdirSync(dir), ['.installed'], 'no temporary file is left beside it');
  });

  it('does not trust a marker it cannot read: torn, empty, or in the old plain-text format', () => {
    for (const content of ['{"version":"4.100', '', '4.100.3 abc with Code 1.100.3\n', '{"reported":"4.100.3"}']) {
      writeFileSync(path.join(dir, '.installed'), content);
      assert.equal(hasInstallMarker(dir, '4.100.3'), false, JSON.stringify(content));
    }
  });

  it('removes the install with its marker, and a missing folder is fine', () => {
    mkdirSync(path.join(dir, 'node_modules'));
    writeInstallMarker(dir, { version: '4.100.3', reported: '4.100.3' });
    removeInstall(dir);
    assert.equal(existsSync(dir), false);
    assert.doesNotThrow(() => removeInstall(dir));
  });
});
