/**
 * `score --format csv`: RFC 4180 (read back by csv-parse, the tests' oracle), UTF-8 with BOM and
 * CRLF, the JSON's numbers exactly, every input and problem, formula injection guarded on text
 * and never on numbers.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { shortfall } from '../../src/evaluate/shortfall.js';
import { ccch } from '../helpers.js';
import { csvCell } from '../../src/report/csv.js';

const SAMPLE = ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'];

async function run(args: string[], input?: string) {
  const csv = await ccch([...args, '--format', 'csv'], input === undefined ? {} : { input });
  const json = JSON.parse((await ccch([...args, '--format', 'json'], input === undefined ? {} : { input })).stdout);
  return { csv, json, records: parse(csv.stdout, { bom: true, columns: true }) as Array<Record<string, string>> };
}

/** A cell as the JSON has it: '' is null, else the number or the text. */
const asJson = (cell: string, like: unknown) => (cell === '' ? null : typeof like === 'number' ? Number(cell) : cell);

describe('score --format csv', () => {
  it('is UTF-8 with a BOM and CRLF, one header, the same exit code', async () => {
    const { csv } = await run(['score', ...SAMPLE]);
    expect(csv.code).toBe(1);
    expect(csv.stdout.startsWith('\ufeffrecord,plan,period,from,to,period.fromTitle,period.asOf,period.judgedAt,period.dataFrom,period.dataTo,indicator,name,clause,tier,unit,district,month,numerator,denominator,value,target,comparison,status,leftOut,reason,shortfall,')).toBe(true);
    expect(csv.stdout.split('\r\n').length).toBe(csv.stdout.split('\n').length);
  });

  it.each([[['--period', '2023-Q1', '--by', 'unit']], [['--lang', 'en']]])('carries exactly the JSON: results, inputs, problems (%j)', async (extra) => {
    const { json, records } = await run(['score', ...SAMPLE, ...extra]);
    const results = records.filter((r) => r.record === 'result');
    expect(results).toHaveLength(json.results.length);
    json.results.forEach((want: Record<string, unknown>, k: number) => {
      const got = results[k]!;
      for (const f of ['indicator', 'clause', 'tier', 'unit', 'district', 'numerator', 'denominator', 'value', 'target', 'comparison', 'status', 'scale', 'source']) {
        expect(asJson(got[f]!, want[f]), `${k} ${f}`).toEqual(want[f] ?? null);
      }
      // A failing result's shortfall, worked out from the JSON's n, N and target: n plus it passes (evaluate/shortfall.ts).
      const short = want.status === 'fail' ? shortfall(want.numerator as number, want.denominator as number, want.target as number, want.comparison as '>=') : null;
      expect(got.shortfall === '' ? null : Number(got.shortfall), `${k} shortfall`).toBe(short);
      expect(got.plan).toBe('282/KH-UBND');
      expect([got.period, got.from, got.to]).toEqual([json.period.label, json.period.from, json.period.to]);
    });
    const inputs = records.filter((r) => r.record === 'input');
    expect(inputs.map((r) => [r.file, Number(r.rows), Number(r.counted), Number(r.rejected), Number(r.superseded), Number(r.inPeriod)])).toEqual(
      json.inputs.map((i: Record<string, number>) => [i.file, i.rows, i.counted, i.rejected, i.superseded, i.inPeriod]),
    );
    const problems = records.filter((r) => r.record === 'problem');
    expect(problems.map((p) => [p.file, Number(p.line), p.column === '' ? null : Number(p.column), p.severity, p.code, p.message])).toEqual(
      json.problems.map((p: Record<string, unknown>) => [p.file, p.line, p.column, p.severity, p.code, p.message]),
    );
  });

  it('guards text against formula injection, and leaves numbers alone (a change of −3 stays -3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccch-csv-'));
    const units = join(dir, 'don-vi.csv');
    writeFileSync(units, 'Tên đơn vị,Cấp,Chứng thực điện tử,Bản sao chứng thực điện tử năm nay,Bản sao chứng thực điện tử năm trước\n"=HYPERLINK(""http://x"",""bấm"") xã A",Xã,Có,10,13\n');
    // A channel column: the units have an online-rate result (an absent column gives no verdict, and a unit with none is not listed).
    const csv = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp\nHS1,"=HYPERLINK(""http://x"",""bấm"") xã A",01/02/2023,Trực tuyến\nHS2,"-1+1 xã B",01/02/2023,Trực tuyến\nHS3,"@SUM(1) xã C",01/02/2023,Trực tuyến\nHS4,"+1 xã D",01/02/2023,Trực tuyến\nHS5,"xã \u001b[2JE",01/02/2023,Trực tuyến\n';
    const { records } = await run(['score', '-', '--units', units, '--by', 'unit'], csv);
    const units_ = new Set(records.filter((r) => r.record === 'result').map((r) => r.unit));
    expect(units_).toContain('\'=HYPERLINK("http://x","bấm") xã A');
    expect(units_).toContain("'-1+1 xã B");
    expect(units_).toContain("'@SUM(1) xã C");
    expect(units_).toContain("'+1 xã D");
    // A control character from the data is shown escaped, as in the table (report/render.ts: csv is a format for people).
    expect(units_).toContain('xã \\x1b[2JE');
    const copies = records.find((r) => r.record === 'result' && r.indicator === 'e-certified-copies-increase' && r.tier === 'xa' && r.unit === '')!;
    expect([copies.numerator, copies.denominator, copies.value, copies.status]).toEqual(['10', '13', '-3', 'fail']);
  });

  it('writes cells by RFC 4180 and the OWASP rule', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('-3')).toBe("'-3"); // text that looks like a number is still text from the data
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(74.3723849372385)).toBe('74.3723849372385');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });
});
