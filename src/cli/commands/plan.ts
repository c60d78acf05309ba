/**
 * `ccch plan`: lists the plan — sections, items, targets (and what computes them), tasks with
 * lead and deadline — with filters: the options → listPlan() → a renderer.
 */
import { PLAN_FORMATS } from '../../report/plan/formats.js';
import type { CommandDef } from '../command.js';
import { planOf } from '../inputs.js';

export const plan: CommandDef<'plan'> = {
  name: 'plan',
  summary: { vi: 'liệt kê kế hoạch: mục, chỉ tiêu, nhiệm vụ', en: 'list the plan: sections, targets, tasks' },
  description: {
    vi: 'Liệt kê các mục, nội dung, chỉ tiêu (và chỉ tiêu nào tính được từ dữ liệu, bằng chỉ số nào) và nhiệm vụ (cơ quan chủ trì, thời hạn) của kế hoạch.',
    en: "Lists the plan's sections, items, targets (marking those computable from data, and by what) and tasks (lead agency, deadline).",
  },
  async run(_files, o, cli) {
    const loaded = await planOf(o.plan, cli);
    // Loaded here, not at start-up: other commands need none of it.
    const { listPlan } = await import('../../plan/listing.js');
    const listing = listPlan(loaded, { section: o.section, lead: o.lead, computable: o.computable }, o.lang);
    cli.setExitCode(0);
    await cli.render(PLAN_FORMATS, o, listing, {});
  },
};
