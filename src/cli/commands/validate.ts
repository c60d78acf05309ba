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
import { fieldName, inputSources, mappingOf, planOf, readerOptions } from '../inputs.js';
import { periodNamed, periodWarning, resolvePeriod, today } from '../period.js';
import { checkAsOf } from '../../model/period.js';

export const validate: CommandDef<'validate'> = {
  name: 'validate',
  summary: { vi: 'kiểm tra tệp xuất theo quy cách, không tính chỉ tiêu', en: 'check exports against their contracts without scoring' },
  description: {
    vi: 'Kiểm tra tệp xuất của hệ thống một cửa và các tệp đơn vị, danh mục TTHC, trạng thái nhiệm vụ: loại tệp, cột nhận ra và còn thiếu, số dòng đọc/được tính/bị loại/bị thay thế/không khớp, lỗi theo tệp:dòng:cột; cảnh báo khi danh sách hồ sơ, PAKN không phủ hết kỳ. Tệp không đọc được vẫn được báo cáo, các tệp khác vẫn được kiểm tra.',
    en: 'Checks one-stop-system exports and the units, catalog and task status files: the kind detected, the columns matched and missing, rows read/counted/rejected/superseded/unmatched, and the problems by file:line:column; a warning when a dossier or PAKN list does not cover the period. A file that cannot be read is reported; the others are still checked.',
  },
  files: {
    help: { vi: 'tệp CSV hoặc XLSX (- là đầu vào chuẩn)', en: 'CSV or XLSX files (- reads stdin)' },
    readme: {
      flags: 'FILE...',
      meaning: 'exports of any kind, in any order, and side files (units, catalog, task status), recognised by their headers; `-` reads standard input',
      example: 'ccch validate ho-so.csv so-hoa.csv don-vi.csv',
    },
  },
  async run(files, o, cli) {
    const plan = await planOf(o.plan, cli);
    const period = resolvePeriod(o, plan.plan.year);
    const asOf = o.asOf !== undefined ? { asOf: checkAsOf(o.asOf, period) } : {};
    const warning = periodNamed(o) ? periodWarning(period, plan.plan.year, cli.lang) : null;
    if (warning) cli.stderr(warning);
    const mapping = await mappingOf(o.map);
    const result = await withProgress(cli, (onProgress) => {
      // The side files given by their options, then the files (`-` at most once among them all).
      const given = ([['units', o.units], ['catalog', o.catalog], ['status', o.status]] as const).filter((g): g is readonly [(typeof g)[0], string] => g[1] !== undefined);
      const inputs = inputSources([...given.map((g) => g[1]), ...files], cli);
      const side = Object.fromEntries(given.map((g) => [g[0], inputs.shift()!]));
      return validateInputs({
        plan,
        period,
        defaultPeriod: !periodNamed(o),
        ...asOf,
        inputs,
        ...side,
        // A status file's completion dates may not pass --as-of, or today (as for `ccch tasks`).
        statusAsOf: o.asOf ?? today(),
        // A month still running is not expected to be complete (evaluate/coverage.ts).
        today: today(),
        ...readerOptions(o, cli),
        maxProblems: DEFAULT_MAX_PROBLEMS,
        maxWarnings: o.maxWarnings ?? null,
        onProgress,
        ...(mapping ? { mapping } : {}),
      });
    });
    cli.setExitCode(VERDICT_EXIT[result.verdict]);
    await cli.render(VALIDATE_FORMATS, o, { ...result, fieldName }, {});
  },
};

const VERDICT_EXIT: Record<Verdict, number> = { unreadable: EXIT.ERROR, errors: EXIT.FAILED, warnings: EXIT.FAILED, clean: EXIT.OK };
