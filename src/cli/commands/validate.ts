/**
 * `ccch validate FILE...`: the options → validate() → a renderer. The exit code is the verdict's:
 * 0 clean, 1 rows rejected or unmatched (or more warnings than --max-warnings), 2 an input
 * unreadable — the whole report is written in every case.
 */
import { validate as validateInputs } from '../../pipeline/validate.js';
import type { Verdict } from '../../model/validation.js';
import { DEFAULT_MAX_PROBLEMS } from '../../ingest/problems.js';
import { VALIDATE_FORMATS } from '../../report/validate/formats.js';
import type { CommandDef } from '../command.js';
import { withProgress } from '../context.js';
import { EXIT } from '../help.js';
import { fieldName, inputSources, planOf, readerOptions } from '../inputs.js';
import { periodNamed, resolvePeriod } from '../period.js';
import { checkAsOf } from '../../model/period.js';

export const validate: CommandDef<'validate'> = {
  name: 'validate',
  summary: { vi: 'kiểm tra tệp xuất theo quy cách, không tính chỉ tiêu', en: 'check exports against their contracts without scoring' },
  description: {
    vi: 'Kiểm tra tệp xuất của hệ thống một cửa: loại tệp, cột nhận ra và còn thiếu, số dòng đọc/được tính/bị loại/bị thay thế/không khớp, lỗi theo tệp:dòng:cột.',
    en: 'Checks one-stop-system exports: the kind detected, the columns matched and missing, rows read/counted/rejected/superseded/unmatched, and the problems by file:line:column.',
  },
  files: {
    help: { vi: 'tệp CSV (- là đầu vào chuẩn)', en: 'CSV files (- reads stdin)' },
    readme: { flags: 'FILE...', meaning: 'exports of any kind, in any order; `-` reads standard input', example: 'ccch validate ho-so.csv so-hoa.csv' },
  },
  async run(files, o, cli) {
    const plan = await planOf(o.plan, cli);
    const period = resolvePeriod(o, plan.plan.year);
    const asOf = o.asOf !== undefined ? { asOf: checkAsOf(o.asOf, period) } : {};
    const result = await withProgress(cli, (onProgress) => {
      const inputs = inputSources([...(o.units !== undefined ? [o.units] : []), ...files], cli);
      const units = o.units !== undefined ? inputs.shift() : undefined;
      return validateInputs({ plan, period, defaultPeriod: !periodNamed(o), ...asOf, inputs, ...(units ? { units } : {}), ...readerOptions(o, cli), maxProblems: DEFAULT_MAX_PROBLEMS, maxWarnings: o.maxWarnings ?? null, onProgress });
    });
    cli.setExitCode(VERDICT_EXIT[result.verdict]);
    await cli.render(VALIDATE_FORMATS, o.format, { ...result, fieldName }, {});
  },
};

const VERDICT_EXIT: Record<Verdict, number> = { unreadable: EXIT.ERROR, errors: EXIT.FAILED, warnings: EXIT.FAILED, clean: EXIT.OK };
