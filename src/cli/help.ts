/**
 * What the help says after the options, in one place: each command's exit codes (also the
 * README's exit-code table, scripts/readme-options.mjs), the environment, examples; and the
 * program's own summary of them.
 */
import type { CommandName } from './formats.js';
import type { Text } from './option-spec.js';

export const EXIT = { OK: 0, FAILED: 1, ERROR: 2 } as const;

export interface ExitHelp {
  code: (typeof EXIT)[keyof typeof EXIT];
  help: Text;
  /** The README's exit-code table (English). */
  readme: string;
}

const USAGE_OR_INPUT: ExitHelp = {
  code: EXIT.ERROR,
  help: { vi: 'lỗi cách dùng hoặc dữ liệu vào', en: 'usage or input error' },
  readme: 'usage or input error',
};

export const EXITS: Record<CommandName, readonly ExitHelp[]> = {
  score: [
    {
      code: EXIT.OK,
      help: { vi: 'mọi chỉ tiêu đạt (hoặc không có dữ liệu)', en: 'no target failed' },
      readme: 'no target failed (every result passed, had no data, or had no target)',
    },
    {
      code: EXIT.FAILED,
      help: { vi: 'có chỉ tiêu không đạt (0 với --exit-zero)', en: 'some target failed (0 with --exit-zero)' },
      readme: 'at least one target failed (with `--by unit` or `month`, unit and month results count too, listed or not); 0 with `--exit-zero`',
    },
    USAGE_OR_INPUT,
  ],
  validate: [
    { code: EXIT.OK, help: { vi: 'mọi tệp đạt (có thể có cảnh báo)', en: 'every file clean (warnings allowed)' }, readme: 'every file clean' },
    {
      code: EXIT.FAILED,
      help: { vi: 'có dòng bị loại hoặc không khớp hồ sơ, hoặc số cảnh báo vượt --max-warnings', en: 'some rows rejected or unmatched, or more warnings than --max-warnings' },
      readme: 'some rows rejected or unmatched (errors), or more warnings than `--max-warnings`',
    },
    {
      code: EXIT.ERROR,
      help: { vi: 'có tệp không đọc được (báo cáo vẫn in đủ), hoặc lỗi cách dùng', en: 'some input unreadable (the report is still written in full), usage error' },
      readme: 'some input unreadable (the whole report is still written), or a usage error',
    },
  ],
  plan: [
    { code: EXIT.OK, help: { vi: 'đã in kế hoạch', en: 'the plan was listed' }, readme: 'listed' },
    { code: EXIT.ERROR, help: { vi: 'lỗi cách dùng hoặc tệp kế hoạch', en: 'usage or plan error' }, readme: 'usage or plan error' },
  ],
  tasks: [
    { code: EXIT.OK, help: { vi: 'không nhiệm vụ nào quá hạn', en: 'no task overdue' }, readme: 'no task overdue' },
    { code: EXIT.FAILED, help: { vi: 'có nhiệm vụ quá hạn (0 với --exit-zero)', en: 'some task overdue (0 with --exit-zero)' }, readme: 'some task overdue; 0 with `--exit-zero`' },
    USAGE_OR_INPUT,
  ],
  explain: [
    { code: EXIT.OK, help: { vi: 'đã liệt kê', en: 'listed' }, readme: 'listed' },
    USAGE_OR_INPUT,
  ],
  overdue: [
    { code: EXIT.OK, help: { vi: 'không hồ sơ, PAKN nào quá hạn (hoặc --exit-zero)', en: 'nothing overdue (or --exit-zero)' }, readme: 'nothing overdue (or `--exit-zero`)' },
    { code: EXIT.FAILED, help: { vi: 'có hồ sơ hoặc PAKN quá hạn', en: 'some dossier or PAKN item overdue' }, readme: 'some dossier or PAKN item overdue' },
    USAGE_OR_INPUT,
  ],
};

const EXAMPLES: Record<CommandName, readonly string[]> = {
  score: ['ccch score ho-so-2023.csv pakn-2023.csv --period 2023-Q1', 'ccch score ho-so-2023.csv --format json --lang en | jq .summary'],
  validate: ['ccch validate ho-so.csv nop-truc-tuyen.csv so-hoa.csv thanh-toan.csv', 'ccch validate exports/*.csv --format json | jq .summary'],
  plan: ['ccch plan --section II --computable', 'ccch plan --lead "Sở Nội vụ" --format md > nhiem-vu-so-noi-vu.md'],
  tasks: ['ccch tasks --status trang-thai.csv --as-of 2023-06-30 --group lead'],
  explain: ['ccch explain on-time-rate ho-so-2023.csv --unit "UBND huyện Nhơn Trạch" --which not-numerator', 'ccch explain online-rate ho-so-2023.csv --tier xa --format csv > truc-tuyen-xa.csv'],
  overdue: ['ccch overdue ho-so.csv pakn.csv --as-of 2023-06-30 --within 7', 'ccch overdue ho-so.csv --as-of 30/06/2023 --format csv > qua-han.csv'],
};

const PROGRAM_EXAMPLES = ['ccch score ho-so-2023.csv pakn-2023.csv --period 2023-Q1', 'ccch validate ho-so-2023.csv --format json', 'ccch plan --computable', 'ccch tasks --status trang-thai.csv'];

const ENV = 'Biến môi trường / environment: NO_COLOR, FORCE_COLOR.';

/** `  1  vi / en`, or the English on a line of its own when the two are long. */
function exitLine(code: number, t: Text): string {
  const one = `  ${code}  ${t.vi} / ${t.en}`;
  return one.length <= 110 ? one : `  ${code}  ${t.vi}\n     ${t.en}`;
}

const examples = (lines: readonly string[]) => ['Ví dụ / example:', ...lines.map((l) => `  ${l}`)].join('\n');

/** The help's end for a command: exit codes, environment, examples. */
export function commandHelp(command: CommandName): string {
  const exits = EXITS[command].map((e) => exitLine(e.code, e.help)).join('\n');
  return `\nMã thoát / exit codes:\n${exits}\n\n${ENV}\n${examples(EXAMPLES[command])}`;
}

/** The program's help end: the exit codes of every command at a glance (1 differs by command). */
export function programHelp(): string {
  const failed = (Object.keys(EXITS) as CommandName[]).flatMap((c) => EXITS[c].filter((e) => e.code === EXIT.FAILED).map((e) => ({ c, t: e.help })));
  const one: Text = { vi: failed.map(({ c, t }) => `${c}: ${t.vi}`).join('; '), en: failed.map(({ c, t }) => `${c}: ${t.en}`).join('; ') };
  const lines = [
    exitLine(EXIT.OK, { vi: 'đạt: không chỉ tiêu nào không đạt, tệp sạch, không nhiệm vụ quá hạn', en: 'all good' }),
    exitLine(EXIT.FAILED, one),
    exitLine(EXIT.ERROR, USAGE_OR_INPUT.help),
  ];
  return `\nMã thoát / exit codes (chi tiết: ccch COMMAND --help / details per command):\n${lines.join('\n')}\n\n${ENV}\n${examples(PROGRAM_EXAMPLES)}`;
}
