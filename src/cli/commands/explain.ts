/**
 * `ccch explain INDICATOR FILE...`: the rows behind one result of `score` — the options →
 * explain() → a renderer. Exit 0 once listed (the verdict is `score`'s).
 */
import { EXPLAIN_FORMATS } from '../../report/explain/formats.js';
import type { CommandDef } from '../command.js';
import { withProgress } from '../context.js';
import { inputSources, planOf, readerOptions } from '../inputs.js';
import { periodNamed, resolvePeriod } from '../period.js';
import { checkAsOf } from '../../model/period.js';

export const explain: CommandDef<'explain'> = {
  name: 'explain',
  summary: { vi: 'liệt kê các dòng tạo nên một kết quả', en: 'list the rows behind one result' },
  description: {
    vi: 'Liệt kê các hồ sơ, PAKN tạo nên tử số và mẫu số của một chỉ tiêu cho một cấp, một đơn vị hoặc toàn tỉnh, như score đã tính (kể cả hồ sơ bị thay thế, tệp ghép, dòng bị loại).',
    en: "Lists the dossiers or PAKN items behind one indicator's numerator and denominator for a tier, a unit or the province, exactly as score counted them (superseding, joins and exclusions included).",
  },
  argument: {
    // Short: a longer command term leaves commander's help too narrow a column to wrap the summaries in.
    name: 'id',
    help: { vi: 'mã chỉ tiêu, ví dụ on-time-rate', en: 'the indicator id, e.g. on-time-rate' },
    readme: { flags: 'INDICATOR', meaning: "the indicator's id in the plan (`ccch plan` lists them; see [Indicators](#indicators))", example: 'ccch explain on-time-rate ho-so.csv' },
  },
  files: {
    help: { vi: 'tệp CSV hoặc XLSX (- là đầu vào chuẩn)', en: 'CSV or XLSX files (- reads stdin)' },
    readme: { flags: 'FILE...', meaning: 'the exports, as given to `score` (the same files in the same order give the same rows)', example: 'ccch explain online-rate ho-so.csv nop-truc-tuyen.csv' },
  },
  async run(files, o, cli, indicator) {
    const plan = await planOf(o.plan, cli);
    const period = resolvePeriod(o, plan.plan.year);
    const asOf = o.asOf !== undefined ? { asOf: checkAsOf(o.asOf, period) } : {};
    const { explain: explainRows } = await import('../../pipeline/explain.js');
    const inputs = inputSources([...(o.units !== undefined ? [o.units] : []), ...files], cli);
    const units = o.units !== undefined ? { units: inputs.shift()! } : {};
    const result = await withProgress(cli, (onProgress) =>
      explainRows({
        plan,
        period,
        defaultPeriod: !periodNamed(o),
        ...asOf,
        inputs,
        ...units,
        indicator: indicator!,
        scope: { tier: o.tier, unit: o.unit },
        which: o.which,
        onProgress,
        // --unit names the unit explained here, not a summary report's reporting unit.
        ...readerOptions({ ...o, unit: undefined }, cli),
      }),
    );
    cli.setExitCode(0);
    await cli.render(EXPLAIN_FORMATS, o, { explanation: result }, {});
  },
};
