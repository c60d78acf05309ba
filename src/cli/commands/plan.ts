/**
 * `ccch plan`: lists the plan — sections, items, targets (and what computes them), tasks with
 * lead and deadline — with filters. Thin: options → listPlan() → a renderer.
 */
import type { Command } from 'commander';
import { loadPlan, DEFAULT_PLAN } from '../../plan/load.js';
import { type Cli, parseFormat, parseLang } from '../context.js';

interface PlanFlags {
  plan?: string;
  section?: string;
  lead?: string;
  computable?: boolean;
  format: string;
  lang: string;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('plan')
    .summary('liệt kê kế hoạch: mục, chỉ tiêu, nhiệm vụ / list the plan: sections, targets, tasks')
    .description(
      'Liệt kê các mục, nội dung, chỉ tiêu (và chỉ tiêu nào tính được từ dữ liệu, bằng chỉ số nào) và nhiệm vụ (cơ quan chủ trì, thời hạn) của kế hoạch.\n' +
        "Lists the plan's sections, items, targets (marking those computable from data, and by what) and tasks (lead agency, deadline).",
    )
    .option('--plan <file>', 'tệp kế hoạch YAML / plan YAML')
    .option('--section <id>', 'chỉ mục này: II, II.3, II.3.4 hoặc body / only this section, group or item, or body')
    .option('--lead <agency>', 'chỉ nhiệm vụ do cơ quan này chủ trì / only tasks led by this agency (e.g. "Sở Nội vụ")')
    .option('--computable', 'chỉ chỉ tiêu tính được / only targets ccch can compute')
    .option('--format <format>', 'table | json | md', 'table')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (flags: PlanFlags) => {
      const lang = parseLang(flags.lang);
      cli.lang = lang;
      const format = parseFormat(flags.format, ['table', 'json', 'md']);
      const plan = await loadPlan(flags.plan ?? DEFAULT_PLAN, flags.plan ?? DEFAULT_PLAN);
      // Loaded here, not at start-up: other commands need none of it.
      const { listPlan } = await import('../../plan/listing.js');
      const { renderPlanJson, renderPlanMd, renderPlanTable } = await import('../../report/plan.js');
      const listing = listPlan(plan, { section: flags.section, lead: flags.lead, computable: flags.computable });
      cli.stdout(
        format === 'json' ? renderPlanJson(listing, cli.version) : format === 'md' ? renderPlanMd(listing, lang) : renderPlanTable(listing, lang, cli.chalk),
      );
      cli.exitCode = 0;
    });
}
