/**
 * `ccch validate FILE...`: thin shell over validate(): parse options, pick a renderer, set the
 * exit code (0 clean, 1 rows rejected or unmatched, 2 unreadable or unrecognized input).
 */
import type { Command } from 'commander';
import { validate } from '../../pipeline/validate.js';
import { DEFAULT_MAX_PROBLEMS } from '../../ingest/problems.js';
import { loadPlan, DEFAULT_PLAN } from '../../plan/load.js';
import { parsePeriod } from '../../model/period.js';
import { renderValidationJson, renderValidationTable } from '../../report/validation.js';
import { type Cli, type ReaderFlags, addReaderOptions, inputSources, parseLang, parseFormat, progress, readerOptions } from '../context.js';

const VALIDATE_HELP = `
Mã thoát / exit codes:
  0  mọi tệp đạt (có thể có cảnh báo) / every file clean (warnings allowed)
  1  có dòng bị loại hoặc không khớp hồ sơ / some rows rejected or unmatched
  2  tệp không đọc được, không nhận ra, hoặc lỗi cách dùng / unreadable or unrecognized input, usage error

Ví dụ / example:
  ccch validate ho-so.csv nop-truc-tuyen.csv so-hoa.csv thanh-toan.csv
  ccch validate exports/*.csv --format json | jq .summary`;

interface ValidateFlags extends ReaderFlags {
  plan?: string;
  period?: string;
  format: string;
  lang: string;
}

export function register(program: Command, cli: Cli): void {
  const cmd = program
    .command('validate')
    .summary('kiểm tra tệp xuất theo quy cách, không tính chỉ tiêu / check exports against their contracts without scoring')
    .description(
      'Kiểm tra tệp xuất của hệ thống một cửa: loại tệp, cột nhận ra và còn thiếu, số dòng đọc/được tính/bị loại/bị thay thế/không khớp, lỗi theo tệp:dòng:cột.\n' +
        "Checks one-stop-system exports: the kind detected, the columns matched and missing, rows read/counted/rejected/superseded/unmatched, and the problems by file:line:column.",
    )
    .addHelpText('after', VALIDATE_HELP)
    .argument('<files...>', 'tệp CSV (- là đầu vào chuẩn) / CSV files (- reads stdin)')
    .option('--period <period>', 'kỳ để kiểm tra kỳ báo cáo của báo cáo tổng hợp (mặc định: năm của kế hoạch) / period that summary reports must cover (default: the plan year)')
    .option('--plan <file>', 'tệp kế hoạch YAML / plan YAML')
    .option('--format <format>', 'table | json', 'table')
    .option('--lang <lang>', 'vi | en', 'vi');
  addReaderOptions(cmd).action(async (files: string[], flags: ValidateFlags) => {
      const lang = parseLang(flags.lang);
      cli.lang = lang;
      const format = parseFormat(flags.format, ['table', 'json']);
      const plan = await loadPlan(flags.plan ?? DEFAULT_PLAN, flags.plan ?? DEFAULT_PLAN);
      const period = parsePeriod(flags.period ?? String(plan.plan.year));
      const prog = progress(cli);
      let result;
      try {
        const all = inputSources([...(flags.units !== undefined ? [flags.units] : []), ...files], cli);
        const units = flags.units !== undefined ? all.shift() : undefined;
        result = await validate({
          plan,
          period,
          inputs: all,
          ...(units ? { units } : {}),
          ...readerOptions(flags),
          maxProblems: DEFAULT_MAX_PROBLEMS,
          onProgress: prog.update,
        });
      } finally {
        prog.done();
      }
      cli.exitCode = result.clean ? 0 : 1; // before the output: a reader that goes away early (| head) still gets it
      if (format === 'json') await cli.stdoutChunks(renderValidationJson(result, lang, cli.version));
      else cli.stdout(renderValidationTable(result, lang, cli.chalk));
    });
}
