import * as assert from 'node:assert/strict';
import { formatCount } from '../../../src/format/count';
import { setDisplayLocale } from '../../../src/format/locale';
import { formatSize } from '../../../src/format/size';

describe('format', () => {
  afterEach(() => setDisplayLocale(undefined));

  it('writes counts in VS Code\'s display language, English by default', () => {
    assert.equal(formatCount(1234567), '1,234,567');
    setDisplayLocale('de');
    assert.equal(formatCount(1234567), (1234567).toLocaleString('de'));
    assert.notEqual(formatCount(1234567), '1,234,567');
    setDisplayLocale('en-GB');
    assert.equal(formatCount(-1234.5), '-1,234.5');
  });

  it('writes sizes in bytes, KB and MB', () => {
    assert.deepEqual([512, 1536, 50 * 1_048_576].map(formatSize), ['512 bytes', '1.5 KB', '50 MB']);
  });
});
