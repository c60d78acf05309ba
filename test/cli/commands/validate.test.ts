/**
 * `ccch validate` as users run it (in-process), NO_COLOR=1, asserting stdout, stderr and
 * the exit code. Counts are those worked out by hand in test/indicators/joins.test.ts and
 * summary.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ccch } from '../../helpers.js';



const SPLIT = ['fixtures/joins/dossiers.csv', 'fixtures/joins/online.csv', 'fixtures/joins/digitization.csv', 'fixtures/joins/payments.csv'];

describe('ccch validate', () => {
  it('exits 0 on clean exports and says what it found in each', async () => {
    const r = await ccch(['validate', ...SPLIT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kiểm tra 4 tệp theo quy cách dữ liệu');
    expect(r.stdout).toContain('✓ fixtures/joins/dossiers.csv (hồ sơ): 12 dòng đọc = 12 được tính + 0 bị loại + 0 bị thay thế (trùng mã); 0 cảnh báo — đạt');
    expect(r.stdout).toContain(
      '✓ fixtures/joins/digitization.csv (số hóa): 9 dòng đọc = 9 được tính + 0 bị loại + 0 bị thay thế (trùng mã) + 0 không khớp hồ sơ; 0 cảnh báo — đạt',
    );
    expect(r.stdout).toContain('    cột nhận ra: mã hồ sơ ← "MaHoSo", ngày nộp trực tuyến ← "NgayNopTrucTuyen", mức độ DVC ← "MucDoDVC"');
    expect(r.stdout).toContain('    cột không có: cấp, mã TTHC, hình thức nộp, số hóa, phí, lệ phí, hình thức thanh toán, trạng thái hồ sơ');
    expect(r.stdout).toContain('Không có lỗi hay cảnh báo.');
    expect(r.stdout).toContain('Kết quả: 4/4 tệp đạt.');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exits 1 when rows are rejected or unmatched, listing them by file:line:column', async () => {
    const r = await ccch(['validate', 'fixtures/joins/full.csv', 'fixtures/joins/online-extra.csv', 'fixtures/joins/payments-extra.csv', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '✗ fixtures/joins/online-extra.csv (online submissions): 6 rows read = 2 counted + 2 rejected + 1 superseded (duplicate code) + 1 unmatched; 0 warnings — some rows rejected or unmatched',
    );
    const problems = r.stdout.split('\n').filter((l) => l.startsWith('  fixtures/'));
    expect(problems).toEqual([
      '  fixtures/joins/online-extra.csv:5:1: unmatched [Mã hồ sơ]: dossier code "ZZ99" matches no dossier (1 row)',
      '  fixtures/joins/online-extra.csv:6:1: rejected [Mã hồ sơ]: no code',
      '  fixtures/joins/online-extra.csv:7:2: rejected [Ngày nộp]: unparseable online submission date: "32/13/2023"',
      '  fixtures/joins/payments-extra.csv:4:1: unmatched [MaHoSo]: dossier code "XX01" matches no dossier (3 rows)',
      '  fixtures/joins/payments-extra.csv:8:2: warning [SoTien]: unknown amount value: "abc" (left out of the indicators that need it)',
    ]);
    expect(r.stdout).toContain('Result: 1 of 3 files clean.');
  });

  it("lists one row's problems in the order of its columns", async () => {
    // The decoder meets the channel before the rating; the reader meets the rating first.
    // ('miễn phí' is a fee of 0, known: the fee here is a value no system writes.)
    const csv = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Đánh giá,Hình thức nộp,"Phí, lệ phí"\nHS1,UBND xã A,01/02/2023,5 sao,Fax,abc\n';
    const r = await ccch(['validate', '-', '--format', 'json'], { input: csv });
    // The row's problems (a coverage warning about the whole file has no line and comes first).
    const rowProblems = JSON.parse(r.stdout).problems.filter((p: { line: number | null }) => p.line !== null);
    expect(rowProblems.map((p: { column: number }) => p.column)).toEqual([4, 5, 6]);
  });

  it('checks summary reports: bad cells by column, other periods', async () => {
    const r = await ccch(['validate', 'fixtures/summary/cases.csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/summary/cases.csv (báo cáo tổng hợp): 11 dòng đọc = 3 được tính + 7 bị loại + 1 bị thay thế (trùng mã); 0 cảnh báo');
    expect(r.stdout).toContain(
      'fixtures/summary/cases.csv:4:4: bị loại [Tổng số tiếp nhận]: tiếp nhận trực tuyến + tiếp nhận trực tiếp + tiếp nhận qua BCCI (7) vượt tổng số tiếp nhận (1)',
    );
    expect(r.stdout).toContain('fixtures/summary/cases.csv:5:8: bị loại [Đúng hạn]: giải quyết đúng hạn không phải số nguyên không âm: "2,5"');
    expect(r.stdout).toContain('fixtures/summary/cases.csv:7:3: bị loại [Kỳ báo cáo]: kỳ báo cáo "Quý 1/2023" không phải kỳ đang tính (2023)');
    const q1 = await ccch(['validate', 'fixtures/summary/tong-hop-2023.csv', '--period', '2023-Q1']);
    expect(q1.code).toBe(1);
  });

  it('--format json is the documented contract', async () => {
    const r = await ccch(['validate', 'fixtures/joins/dossiers.csv', 'fixtures/joins/online-extra.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.tool.name).toBe('ccch');
    // dossiers.csv: received from 02/01/2023, its last date 28/12/2023 (A05 received): J = 28/12.
    expect(j.period).toEqual({ from: '2023-01-01', to: '2023-12-31', label: '2023', fromTitle: null, asOf: null, judgedAt: '2023-12-28', dataFrom: '2023-01-02', dataTo: '2023-12-28' });
    expect(j.inputs[0]).toMatchObject({ dataset: 'dossiers', excluded: 0, dataFrom: '2023-01-02', dataTo: '2023-12-28', inPeriod: 12 });
    expect(j.inputs[1]).toEqual({
      file: 'fixtures/joins/online-extra.csv',
      dataset: 'online',
      rows: 6,
      counted: 2,
      rejected: 2,
      superseded: 1,
      unmatched: 1,
      excluded: 0,
      excludedBy: { asOf: 0, notAccepted: 0 },
      warnings: 0,
      bytes: 113, // wc -c
      format: 'csv',
      delimiter: ',',
      encoding: 'utf-8',
      sheet: null,
      skipped: { title: 0, total: 0, footer: 0, group: 0, subtotal: 0 },
      columns: { code: 'Mã hồ sơ', submitted: 'Ngày nộp' },
      missingColumns: ['level'],
      ignoredColumns: [],
      notComputed: [],
      missingFor: {},
      joined: true,
      summaryPeriod: null,
      summary: null,
      dataFrom: null,
      dataTo: null,
      inPeriod: null,
      unknownValues: [],
      clean: false,
      status: 'errors',
      reason: null,
    });
    expect(j.inputs[0].clean).toBe(true);
    expect(j.problems[0]).toEqual({
      file: 'fixtures/joins/online-extra.csv',
      line: 5,
      column: 1,
      header: 'Mã hồ sơ',
      severity: 'error',
      field: 'code',
      code: 'row.unmatched',
      message: 'mã hồ sơ "ZZ99" không khớp hồ sơ nào (1 dòng)',
    });
    expect(j.problemsOmitted).toBe(0);
    expect(j.summary).toEqual({ files: 2, unreadable: 0, rows: 18, counted: 14, rejected: 2, superseded: 1, unmatched: 1, excluded: 0, warnings: 0, maxWarnings: null, verdict: 'errors', clean: false });
  });

  it('reads a fact export from stdin, before or after the dossier list', async () => {
    const stdin = readFileSync(join(ROOT, 'fixtures/joins/online.csv'));
    const after = await ccch(['validate', 'fixtures/joins/dossiers.csv', '-', '--format', 'json'], { input: stdin });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).inputs[1]).toMatchObject({ file: '-', dataset: 'online', rows: 6, counted: 6, unmatched: 0 });
  });

  it('lists the columns it ignores', async () => {
    const r = await ccch(['validate', 'fixtures/hand/ho-so-2023.csv', '--lang', 'en']);
    expect(r.stdout).toContain('    columns ignored: "Ghi chú"');
    // A summary report's STT column is read (it tells group rows from units).
    expect((await ccch(['validate', 'fixtures/summary/tong-hop-2023.csv', '--lang', 'en'])).stdout).toContain('no. ← "STT"');
  });

  it('takes the reader options and a units file, as score does', async () => {
    const r = await ccch(['validate', 'fixtures/formats/ho-so-2023.xlsx', 'fixtures/formats/pakn-2023.windows-1258.csv', '--encoding', 'windows-1258', '--format', 'json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.inputs[0]).toMatchObject({ format: 'xlsx', rows: 23, counted: 15, rejected: 7, superseded: 1 });
    expect(j.inputs[1]).toMatchObject({ encoding: 'windows-1258', rows: 8, counted: 6 });
    const t = await ccch(['validate', 'fixtures/formats/ho-so-2023.xlsx']);
    expect(t.stdout).toMatch(/bỏ qua|skipped/);
    const u = await ccch(['validate', 'fixtures/units/ho-so.csv', '--units', 'fixtures/units/don-vi.csv', '--format', 'json']);
    expect(JSON.parse(u.stdout).inputs.map((i: { dataset: string }) => i.dataset)).toEqual(['units', 'dossiers']);
  });

  it('shows a units file in the table, its columns by their contract names', async () => {
    const r = await ccch(['validate', '--units', 'fixtures/units/don-vi.csv', 'fixtures/units/ho-so.csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ fixtures/units/don-vi.csv (đơn vị): 13 dòng đọc = 10 được tính + 2 bị loại + 1 bị thay thế (trùng mã); 2 cảnh báo');
    expect(r.stdout).toContain('    cột nhận ra: tên đơn vị ← "Tên đơn vị", mã đơn vị ← "Mã đơn vị", cấp ← "Cấp", huyện ← "Huyện", chứng thực điện tử ← "Chứng thực điện tử"');
  });

  it.each([
    [[], 0, 'clean'],
    [['--max-warnings', '1'], 0, 'clean'],
    [['--max-warnings', '0'], 1, 'warnings'],
  ])('--max-warnings (ESLint’s): one warning with %j exits %i', async (opt, code, verdict) => {
    const files = ['fixtures/joins/dossiers.csv', 'fixtures/joins/digitization-extra.csv'];
    const t = await ccch(['validate', ...files, ...(opt as string[]), '--lang', 'en']);
    expect(t.code).toBe(code);
    expect(t.stdout.includes('1 warning, more than --max-warnings 0.')).toBe(code === 1);
    const j = JSON.parse((await ccch(['validate', ...files, ...(opt as string[]), '--format', 'json'])).stdout);
    expect(j.summary).toMatchObject({ warnings: 1, maxWarnings: opt.length ? Number(opt[1]) : null, verdict, clean: code === 0 });
  });

  it('--max-warnings takes a whole number, 0 or more', async () => {
    for (const bad of ['-1', 'x', '1.5', '']) {
      const r = await ccch(['validate', 'fixtures/joins/dossiers.csv', '--max-warnings', bad, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ccch: --max-warnings: needs a whole number, 0 or more, not "${bad}"\n`);
    }
  });

  it('--help gives validate’s own exit codes', async () => {
    const r = await ccch(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\s+có dòng bị loại hoặc không khớp hồ sơ, hoặc số cảnh báo vượt --max-warnings\s+some rows rejected or unmatched, or more warnings than --max-warnings/);
    expect(r.stdout).not.toContain('có chỉ tiêu không đạt');
  });

  it.each([
    [['validate', 'fixtures/bad/unknown-headers.csv'], 'không rõ loại', /^fixtures\/bad\/unknown-headers\.csv:1: không nhận ra loại tệp/],
    [['validate', 'nope.csv'], 'không rõ loại', /^nope\.csv: không tìm thấy tệp$/],
    [['validate', 'fixtures/bad/windows-1258.csv'], 'không rõ loại', /^fixtures\/bad\/windows-1258\.csv:1:3: tệp mã hóa Windows-1258, không phải UTF-8; hãy chạy lại với --encoding windows-1258/],
    [['validate', '-'], 'không rõ loại', /^-:1: không rõ loại tệp: tiêu đề có cột của tệp số hóa và thanh toán; hãy xuất riêng từng loại$/],
    [['validate', 'fixtures/joins/full.csv', 'fixtures/summary/tong-hop-2023.csv'], 'báo cáo tổng hợp', /^fixtures\/summary\/tong-hop-2023\.csv:2: tính hai lần: đơn vị "Sở Tư pháp"/],
  ])('%j: the file unreadable, reported with its one-line reason; exit 2', async (args, kind, reason) => {
    const r = await ccch(args as string[], { input: 'Mã hồ sơ,Ngày số hóa,Ngày thanh toán\nA01,01/01/2023,01/01/2023\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.endsWith(`(${kind}) — không đọc được`));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]!.trim()).toMatch(reason);
    expect(r.stdout).toMatch(/^Kết quả: \d+\/\d+ tệp đạt, 1 tệp không đọc được\.$/m);
  });

  it.each([
    [['validate', 'fixtures/joins/full.csv', '--format', 'xml'], /^ccch: --format: định dạng không hỗ trợ "xml"/],
    [['validate', '--lang', 'en'], /^ccch: missing required argument 'files'/],
  ])('%j: a usage error exits 2 with one line', async (args, pattern) => {
    const r = await ccch(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('ccch score with joined exports and summary reports', () => {
  it('prints the sources and the unmatched rows', async () => {
    const r = await ccch(['score', ...SPLIT, 'fixtures/joins/online-extra.csv']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Nguồn số liệu');
    expect(r.stdout).toContain('  Tỷ lệ hồ sơ tiếp nhận trực tuyến: fixtures/joins/online.csv (ghép theo mã hồ sơ, 6 hồ sơ); fixtures/joins/online-extra.csv (ghép theo mã hồ sơ, 2 hồ sơ)');
    expect(r.stdout).toContain('  Tỷ lệ hồ sơ giải quyết đúng hạn: fixtures/joins/dossiers.csv (cột của tệp)');
    expect(r.stdout).toContain('×1 không khớp [Mã hồ sơ]: mã hồ sơ "ZZ99" không khớp hồ sơ nào (1 dòng)\n       fixtures/joins/online-extra.csv: dòng 5\n');
  });

  it('the JSON lists sources per indicator and unmatched per input', async () => {
    const j = JSON.parse((await ccch(['score', ...SPLIT, '--format', 'json'])).stdout);
    expect(j.inputs.map((i: { unmatched: number }) => i.unmatched)).toEqual([0, 0, 0, 0]);
    expect(j.sources[0]).toEqual({ indicator: 'online-rate', inputs: [{ file: 'fixtures/joins/online.csv', via: 'join', dossiers: 6 }] });
  });

  it('says when a summary report is taken as covering the scored period', async () => {
    const r = await ccch(['score', '-', '--period', '2023-Q2', '--lang', 'en'], { input: 'Đơn vị,Tổng số tiếp nhận,Trực tuyến\nSở Tư pháp,10,8\n' });
    expect(r.stdout).toContain('- (summary report): 1 row read = 1 counted + 0 rejected + 0 superseded (duplicate code); 0 warnings (no report-period column: taken as covering 2023-Q2)');
    expect(r.stdout).toContain('  Dossiers received online: - (summary report)');
  });

  it('refuses double counting with exit 2', async () => {
    const r = await ccch(['score', 'fixtures/summary/tong-hop-2023.csv', 'fixtures/joins/full.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ccch: fixtures/summary/tong-hop-2023.csv:2: double counting: unit "Sở Tư pháp" has both dossier records and a summary report for period 2023; give only one of them\n',
    );
  });
});
