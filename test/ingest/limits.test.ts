/**
 * Cells whose field makes a huge value nonsense (a megabyte unit name is not a unit) reject
 * their row, naming the field; columns ccch does not read may hold anything; headers too long
 * to be any alias are not folded. (A 10 MB quoted unit name cost 757 MB; 72 MB, 3.2 GB.)
 */
import { describe, it, expect } from 'vitest';
import { MAX_FIELD_BYTES } from '../../src/ingest/contract.js';
import { MAX_UNITS } from '../../src/ingest/kinds/record-decoder.js';
import { detectKind } from '../../src/ingest/headers.js';
import { readUnits } from '../../src/ingest/side/units.js';
import { streamSource } from '../../src/ingest/source.js';
import { scoreTexts } from '../helpers.js';
import type { Problem } from '../../src/model/problem.js';

const header = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ghi chú\n';
const ok = 'HS1,UBND xã Long Hưng,2023-03-01,\n';

describe('a cell of a column ccch reads is at most MAX_FIELD_BYTES', () => {
  it('a longer unit name, code or date rejects its row, naming the field; in any chunking', async () => {
    const long = 'UBND xã Long Hưng '.repeat(80); // 1,600 bytes
    const text = header + ok + `HS2,"${long}",2023-03-01,\n` + `${'H'.repeat(MAX_FIELD_BYTES + 1)},UBND xã Long Hưng,2023-03-01,\n` + `HS4,UBND xã Long Hưng,${'2'.repeat(2000)},\n`;
    for (const chunk of [undefined, 7, 1000]) {
      const s = await scoreTexts([{ name: 'f.csv', text, chunk }]);
      expect(s.inputs[0]).toMatchObject({ rows: 4, counted: 1, rejected: 3 });
      const tooLong = s.problems.filter((p: Problem) => p.code === 'row.tooLong');
      expect(tooLong.map((p) => [p.line, p.field, p.column, p.params.length])).toEqual([
        [3, 'unit', 2, Buffer.byteLength(long)],
        [4, 'code', 1, MAX_FIELD_BYTES + 1],
        [5, 'received', 3, 2000],
      ]);
    }
  });

  it('a megabyte unit name (quoted, with line breaks) is rejected in time and memory in proportion to it', async () => {
    const long = '"' + 'UBND xã Long Hưng\n'.repeat(60_000) + '"';
    const heap = process.memoryUsage().heapUsed;
    const s = await scoreTexts([{ name: 'f.csv', text: header + `HS2,${long},2023-03-01,\n` + ok.replace('HS1', 'HS3') }]);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 << 20);
    expect(s.inputs[0]).toMatchObject({ rows: 2, counted: 1, rejected: 1 });
    expect(s.problems[0]).toMatchObject({ line: 2, field: 'unit', code: 'row.tooLong' });
  });

  it('a column ccch does not read may hold a megabyte', async () => {
    const s = await scoreTexts([{ name: 'f.csv', text: header + ok.replace(',\n', `,${'ghi chú '.repeat(100_000)}\n`) }]);
    expect(s.inputs[0]).toMatchObject({ rows: 1, counted: 1, rejected: 0 });
  });

  it('a units file\'s long name is rejected likewise', async () => {
    const problems: Problem[] = [];
    const text = `Tên đơn vị,Cấp\nUBND xã Long Hưng,Xã\n${'UBND xã '.repeat(200)},Xã\n`;
    const units = await readUnits(streamSource('u.csv', (async function* () { yield Buffer.from(text); })()), problems);
    expect(units.report).toMatchObject({ rows: 2, rejected: 1 });
    expect(problems[0]).toMatchObject({ line: 3, field: 'name', code: 'row.tooLong' });
  });
});

describe('headers too long to be an alias', () => {
  it('are not folded, and match nothing', () => {
    const t0 = performance.now();
    expect(detectKind(['Mã hồ sơ', 'Đơn vị', 'Ngày tiếp nhận', 'Ghi chú '.repeat(1 << 20)]).kind).toBe('dossiers');
    expect(detectKind(['Mã hồ sơ' + ' '.repeat(300), 'Đơn vị']).kind).toBe(null);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('distinct units', () => {
  it('a file naming more than MAX_UNITS distinct units is refused (each costs ~1 KB and ~40 µs; 1M of them took 32 s and 920 MB)', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `HS${i},UBND xã Số ${i},2023-03-01,\n`).join('');
    const e = await scoreTexts([{ name: 'u.csv', text: header + rows(MAX_UNITS + 1) }]).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'input.tooManyUnits', where: { file: 'u.csv' }, params: { limit: MAX_UNITS } });
    const s = await scoreTexts([{ name: 'u.csv', text: header + rows(5000) + rows(5000) }]);
    expect(s.inputs[0]).toMatchObject({ rows: 10_000, counted: 5000, superseded: 5000 });
  });
});
