/**
 * `ccch overdue FILE... --as-of DATE [--within N]`: the dossiers and PAKN items open and past
 * due at a day — the options → overdue() → a renderer. Exit 1 when any is overdue (unless
 * --exit-zero), as `tasks` does for tasks.
 */
import { OVERDUE_FORMATS } from '../../report/overdue/formats.js';
import { usageError } from '../../model/errors.js';
import type { CommandDef } from '../command.js';
import { withProgress } from '../context.js';
import { inputSources, planOf, readerOptions } from '../inputs.js';

export const overdue: CommandDef<'overdue'> = {
  name: 'overdue',
  summary: { vi: 'liệt kê hồ sơ, PAKN quá hạn', en: 'list the overdue dossiers and PAKN items' },
  description: {
    vi: 'Liệt kê các hồ sơ và PAKN chưa giải quyết vào cuối ngày --as-of mà đã quá hạn (hoặc sắp đến hạn trong --within ngày), theo đơn vị, quá hạn lâu nhất trước. Thoát 1 khi có hồ sơ quá hạn.',
    en: 'Lists the dossiers and PAKN items still open at the end of the --as-of day and past their due date (or due within --within days), by unit, most overdue first. Exit 1 when any is overdue.',
  },
  files: {
    help: { vi: 'tệp CSV hoặc XLSX (- là đầu vào chuẩn)', en: 'CSV or XLSX files (- reads stdin)' },
    readme: { flags: 'FILE...', meaning: 'dossier and PAKN exports, as for `score` (a later row with the same code supersedes an earlier one)', example: 'ccch overdue ho-so.csv pakn.csv --as-of 2023-06-30' },
  },
  async run(files, o, cli) {
    if (o.asOf === undefined) throw usageError('usage.asOfNeeded');
    const plan = await planOf(o.plan, cli);
    const { overdue: overdueList } = await import('../../pipeline/overdue.js');
    const inputs = inputSources([...(o.units !== undefined ? [o.units] : []), ...files], cli);
    const units = o.units !== undefined ? { units: inputs.shift()! } : {};
    const asOf = o.asOf;
    const result = await withProgress(cli, (onProgress) => overdueList({ plan, asOf, within: o.within ?? null, inputs, ...units, onProgress, ...readerOptions(o, cli) }));
    cli.setExitCode(result.counts.overdue > 0 && !o.exitZero ? 1 : 0);
    await cli.render(OVERDUE_FORMATS, o, { list: result }, {});
  },
};
