/**
 * The scoring pipeline, as a library call: plan + inputs + period → a Score (counts per
 * tier and unit, statuses, row accounting, problems). It never prints and never exits;
 * input faults are thrown as CcchError.
 */
import { CsvError, readCsv, type CsvSink, type CsvStats } from './ingest/csv.js';
import { detectDataset, matchHeaders, type ColumnMap } from './ingest/headers.js';
import { RowDecoder, type Rejection, type UnitTierLookup } from './ingest/records.js';
import type { InputSource } from './ingest/source.js';
import { FIELDS, fieldSpec, type Dataset, type Field } from './ingest/contract.js';
import { RULE_NEEDS } from './indicators/rules.js';
import { Tally, type CodeIndex } from './indicators/tally.js';
import { evaluate, type Result, type Summary } from './evaluate/evaluate.js';
import type { Plan } from './plan/schema.js';
import type { NamedPeriod } from './period.js';
import { inputError } from './errors.js';


export interface Problem {
  file: string;
  line: number;
  /** 1-based column number of the field's column, when the problem is about one field. */
  column: number | null;
  /** The column's header as written in the file. */
  header: string | null;
  severity: 'error' | 'warning';
  field: Field | null;
  /** Message code (see i18n.ts) and its parameters. */
  code: string;
  params: Record<string, string | number>;
}

export interface InputReport {
  file: string;
  dataset: Dataset;
  delimiter: string;
  bytes: number;
  rows: number;
  counted: number;
  rejected: number;
  superseded: number;
  warnings: number;
  /** Field → header as written, for the columns recognized. */
  columns: Partial<Record<Field, string>>;
  /** Fields of the contract with no column in this file. */
  missingColumns: Field[];
  /** Indicators not computed from this file for want of a column. */
  notComputed: string[];
}

export interface Score {
  plan: Plan['plan'];
  period: NamedPeriod;
  inputs: InputReport[];
  results: Result[];
  summary: Summary;
  problems: Problem[];
  /** Problems found in all, including those beyond `maxProblems` that were not kept. */
  problemCount: number;
}

export interface ScoreOptions {
  plan: Plan;
  period: NamedPeriod;
  inputs: InputSource[];
  /** Add one result per unit. */
  byUnit?: boolean;
  /** How many problems to keep (all are counted). */
  maxProblems?: number;
  /** Tier of a unit from a units file (domain.md tier rule 2). */
  unitTier?: UnitTierLookup;
  codeIndex?: () => CodeIndex;
  /**
   * Another CSV reader feeding rows as strings (tests use a csv-parse-based one as the oracle);
   * by default readCsv's byte-level fast path.
   */
  csvReader?: (input: AsyncIterable<Buffer | string>, sink: CsvSink, options: { onProgress?: (bytes: number) => void }) => Promise<CsvStats>;
  onProgress?: (file: string, bytes: number) => void;
}

export const DEFAULT_MAX_PROBLEMS = 100_000;

export async function score(opts: ScoreOptions): Promise<Score> {
  const { plan, period } = opts;
  const tally = new Tally(plan.indicators, period, opts.codeIndex);
  const maxProblems = opts.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const problems: Problem[] = [];
  let problemCount = 0;
  const inputs: InputReport[] = [];
  const fileNo: number[] = [];

  for (const source of opts.inputs) {
    const f = tally.addFile();
    fileNo.push(f);
    let map: ColumnMap | undefined;
    let decoder: RowDecoder | undefined;
    let enabled = 0;
    const report: InputReport = {
      file: source.name,
      dataset: 'dossiers',
      delimiter: ',',
      bytes: 0,
      rows: 0,
      counted: 0,
      rejected: 0,
      superseded: 0,
      warnings: 0,
      columns: {},
      missingColumns: [],
      notComputed: [],
    };

    const problem = (p: Omit<Problem, 'file' | 'column' | 'header'>) => {
      problemCount++;
      if (problems.length >= maxProblems) return;
      const col = p.field !== null ? map?.columns[p.field] : undefined;
      problems.push({
        file: source.name,
        column: col === undefined ? null : col + 1,
        header: p.field !== null ? (map?.headers[p.field] ?? null) : null,
        ...p,
      });
    };

    const stream = await source.open();
    const counted = (rejection: Rejection | null, count: number, line: number) => {
      if (count !== map!.width) {
        report.warnings++;
        problem({ line, severity: 'warning', field: null, code: 'row.fieldCount', params: { got: count, want: map!.width } });
      }
      if (rejection) {
        report.rejected++;
        problem({ line, severity: 'error', field: rejection.field, code: rejection.code, params: rejection.params });
        return;
      }
      const d = decoder!;
      for (let i = 0; i < d.warnings.length; i++) {
        const w = d.warnings[i]!;
        report.warnings++;
        const spec = fieldSpec(map!.dataset, w.field);
        problem({ line, severity: 'warning', field: w.field, code: w.code, params: { fieldVi: spec.vi, fieldEn: spec.en, value: w.value } });
      }
      tally.add(map!.dataset, f, d.record, enabled);
    };
    const malformedRow = (line: number) => {
      report.rejected++;
      problem({ line, severity: 'error', field: null, code: 'row.malformed', params: {} });
    };
    const sink: CsvSink = {
      header(fields, line) {
        const dataset = detectDataset(fields);
        if (!dataset) throw unknownKind(source.name, line, fields);
        map = matchHeaders(dataset, fields);
        if (map.missingRequired.length) throw missingRequired(source.name, line, map);
        report.dataset = dataset;
        report.columns = map.headers;
        report.missingColumns = map.missing;
        const slots = tally.slots(dataset);
        slots.forEach((k, s) => {
          const ind = plan.indicators[k]!;
          const ok = RULE_NEEDS[ind.rule].every((group) => group.some((fld) => map!.columns[fld] !== undefined));
          if (ok) enabled |= 3 << (2 * s);
          else report.notComputed.push(ind.id);
        });
        decoder = new RowDecoder(dataset, map, opts.unitTier);
        return decoder.columns();
      },
      row(fields, count, line, malformed) {
        report.rows++;
        if (malformed) return malformedRow(line);
        counted(decoder!.decode(fields), count, line);
      },
    };
    const progress = { onProgress: opts.onProgress ? (b: number) => opts.onProgress!(source.name, b) : undefined };
    try {
      const stats = opts.csvReader
        ? await opts.csvReader(stream, sink, progress)
        : await readCsv(
            stream,
            {
              header: sink.header,
              rowBytes(row, line, malformed) {
                report.rows++;
                if (malformed) return malformedRow(line);
                counted(decoder!.decodeBytes(row), row.count, line);
              },
            },
            progress,
          );
      report.bytes = stats.bytes;
      report.delimiter = stats.delimiter;
      if (!map) throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
    } catch (e) {
      if (e instanceof CsvError) throw csvError(e, source.name);
      throw e;
    }
    inputs.push(report);
  }

  // Superseding can reach back into earlier files: settle the accounting at the end.
  inputs.forEach((rep, i) => {
    const fc = tally.files[fileNo[i]!]!;
    rep.superseded = fc.superseded;
    rep.counted = fc.accepted - fc.superseded;
  });

  const { results, summary } = evaluate(plan, tally, opts.byUnit ?? false);
  return { plan: plan.plan, period, inputs, results, summary, problems, problemCount };
}

function csvError(e: CsvError, file: string) {
  const where = { file, line: e.line, column: e.column };
  switch (e.code) {
    case 'empty':
      return inputError({ file }, 'tệp rỗng', 'empty file');
    case 'noHeader':
      return inputError({ file }, 'không có dòng tiêu đề', 'no header row');
    case 'utf16':
      return inputError(
        where,
        'tệp mã hóa UTF-16; hãy lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"',
        'file is UTF-16 encoded; save it again as "CSV UTF-8 (comma delimited)"',
      );
    case 'binary':
      return inputError(where, 'không phải tệp văn bản (có byte NUL; tệp Excel hay tệp nén?)', 'not a text file (NUL byte; an Excel or zip file?)');
    case 'encoding':
      return inputError(
        where,
        'không phải UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); hãy xuất lại dạng CSV UTF-8',
        'not UTF-8 (perhaps Windows-1258, TCVN3 or VNI); export it again as CSV UTF-8',
      );
    case 'unclosedQuote':
      return inputError(where, 'dấu ngoặc kép mở ở đây không được đóng', 'quote opened here is never closed');
  }
}

function unknownKind(file: string, line: number, header: string[]) {
  const codes = (d: Dataset) => FIELDS[d].find((s) => s.field === 'code')!.aliases.join(', ');
  const shown = header.slice(0, 6).map((h) => `"${h.trim()}"`).join(', ') + (header.length > 6 ? ', …' : '');
  return inputError(
    { file, line },
    `không nhận ra loại tệp: cần cột mã hồ sơ (${codes('dossiers')}) hoặc mã PAKN (${codes('feedback')}); tiêu đề là ${shown}`,
    `headers of no known kind: need a dossier-code column (${codes('dossiers')}) or a feedback-code column (${codes('feedback')}); found ${shown}`,
  );
}

function missingRequired(file: string, line: number, map: ColumnMap) {
  const list = (lang: 'vi' | 'en') =>
    map.missingRequired.map((s) => `${lang === 'vi' ? s.vi : s.en} (${s.aliases.join(' / ')})`).join('; ');
  const kind = map.dataset === 'dossiers' ? ['hồ sơ', 'dossier'] : ['PAKN', 'feedback'];
  return inputError(
    { file, line },
    `tệp ${kind[0]} thiếu cột bắt buộc: ${list('vi')}`,
    `${kind[1]} file lacks required column: ${list('en')}`,
  );
}

