/**
 * THE option table: every option of every command, declared once — its flags, help (Vietnamese
 * and English), default, parser, the commands that take it and its README row. The help, the
 * parsing (parseOptions) and the README's option tables (scripts/readme-options.mjs) are all
 * read from here; a new option is one entry. The order is the order of the help and the README.
 */
import { usageError } from '../model/errors.js';
import { parseAsOf, parsePeriod } from '../model/period.js';
import { LANGS } from '../model/lang.js';
import { TIERS } from '../model/tier.js';
import { WHICH } from '../model/listing.js';
import { parseDay } from '../util/dates.js';
import { canonicalEncoding } from '../ingest/decode.js';
import { MAX_THREADS } from '../ingest/parallel/workers.js';
import { formatNames } from '../report/render.js';
import { FORMATS, extensionsOf, formatOfFile, type CommandName } from './formats.js';
import { choicesOf, option, type OptionSpec, type ValueOf } from './option-spec.js';

/** A day, written as the data writes one (`2023-04-15`, `15/04/2023`…, util/dates.ts), as a day number. */
const day = (flag: string) => (raw: string) => {
  const d = parseDay(raw);
  if (Number.isNaN(d)) throw usageError('usage.date', { option: flag, value: raw });
  return d;
};

const DELIMITERS: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|',
};

/** `,` `;` `|`, `tab` or `\t` (also comma, semicolon, pipe). */
function parseDelimiter(s: string): string {
  const d = DELIMITERS[s === '\t' ? s : s.trim().toLowerCase()];
  if (d !== undefined) return d;
  throw usageError('usage.delimiter', { value: s });
}

/** A name iconv-lite knows (utf-8, utf-16le, windows-1258…); TCVN3 and VNI have no maintained decoder. */
function parseEncoding(s: string): string {
  const e = canonicalEncoding(s);
  if (e !== null) return e;
  throw usageError('usage.encoding', { value: s });
}

/** dmy (the contract's day first) or mdy (month first). */
function parseDateOrder(s: string): 'dmy' | 'mdy' {
  const t = s.trim().toLowerCase();
  if (t === 'dmy' || t === 'mdy') return t;
  throw usageError('usage.dateOrder', { value: s });
}

/** A unit's name, not blank. */
function parseUnit(s: string): string {
  const t = s.trim();
  if (t === '') throw usageError('usage.unit');
  return t;
}

/** A whole number of days from 0 to 3650 (--within). */
function parseWithin(s: string): number {
  const t = s.trim();
  const n = Number(t);
  if (/^\d+$/.test(t) && n <= 3650) return n;
  throw usageError('usage.within', { value: s });
}

/** A whole number from 1 to MAX_THREADS. */
function parseThreads(s: string): number {
  const t = s.trim();
  const n = Number(t);
  if (/^\d+$/.test(t) && n >= 1 && n <= MAX_THREADS) return n;
  throw usageError('usage.threads', { value: s, max: MAX_THREADS });
}

/** A whole number, 0 or more. */
function parseMaxWarnings(s: string): number {
  const t = s.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t);
  throw usageError('usage.maxWarnings', { value: s });
}

/** What --by adds: per unit, per district, per month. */
export const BY = ['unit', 'district', 'month'] as const;
export type By = (typeof BY)[number];

/** `unit`, `district`, `month`, comma-separated (a repeated --by comes joined by commas); unit and district exclude each other. */
function parseBy(s: string): readonly By[] {
  const out: By[] = [];
  for (const part of s.split(',')) {
    const v = part.trim().toLowerCase();
    if (!(BY as readonly string[]).includes(v)) throw usageError('usage.by', { value: part.trim(), allowed: BY.join(', ') });
    if (!out.includes(v as By)) out.push(v as By);
  }
  if (out.includes('unit') && out.includes('district')) throw usageError('usage.byUnitAndDistrict');
  return out;
}

/** A whole number from 1 up. */
function parseTop(s: string): number {
  const t = s.trim();
  const n = Number(t);
  if (/^\d+$/.test(t) && n >= 1 && Number.isSafeInteger(n)) return n;
  throw usageError('usage.top', { value: s });
}

export const OPTIONS = {
  status: option({
    flags: '--status <file>',
    commands: ['tasks', 'validate'],
    help: { vi: 'tệp trạng thái CSV (- là đầu vào chuẩn)', en: 'status CSV (- reads stdin)' },
    readme: { flags: '--status FILE', meaning: 'the status file (contract below); `-` reads stdin; without it every task is unreported', example: '--status trang-thai.csv' },
  }),
  group: option({
    flags: '--group <by>',
    commands: ['tasks'],
    default: 'lead',
    choices: { values: ['lead', 'section'] as const, error: 'usage.group' },
    readme: {
      meaning: 'group by lead agency (default; a task with several leads is listed under each, the total counts it once) or by appendix section',
      example: '--group section',
    },
  }),
  section: option({
    flags: '--section <id>',
    commands: ['plan'],
    help: { vi: 'chỉ mục này: II, II.3, II.3.4 hoặc body', en: 'only this section, group or item, or body' },
    readme: {
      flags: '--section ID',
      meaning: "an appendix section (`II`), group (`II.3`) or item (`II.3.4`), any case; `body` for the body's targets only. An appendix selector leaves the body's targets out",
      example: '--section II',
    },
  }),
  lead: option({
    flags: '--lead <agency>',
    commands: ['plan'],
    help: { vi: 'chỉ nhiệm vụ do cơ quan này chủ trì', en: 'only tasks led by this agency (e.g. "Sở Nội vụ")' },
    readme: {
      flags: '--lead AGENCY',
      meaning:
        "only the tasks this agency leads (and their items): the agency's id, name or alias, matched folded (case and diacritics ignored: `so noi vu`); a unique part of a name also works (`nội vụ`), an ambiguous one is refused with the candidates. Leaves the body's targets out",
      example: '--lead "Sở Nội vụ"',
    },
  }),
  computable: option({
    flags: '--computable',
    commands: ['plan'],
    help: { vi: 'chỉ chỉ tiêu tính được', en: 'only targets ccch can compute' },
    readme: { meaning: 'only targets some input can check (data, catalog, units) and the items that have one', example: '--computable --format json' },
  }),
  period: option({
    flags: '--period <period>',
    commands: ['score', 'validate', 'explain'],
    help: (command) =>
      command === 'explain'
        ? { vi: 'kỳ, như với score', en: 'period, as for score' }
        : command === 'validate'
        ? {
            vi: 'kỳ để kiểm tra kỳ báo cáo của báo cáo tổng hợp (mặc định: kỳ ghi trên tiêu đề báo cáo, nếu không thì năm của kế hoạch)',
            en: "period that summary reports must cover (default: the period in a report's title, else the plan year)",
          }
        : {
            vi: 'kỳ: 2023, 2023-Q1 (Quý I/2023), 2023-H1, 2023-03 (03/2023)… (mặc định: kỳ ghi trên tiêu đề báo cáo tổng hợp, nếu không thì năm của kế hoạch)',
            en: "period: 2023, 2023-Q1 (Quý I/2023), 2023-H1, 2023-03 (03/2023)… (default: the period in a summary report's title, else the plan year)",
          },
    parse: parsePeriod,
    check: (v) => {
      if (v.period !== undefined && (v.from !== undefined || v.to !== undefined)) throw usageError('usage.periodWithDates');
    },
    readme: (command) => ({
      flags: '--period P',
      meaning:
        command === 'explain'
          ? 'as for `score`'
          : command === 'validate'
          ? "the period summary reports must cover, written as for `score` (default: the period a summary report's title gives, else the plan's year)"
          : "the period: a year `2023`, a half `2023-H1`/`H2`, a quarter `2023-Q1`…`Q4`, a month `2023-03`, as written in reports too (`Quý I/2023`, `6 tháng đầu năm 2023`, `03/2023`, `Tháng 3/2023`), a day `15/04/2023`, or two days `01/01/2023 - 31/03/2023`; default: the period a summary report's title gives ([form 06](#summary-reports-as-units-file-them-form-06vpcpkstt)), else the plan's year",
      example: '--period 2023-Q2',
    }),
  }),
  from: option({
    flags: '--from <date>',
    commands: ['score', 'validate', 'explain'],
    help: { vi: 'ngày đầu kỳ (2023-01-01 hoặc 01/01/2023)', en: 'first day' },
    parse: day('--from'),
    readme: {
      flags: ['--from D', '--to D'],
      meaning: "explicit first / last day, inclusive (`2023-01-01` or `01/01/2023`); either alone fills in the plan year's first or last day; not with `--period`",
      example: '--from 2023-01-01 --to 2023-05-31',
    },
  }),
  to: option({
    flags: '--to <date>',
    commands: ['score', 'validate', 'explain'],
    help: { vi: 'ngày cuối kỳ (2023-05-31 hoặc 31/05/2023)', en: 'last day' },
    parse: day('--to'),
    readme: null,
  }),
  asOf: option({
    flags: '--as-of <date>',
    commands: ['score', 'validate', 'tasks', 'explain', 'overdue'],
    help: (command) =>
      command === 'overdue'
        ? { vi: 'ngày xét, ví dụ 2023-06-30 hoặc 30/06/2023 (bắt buộc)', en: 'the day to judge at, e.g. 2023-06-30 or 30/06/2023 (required)' }
        : command === 'tasks'
        ? { vi: 'tính đến ngày, ví dụ 2023-06-30 hoặc 30/06/2023 (mặc định: hôm nay)', en: 'as of a day, e.g. 2023-06-30 or 30/06/2023 (default: today)' }
        : {
            vi: 'ngày xét, ví dụ 2023-06-30 hoặc 30/06/2023: bỏ qua dòng tiếp nhận sau ngày này, hồ sơ giải quyết sau ngày này coi là chưa giải quyết',
            en: 'judge as of this day: rows received after it are left out, resolved after it count as open',
          },
    parse: parseAsOf,
    readme: (command) =>
      command === 'overdue'
        ? {
            flags: '--as-of DATE',
            meaning:
              'required: the day D (`2023-06-30`, `30/06/2023` or any form of the data contract); items open at the end of D and past due there are overdue. Rows received after D are left out, resolutions after D are open, as for `score`',
            example: '--as-of 2023-06-30',
          }
        : command === 'tasks'
        ? { flags: '--as-of DATE', meaning: 'the day, `2023-04-15` or `15/04/2023` (any form of the data contract; default: today). A completion date after it rejects the row', example: '--as-of 2023-04-15' }
        : command === 'validate' || command === 'explain'
          ? { flags: '--as-of D', meaning: 'as for `score`: rows received after D are left out, resolutions after D are open' }
          : {
              flags: '--as-of D',
              meaning:
                'judge as of the end of day D (`2023-06-30`, `30/06/2023` or any form of the data contract, not before the period\'s first day): rows received after D are left out (counted as *excluded*), dossiers resolved after D are open at D — a later export scored `--as-of 2023-06-30` gives the figures of a 30/06 export. See [The judging moment](#the-judging-moment-j)',
              example: '--as-of 30/06/2023',
            },
  }),
  by: option({
    flags: '--by <what>',
    commands: ['score'],
    help: {
      vi: 'thêm kết quả theo đơn vị, huyện hoặc tháng: unit | district (cần --units) | month; ghép bằng dấu phẩy (unit,month)',
      en: 'add per-unit, per-district or per-month results: unit | district (needs --units) | month; combine with commas (unit,month)',
    },
    parse: parseBy,
    repeatable: true,
    check: (v) => {
      const by = v.by as readonly By[] | undefined;
      if (by?.includes('district') && v.units === undefined) throw usageError('usage.byDistrictNeedsUnits');
    },
    readme: {
      flags: '--by unit|district|month',
      meaning:
        '`unit`: add one result per unit (in its tier); `district` (with `--units`): add, for every indicator and units measure, one result per district and tier — the district-level units of the district, and its communes — summing counts (never averaging rates); `month`: add every indicator per calendar month of the period, per tier (and per unit with `unit`), each month judged as a period of its own (see [By month](#by-month)). Combine with a comma or by repeating: `--by unit,month`; `unit` and `district` exclude each other',
      example: 'ccch score ho-so.csv --by unit',
    },
  }),
  failing: option({
    flags: '--failing',
    commands: ['score'],
    help: { vi: 'chỉ liệt kê kết quả không đạt (đơn vị xếp theo số còn thiếu)', en: 'list failing results only (units ranked by shortfall)' },
    readme: {
      meaning:
        'list only the failing results; units (districts) are then ranked by their shortfall, largest first. The summary line and the exit code still count every result',
      example: '--by unit --failing',
    },
  }),
  top: option({
    flags: '--top <n>',
    commands: ['score'],
    help: { vi: 'chỉ N đơn vị đầu mỗi cấp (xếp theo số còn thiếu)', en: 'the first N units per tier (ranked by shortfall)' },
    parse: parseTop,
    readme: {
      flags: '--top N',
      meaning: 'with `--by unit` (or `district`): the first N units of each indicator, tier (and month), ranked by shortfall, largest first',
      example: '--by unit --failing --top 5',
    },
  }),
  allUnits: option({
    flags: '--all-units',
    commands: ['score'],
    help: { vi: 'liệt kê cả đơn vị có mẫu số 0 (không có dữ liệu)', en: 'list units with a zero denominator (no data) too' },
    readme: {
      meaning: 'with `--by unit` (or `district`): list units whose denominator is 0 as well (by default an indicator lists only the units with data for it; the table says how many it left out)',
      example: '--by unit --all-units',
    },
  }),
  catalog: option({
    flags: '--catalog <file>',
    commands: ['score', 'validate'],
    help: { vi: 'danh mục TTHC (CSV): chấm các chỉ tiêu về TTHC', en: 'procedures catalog CSV: checks the catalog targets' },
    readme: {
      flags: '--catalog FILE',
      table: 'side',
      meaning:
        'the procedures catalog (danh mục TTHC, contract below): checks published on time (II.1.3, 100%), sample dossiers (II.1.4, 70%), simplified (II.1.5, 10%), eligible procedures offered online (II.3.1, 100%), fee procedures with online payment (VI.3.1, 100%)',
      example: '--catalog danh-muc-tthc.csv',
    },
  }),
  units: option({
    flags: '--units <file>',
    commands: ['score', 'validate', 'explain', 'overdue'],
    help: (command) =>
      command === 'explain' || command === 'overdue'
        ? { vi: 'danh sách đơn vị (CSV/XLSX): cấp của đơn vị, như với score', en: "units file: the units' tiers, as for score" }
        : { vi: 'danh sách đơn vị (CSV/XLSX): cấp, huyện, chứng thực điện tử', en: 'units file: tiers, districts, e-certification' },
    readme: (command) =>
      command === 'explain' || command === 'overdue'
        ? {
            flags: '--units FILE',
            meaning: "the units file, as for `score`: a unit's tier by its name or code (tier rule 2); give it whenever `score` was given it, for the same tiers",
            example: '--units don-vi.csv',
          }
        : {
            flags: '--units FILE',
            table: 'side',
            meaning:
              'the units file (contract below): read *before* the exports, it is tier rule 2 (between a row\'s tier column and the unit\'s name; a unit may be named by its code); checks e-certification (II.3.3, 100% of communes and district Justice Offices) and "more e-certified copies than last year" (II.3.3)',
            example: '--units don-vi.csv',
          },
  }),
  tier: option({
    flags: '--tier <tier>',
    commands: ['explain'],
    help: { vi: 'cấp: so | huyen | xa (mặc định: toàn tỉnh, hoặc cấp của --unit)', en: "tier: so | huyen | xa (default: the province, or --unit's tier)" },
    choices: { values: TIERS, error: 'usage.tier' },
    readme: { meaning: "the tier of the result (default: the province; with `--unit`, the unit's tier)", example: '--tier huyen' },
  }),
  which: option({
    flags: '--which <rows>',
    commands: ['explain'],
    default: 'denominator',
    choices: { values: WHICH, error: 'usage.which' },
    readme: {
      meaning:
        '`denominator` (default): every row counted in the result, each marked in the numerator or not; `numerator`: those in the numerator; `not-numerator`: those in the denominator only (late, not online…); `excluded`: rows of the scope left out of the result, with why: superseded by a later row with the same code, received after `--as-of`, no column for the rule in their file, or a value that leaves them out (blank or unknown, not rated, no fee) although their dates are in the period',
      example: '--which not-numerator',
    },
  }),
  within: option({
    flags: '--within <days>',
    commands: ['overdue'],
    help: { vi: 'liệt kê cả hồ sơ sắp đến hạn trong N ngày', en: 'also list items due within N days' },
    parse: parseWithin,
    readme: {
      flags: '--within N',
      meaning: 'also list the items open at D and not yet overdue that are due by the end of day D + N (0–3650 calendar days); they do not change the exit code',
      example: '--within 7',
    },
  }),
  problems: option({
    flags: '--problems',
    commands: ['score', 'tasks'],
    help: { vi: 'liệt kê mọi lỗi và cảnh báo', en: 'list every problem' },
    readme: { meaning: 'list every problem in the table output (default: the first 10)', example: '--problems' },
  }),
  maxWarnings: option({
    flags: '--max-warnings <n>',
    commands: ['validate'],
    help: { vi: 'thoát 1 khi số cảnh báo vượt quá n (0: mọi cảnh báo đều không đạt)', en: 'exit 1 when there are more than n warnings (0: any warning fails)' },
    parse: parseMaxWarnings,
    readme: {
      flags: '--max-warnings N',
      meaning: "ESLint's convention: exit 1 when there are more than N warnings (0 makes any warning fail); default: no limit, warnings alone exit 0",
      example: '--max-warnings 0',
    },
  }),
  exitZero: option({
    flags: '--exit-zero',
    commands: ['score', 'tasks', 'overdue'],
    help: { vi: 'thoát 0 dù có chỉ tiêu không đạt hay việc quá hạn (lỗi vẫn là 2)', en: 'exit 0 whatever the verdict (errors still exit 2)' },
    readme: {
      meaning: 'exit 0 whatever the verdict — a failed target, an overdue task or dossier — for report scripts that should not fail on it; usage and input errors still exit 2',
      example: '--exit-zero',
    },
  }),
  format: option({
    flags: '--format <format>',
    commands: ['score', 'validate', 'plan', 'tasks', 'explain', 'overdue'],
    default: 'table',
    choices: { values: (command) => formatNames(FORMATS[command]), error: 'usage.format' },
    inferred: (v, command) => {
      if (typeof v.output !== 'string' || v.output === '-') return undefined;
      const f = formatOfFile(command, v.output);
      if (f === null) throw usageError('usage.outputFormat', { file: v.output, allowed: extensionsOf(command).join(', ') });
      return f;
    },
    readme: (command) => ({
      meaning:
        FORMATS[command].map((f, i) => `\`${f.name}\`${i === 0 ? ' (default)' : ''}: ${f.readme}`).join('; ') +
        '; without `--format`, `-o FILE` chooses by its extension (' +
        FORMATS[command].flatMap((f) => (f.extensions ?? []).map((e) => `\`${e}\``)).join(', ') +
        ')',
      example: { score: '--format json | jq .summary', validate: '--format json | jq .summary', plan: '--format md > ke-hoach.md', tasks: '--format json | jq .counts', explain: '--format csv > ho-so-tre.csv', overdue: '--format json | jq .counts' }[command],
    }),
  }),
  output: option({
    flags: '-o, --output <file>',
    commands: ['score', 'validate', 'plan', 'tasks'],
    help: { vi: 'ghi ra tệp này (định dạng theo đuôi tệp khi không có --format)', en: 'write to this file (the format by its extension unless --format)' },
    readme: {
      flags: ['-o FILE', '--output FILE'],
      meaning:
        'write the output to FILE instead of standard output (`-`: standard output); without `--format`, its extension chooses the format. The file is written whole or not at all (a temporary file, renamed). A binary format (`xlsx`) is never written to a terminal: give `-o` or redirect',
      example: '-o ket-qua.xlsx',
    },
  }),
  lang: option({
    flags: '--lang <lang>',
    commands: ['score', 'validate', 'plan', 'tasks', 'explain', 'overdue'],
    default: 'vi',
    choices: { values: LANGS, error: 'usage.lang' },
    readme: (command) => ({
      meaning: command === 'plan' ? "labels (the plan's own words stay Vietnamese)" : 'language of labels and messages (default Vietnamese)',
      example: '--lang en',
    }),
  }),
  plan: option({
    flags: '--plan <file>',
    commands: ['score', 'validate', 'plan', 'tasks', 'explain', 'overdue'],
    help: { vi: 'tệp kế hoạch YAML', en: 'plan YAML' },
    readme: { flags: '--plan FILE', meaning: 'another plan YAML (default: the bundled Đồng Nai 2023 plan)', example: '--plan plan/my-plan.yaml' },
  }),
  sheet: option({
    flags: '--sheet <name>',
    commands: ['score', 'validate', 'explain', 'overdue'],
    help: { vi: 'trang tính của tệp XLSX (mặc định: trang đầu)', en: 'XLSX sheet (default: the first)' },
    readme: {
      flags: '--sheet NAME',
      meaning: 'the sheet of XLSX inputs (default: the first); see [Input formats](#input-formats-xlsx-encodings-printed-reports)',
      example: '--sheet "Hồ sơ"',
    },
  }),
  delimiter: option({
    flags: '--delimiter <d>',
    commands: ['score', 'validate', 'explain', 'overdue'],
    help: { vi: 'dấu phân cách CSV: , ; | tab (mặc định: tự nhận)', en: 'CSV delimiter (default: sniffed)' },
    parse: parseDelimiter,
    readme: { flags: '--delimiter D', meaning: 'the delimiter of text inputs: `,` `;` `|` or `tab` (also `\\t`); default: sniffed per file', example: '--delimiter tab' },
  }),
  encoding: option({
    flags: '--encoding <name>',
    commands: ['score', 'validate', 'explain', 'overdue'],
    help: { vi: 'bảng mã CSV, ví dụ windows-1258 (mặc định: UTF-8, UTF-16 theo BOM)', en: 'CSV encoding (default: UTF-8, UTF-16 by BOM)' },
    parse: parseEncoding,
    readme: { flags: '--encoding NAME', meaning: 'the encoding of text inputs, e.g. `windows-1258` (default: UTF-8, or UTF-16 by its BOM)', example: '--encoding windows-1258' },
  }),
  dateOrder: option({
    flags: '--date-order <order>',
    commands: ['score', 'validate'],
    help: { vi: 'thứ tự ngày có dấu /: dmy (ngày trước, mặc định) hoặc mdy (tháng trước)', en: 'slashed dates: dmy (day first, the default) or mdy (month first)' },
    parse: parseDateOrder,
    readme: {
      flags: '--date-order ORDER',
      meaning:
        'how slashed (and dashed, dotted) dates are read: `dmy` day first (the default, the contract\'s) or `mdy` month first, for an export written with US dates; a file whose dates read only month first is refused without it (see [When a column is absent or holds something else](#when-a-column-is-absent-or-holds-something-else))',
      example: '--date-order mdy',
    },
  }),
  unit: option({
    flags: '--unit <name>',
    commands: ['score', 'validate', 'explain'],
    help: (command) =>
      command === 'explain'
        ? { vi: 'chỉ đơn vị này (tên, không phân biệt hoa thường, dấu)', en: 'only this unit (its name, matched folded)' }
        : { vi: 'đơn vị báo cáo của báo cáo tổng hợp theo lĩnh vực', en: 'the reporting unit of a summary report by field of work' },
    parse: parseUnit,
    readme: (command) =>
      command === 'explain'
        ? {
            flags: '--unit NAME',
            meaning:
              'the unit whose result to explain, by its name as the exports write it (case, spacing and diacritics ignored); with `--tier` when the name is a unit of two tiers',
            example: '--unit "UBND huyện Nhơn Trạch"',
          }
        : {
            flags: '--unit NAME',
            meaning:
              'the reporting unit of a summary report whose rows are fields of work (lĩnh vực), when its title has no "Đơn vị báo cáo: …" line; see [form 06](#summary-reports-as-units-file-them-form-06vpcpkstt)',
            example: '--unit "Sở Tư pháp"',
          },
  }),
  map: option({
    flags: '--map <file>',
    commands: ['score', 'validate'],
    help: { vi: 'tệp ánh xạ YAML: thêm tên cột, giá trị, cấp đơn vị', en: 'mapping YAML: more headers, values, unit tiers' },
    readme: {
      flags: '--map FILE',
      meaning:
        'a mapping file (YAML) adding header aliases, values and units\' tiers that the contract does not list; see [A mapping file](#a-mapping-file---map). Checked strictly: an unknown key, field or meaning is an error naming its path (exit 2)',
      example: '--map anh-xa.yaml',
    },
  }),
  threads: option({
    flags: '--threads <n>',
    commands: ['score', 'validate'],
    help: {
      vi: `số luồng đọc một tệp CSV lớn (mặc định: số nhân CPU, tối đa ${MAX_THREADS}); kết quả như nhau`,
      en: `threads to read a big CSV file with (default: the CPU cores, at most ${MAX_THREADS}); same results`,
    },
    parse: parseThreads,
    readme: {
      flags: '--threads N',
      meaning: `threads to read a big CSV export with, 1–${MAX_THREADS} (default: the CPU cores, at most ${MAX_THREADS}); the output is the same whatever N — see [Speed](#speed)`,
      example: '--threads 1',
    },
  }),
};

type Table = typeof OPTIONS;
export type OptionKey = keyof Table;

/** The options a command takes. */
export type OptionsOf<C extends CommandName> = { [K in OptionKey]: C extends Table[K]['commands'][number] ? K : never }[OptionKey];

/** A command's options, parsed. */
export type OptionValues<C extends CommandName> = { [K in OptionsOf<C>]: ValueOf<Table[K]> };

const ENTRIES = Object.entries(OPTIONS) as Array<[OptionKey, OptionSpec]>;

/** The entries of a command's options, in the table's order. */
export function optionsFor(command: CommandName): Array<[OptionKey, OptionSpec]> {
  return ENTRIES.filter(([, spec]) => spec.commands.includes(command));
}

function pick(spec: OptionSpec, command: CommandName, raw: string): string {
  const allowed = choicesOf(spec, command)!;
  const v = raw.trim().toLowerCase();
  if (allowed.includes(v)) return v;
  throw usageError(spec.choices!.error, { value: raw, allowed: allowed.join(', ') });
}

/**
 * A command's options as commander collected them (strings, switches, defaults) → parsed
 * values, then the rules between options. `--lang` goes first: it is the language of any error
 * that follows (`onLang`).
 */
export function parseOptions<C extends CommandName>(command: C, raw: Readonly<Record<string, unknown>>, onLang?: (lang: string) => void): OptionValues<C> {
  const entries = optionsFor(command).sort(([a], [b]) => Number(b === 'lang') - Number(a === 'lang'));
  const values: Record<string, unknown> = {};
  for (const [key, spec] of entries) {
    const r = raw[key];
    if (typeof r !== 'string') values[key] = r;
    else if (spec.choices) values[key] = pick(spec, command, r);
    else values[key] = spec.parse ? spec.parse(r) : r;
    if (key === 'lang') onLang?.(values[key] as string);
  }
  for (const [key, spec] of entries) {
    if (values[key] === undefined && spec.inferred) values[key] = spec.inferred(values, command) ?? spec.default;
  }
  for (const [, spec] of entries) spec.check?.(values);
  return values as OptionValues<C>;
}
