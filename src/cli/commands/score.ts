/**
 * `ccch score FILE...`: thin shell over score(): parse options, load the plan, pick a renderer.
 */
import type { Command } from 'commander';
import { score } from '../../pipeline/score.js';
import { DEFAULT_MAX_PROBLEMS } from '../../ingest/problems.js';
import { loadPlan, DEFAULT_PLAN } from '../../plan/load.js';
import { parsePeriod, periodFromDates } from '../../model/period.js';
import { renderTable } from '../../report/table.js';
import { renderJson } from '../../report/json.js';
import { usageError } from '../../model/errors.js';
import { type Cli, type ReaderFlags, addReaderOptions, inputSources, parseLang, parseFormat, progress, readerOptions } from '../context.js';

interface ScoreFlags extends ReaderFlags {
  plan?: string;
  period?: string;
  from?: string;
  to?: string;
  by?: string;
  format: string;
  lang: string;
  problems?: boolean;
  catalog?: string;
}

export function register(program: Command, cli: Cli): void {
  const cmd = program
    .command('score')
    .summary('tính các chỉ tiêu và so với mục tiêu / compute the indicators and check them against the targets')
    .description(
      'Đọc tệp xuất hồ sơ và PAKN từ hệ thống một cửa điện tử, tính các chỉ tiêu theo cấp (sở, huyện, xã), đơn vị và toàn tỉnh, so với mục tiêu của kế hoạch.\n' +
        "Reads the one-stop system's dossier and feedback (PAKN) exports, computes each indicator per tier, unit and province, and checks it against the plan's targets.",
    )
    .argument('<files...>', 'tệp CSV hoặc XLSX (- là đầu vào chuẩn) / CSV or XLSX files (- reads stdin)')
    .option('--plan <file>', 'tệp kế hoạch YAML / plan YAML', undefined)
    .option('--period <period>', 'kỳ: 2023, 2023-Q1…Q4, 2023-H1/H2, 2023-03 (mặc định: năm của kế hoạch) / period (default: the plan year)')
    .option('--from <date>', 'ngày đầu kỳ YYYY-MM-DD / first day')
    .option('--to <date>', 'ngày cuối kỳ YYYY-MM-DD / last day')
    .option('--by <what>', 'thêm kết quả theo đơn vị hoặc huyện: unit | district (cần --units) / add per-unit or per-district results: unit | district (needs --units)')
    .option('--catalog <file>', 'danh mục TTHC (CSV): chấm các chỉ tiêu về TTHC / procedures catalog CSV: checks the catalog targets')
    .option('--format <format>', 'table | json', 'table')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--problems', 'liệt kê mọi lỗi và cảnh báo / list every problem');
  addReaderOptions(cmd).action(async (files: string[], flags: ScoreFlags) => {
      const lang = parseLang(flags.lang);
      cli.lang = lang;
      const format = parseFormat(flags.format, ['table', 'json']);
      if (flags.by !== undefined && flags.by !== 'unit' && flags.by !== 'district') {
        throw usageError('usage.by', { value: flags.by });
      }
      if (flags.by === 'district' && flags.units === undefined) {
        throw usageError('usage.byDistrictNeedsUnits');
      }
      if (flags.period !== undefined && (flags.from !== undefined || flags.to !== undefined)) {
        throw usageError('usage.periodWithDates');
      }
      const reader = readerOptions(flags);
      const plan = await loadPlan(flags.plan ?? DEFAULT_PLAN, flags.plan ?? DEFAULT_PLAN);
      const period =
        flags.period !== undefined
          ? parsePeriod(flags.period)
          : flags.from !== undefined || flags.to !== undefined
            ? periodFromDates(flags.from, flags.to, plan.plan.year)
            : parsePeriod(String(plan.plan.year));
      const side = inputSources([...(flags.units !== undefined ? [flags.units] : []), ...(flags.catalog !== undefined ? [flags.catalog] : []), ...files], cli);
      const unitsSource = flags.units !== undefined ? side.shift() : undefined;
      const catalogSource = flags.catalog !== undefined ? side.shift() : undefined;
      const prog = progress(cli);
      let result;
      try {
        result = await score({
          plan,
          period,
          inputs: side,
          byUnit: flags.by === 'unit',
          byDistrict: flags.by === 'district',
          ...(unitsSource ? { units: unitsSource } : {}),
          ...(catalogSource ? { catalog: catalogSource } : {}),
          maxProblems: DEFAULT_MAX_PROBLEMS,
          onProgress: prog.update,
          ...reader,
        });
      } finally {
        prog.done();
      }
      cli.exitCode = result.summary.fail > 0 ? 1 : 0; // before the output: a reader that goes away early (| head) still gets it
      if (format === 'json') await cli.stdoutChunks(renderJson(result, lang, cli.version));
      else cli.stdout(renderTable(result, { lang, chalk: cli.chalk, problems: flags.problems ? Infinity : 10, indicators: plan.indicators }));
    });
}
