import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeExport } from '../../../src/files/exportContent';

describe('decodeExport', () => {
  const csv = 'invoice_id,amount\ninv_1,10.00\ninv_2,"1,200.50"\n';

  it('un-gzips a .csv.gz and reads plain CSV as it is', () => {
    assert.equal(decodeExport(gzipSync(csv), 1024), csv);
    assert.equal(decodeExport(Buffer.from(csv), 1024), csv);
  });

  it('refuses gzip that would unpack past the limit, with a message', () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 'a'));
    assert.ok(bomb.length < 64 * 1024, 'small on the wire');
    assert.throws(() => decodeExport(bomb, 1024 * 1024), /larger than 1 MB once unpacked/);
  });

  it('reports broken gzip plainly', () => {
    const broken = gzipSync(csv).subarray(0, 12);
    assert.throws(() => decodeExport(broken, 1024), /could not be un-gzipped/);
  });
});
