import * as assert from 'node:assert/strict';
import { codeServerVersionLine } from '../../../test/host/codeServerVersionLine';

describe('codeServerVersionLine', () => {
  const VERSION_LINE = '4.100.3 409c64e0df4d53530e59c16acc2b5d5766f717b0 with Code 1.100.3';

  it('reads the version line alone (every run after the first)', () => {
    assert.equal(codeServerVersionLine(`${VERSION_LINE}\n`, '4.100.3'), VERSION_LINE);
  });

  it('skips the config-file line a first run on a machine prints before the version', () => {
    const output = [
      '[2026-12-01T22:39:40.909Z] info  Wrote default config file to /root/.config/code-server/config.yaml',
      VERSION_LINE,
      '',
    ].join('\n');
    assert.equal(codeServerVersionLine(output, '4.100.3'), VERSION_LINE);
  });

  it('finds it among trailing lines, Windows line ends and indentation', () => {
    const output = `  ${VERSION_LINE}\r\n[info] something later\r\n\r\n`;
    assert.equal(codeServerVersionLine(output, '4.100.3'), VERSION_LINE);
  });

  it('returns undefined for output that never states the version', () => {
    assert.equal(codeServerVersionLine('', '4.100.3'), undefined);
    assert.equal(codeServerVersionLine('Error: Cannot find module \'../out/node/entry\'\n', '4.100.3'), undefined);
    assert.equal(codeServerVersionLine('\u0000\u001b[31m@@ garbage @@\n4.100\n', '4.100.3'), undefined);
  });

  it('does not take another version, or the version in the middle of a line, for it', () => {
    assert.equal(codeServerVersionLine('4.100.30 abc with Code 1.100.30\n', '4.100.3'), undefined);
    assert.equal(codeServerVersionLine('4.100.3-rc.1 abc with Code 1.100.3\n', '4.100.3'), undefined);
    assert.equal(codeServerVersionLine('4x100y3 abc\n', '4.100.3'), undefined, 'dots are matched literally');
    assert.equal(codeServerVersionLine('expected 4.100.3 but found 4.99.0\n', '4.100.3'), undefined);
    assert.equal(codeServerVersionLine(VERSION_LINE, '4.106.3'), undefined);
  });

  it('takes the first matching line when code-server repeats itself', () => {
    assert.equal(codeServerVersionLine('4.100.3 first\n4.100.3 second\n', '4.100.3'), '4.100.3 first');
  });
});
