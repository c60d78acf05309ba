/**
 * Side files (--units, --catalog, --status) are small; what is read of them is capped
 * (MAX_SIDE_BYTES), counting the bytes read, so that an endless stream (a FIFO fed by `yes`,
 * a device) stops there.
 */
import { describe, it, expect } from 'vitest';
import { readUnits } from '../../../src/ingest/side/units.js';
import { MAX_SIDE_BYTES } from '../../../src/ingest/side/sidefile.js';
import { streamSource } from '../../../src/ingest/source.js';
import { refused } from '../../helpers.js';

describe('side files are read within MAX_SIDE_BYTES', () => {
  it('an endless units list stops at the cap with one line', async () => {
    let sent = 0;
    // Blank lines, which cost the reader nothing (rows cost the handler ~8 µs each).
    const row = Buffer.alloc(1 << 16, '\n');
    async function* endless() {
      yield Buffer.from('Tên đơn vị,Cấp\nUBND xã Long Hưng,Xã\n');
      for (;;) {
        sent += row.length;
        yield row;
      }
    }
    const e = await refused(readUnits(streamSource('units.csv', endless()), []));
    expect(e).toMatchObject({ code: 'input.tooLarge', where: { file: 'units.csv' }, en: `file larger than ${MAX_SIDE_BYTES >> 20} MiB: not a file of this kind` });
    expect(sent).toBeLessThan(MAX_SIDE_BYTES + (1 << 20));
  });
});
