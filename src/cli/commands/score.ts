/**
 * `ccch score FILE...`: the options → score() → a renderer. Exit 1 when a target fails.
 */
import { score as scoreInputs } from '../../pipeline/score.js';
import { DEFAULT_MAX_PROBLEMS } from '../../ingest/problems.js';
import { SCORE_FORMATS } from '../../report/score/formats.js';
import type { CommandDef } from '../command.js';
import { withProgress } from '../context.js';
import { fieldName, inputSources, mappingOf, planOf, readerOptions } from '../inputs.js';
import { periodNamed, periodWarning, resolvePeriod } from '../period.js';
import { checkAsOf } from '../../model/period.js';

export const score: CommandDef<'score'> = {
  name: 'score',
  summary: { vi: 'tính các chỉ tiêu và so với mục tiêu', en: 'compute the indicators and check them against the targets' },
  description: {
    vi: 'Đọc tệp xuất hồ sơ và PAKN từ hệ thống một cửa điện tử, tính các chỉ tiêu theo cấp (sở, huyện, xã), đơn vị và toàn tỉnh, so với mục tiêu của kế hoạch.',
    en: "Reads the one-stop system's dossier and feedback (PAKN) exports, computes each indicator per tier, unit and province, and checks it against the plan's targets.",
  },
  files: {
    help: { vi: 'tệp CSV hoặc XLSX (- là đầu vào chuẩn)', en: 'CSV or XLSX files (- reads stdin)' },
    readme: {
      flags: 'FILE...',
      meaning: 'CSV (or XLSX, UTF-16 text…) exports, read in the order given (it matters for duplicates); `-` reads standard input',
      example: 'ccch score ho-so.csv pakn.csv',
    },
  },
  async run(files, o, cli) {
    const plan = await planOf(o.plan, cli);
    const period = resolvePeriod(o, plan.plan.year);
    const asOf = o.asOf !== undefined ? { asOf: checkAsOf(o.asOf, period) } : {};
    const warning = periodNamed(o) ? periodWarning(period, plan.plan.year, cli.lang) : null;
    if (warning) cli.stderr(warning);
    const mapping = await mappingOf(o.map);
    const inputs = inputSources([...(o.units !== undefined ? [o.units] : []), ...(o.catalog !== undefined ? [o.catalog] : []), ...files], cli);
    const units = o.units !== undefined ? inputs.shift() : undefined;
    const catalog = o.catalog !== undefined ? inputs.shift() : undefined;
    const result = await withProgress(cli, (onProgress) =>
      scoreInputs({
        plan,
        period,
        defaultPeriod: !periodNamed(o),
        ...asOf,
        inputs,
        byUnit: o.by?.includes('unit') ?? false,
        byDistrict: o.by?.includes('district') ?? false,
        byMonth: o.by?.includes('month') ?? false,
        failing: o.failing ?? false,
        ...(o.top !== undefined ? { top: o.top } : {}),
        allUnits: o.allUnits ?? false,
        ...(units ? { units } : {}),
        ...(catalog ? { catalog } : {}),
        maxProblems: DEFAULT_MAX_PROBLEMS,
        onProgress,
        ...(mapping ? { mapping } : {}),
        ...readerOptions(o, cli),
      }),
    );
    cli.setExitCode(result.summary.fail > 0 && !o.exitZero ? 1 : 0);
    await cli.render(SCORE_FORMATS, o, { score: result, indicators: plan.indicators, fieldName }, { problems: o.problems ? Infinity : 10 });
  },
};
