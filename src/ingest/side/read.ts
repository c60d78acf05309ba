/**
 * The side files, one entry each in SIDE_SPECS: the units file (a tier source for the exports, and
 * the units measures), the procedures catalog (the catalog measures), the task status file (`ccch
 * tasks`; `validate` checks it). Each is given by its option (--units, --catalog, --status) and
 * read before the exports, its report and problems first in the pass's output; `validate` also
 * recognises one among its FILEs by its header (recogniseSide) and reads it in its place, before
 * the exports. With keepGoing (validate), a side file that cannot be read is refused on its own and
 * the pass goes on as if it had not been given (ingest/refusals.ts).
 *
 * `--map` (issue 12: a YAML mapping of headers, values and units) is to be one more entry: given
 * by its option only (it has no header row to be recognised by), read by a YAML reader whose
 * problems carry the line of the YAML path they are about, with the same report (rows: its
 * entries; rejected: the entries refused) and problem lines as the others.
 */
import { readUnits } from './units.js';
import { catalogNotComputed, readCatalog } from './catalog.js';
import { readStatus } from './status.js';
import { SIDE_FIELDS } from './contract.js';
import type { SideProblem } from './sidefile.js';
import type { InputSource } from '../source.js';
import { matchFields, type FieldColumns } from '../headers.js';
import { Refusals } from '../refusals.js';
import { emptyReport, type InputReport } from '../../model/accounting.js';
import type { CcchError } from '../../model/errors.js';
import type { SideKind } from '../../model/kinds.js';
import type { CatalogCounts, SideReport, UnitsTable } from '../../model/side.js';
import type { DayNumber } from '../../util/dates.js';

/** What reading the task status file needs: the plan's task ids and the day completion dates may not pass. */
export interface SideContext {
  taskIds: readonly string[];
  asOf: DayNumber;
}

/** A side file read: its report, and what the pass uses of it. */
export interface SideRead {
  report: InputReport;
  units?: UnitsTable;
  catalog?: CatalogCounts;
}

interface SideSpec {
  /** The option that gives it. */
  option: string;
  /** Whether a header row is this kind's (its key column and one of its own others); none: known by its option only. */
  recognise?: (map: FieldColumns<string>) => boolean;
  read(source: InputSource, problems: SideProblem[], ctx: SideContext): Promise<SideRead>;
}

/** A side file's report: its accounting and columns, the members an export's report has but a side file never fills at their empty values. */
const sideReport = (r: SideReport<string>, dataset: SideKind, notComputed: string[]): InputReport => ({ ...emptyReport(r.file, dataset), ...r, dataset, notComputed });

const has = (map: FieldColumns<string>, ...fields: string[]) => fields.some((f) => map.columns[f] !== undefined);

export const SIDE_SPECS: Record<SideKind, SideSpec> = {
  units: {
    option: '--units',
    recognise: (m) => has(m, 'name', 'code') && has(m, 'district', 'eCert', 'copies', 'copiesLastYear'),
    async read(source, problems) {
      const units = await readUnits(source, problems);
      const nc = [...(units.has.eCert ? [] : ['e-certification']), ...(units.has.copies ? [] : ['e-certified-copies-increase'])];
      return { report: sideReport(units.report, 'units', nc), units };
    },
  },
  catalog: {
    option: '--catalog',
    recognise: (m) => m.missingRequired.length === 0 && has(m, 'eligible', 'offered', 'sample', 'fee', 'onlinePayment', 'published', 'simplified'),
    async read(source, problems) {
      const catalog = await readCatalog(source, problems);
      return { report: sideReport(catalog.report, 'catalog', catalogNotComputed(catalog)), catalog };
    },
  },
  'task-status': {
    option: '--status',
    recognise: (m) => m.missingRequired.length === 0 && has(m, 'status', 'completed'),
    async read(source, problems, ctx) {
      const status = await readStatus(source, ctx.taskIds, ctx.asOf, problems);
      return { report: sideReport(status.report, 'task-status', []) };
    },
  },
};

/** The side kind a header row (of no export kind) belongs to, or null. */
export function recogniseSide(header: string[]): SideKind | null {
  for (const [kind, spec] of Object.entries(SIDE_SPECS) as Array<[SideKind, SideSpec]>) {
    if (spec.recognise?.(matchFields(SIDE_FIELDS[kind], header))) return kind;
  }
  return null;
}

/**
 * Reads a side file into its report, its problems into `problems`; refused (keepGoing): an empty
 * report, the problems found before the fault dropped with it, and the error. Thrown otherwise.
 */
export async function readSide(kind: SideKind, source: InputSource, problems: SideProblem[], ctx: SideContext, refusals: Refusals): Promise<SideRead & { error: CcchError | null }> {
  const own: SideProblem[] = [];
  try {
    const r = await SIDE_SPECS[kind].read(source, own, ctx);
    problems.push(...own);
    return { ...r, error: null };
  } catch (e) {
    return { report: emptyReport(source.name, kind), error: refusals.fault(e) };
  }
}

export interface SideFiles {
  units?: UnitsTable;
  catalog?: CatalogCounts;
  reports: InputReport[];
  /** Per report: the error that refused the file, else null. */
  refused: Array<CcchError | null>;
  /** The first `maxProblems` of their problems; problemCount counts them all. */
  problems: SideProblem[];
  problemCount: number;
}

export const NO_SIDE_FILES: SideFiles = { reports: [], refused: [], problems: [], problemCount: 0 };

/** The task status file read without a plan's tasks (no pass reads one without them: validate gives its plan's). */
export const NO_TASKS: SideContext = { taskIds: [], asOf: Infinity };

/** The side files given by their options, in the order units, catalog, task status. */
export async function readSideFiles(
  files: { units?: InputSource; catalog?: InputSource; status?: InputSource },
  maxProblems: number,
  refusals = new Refusals(false),
  ctx: SideContext = NO_TASKS,
): Promise<SideFiles> {
  const side: SideProblem[] = [];
  const out: SideFiles = { reports: [], refused: [], problems: [], problemCount: 0 };
  for (const [kind, source] of [
    ['units', files.units],
    ['catalog', files.catalog],
    ['task-status', files.status],
  ] as Array<[SideKind, InputSource | undefined]>) {
    if (!source) continue;
    const r = await readSide(kind, source, side, ctx, refusals);
    if (r.error) refusals.side.set(kind, { error: r.error, kind });
    out.reports.push(r.report);
    out.refused.push(r.error);
    if (r.units) out.units = r.units;
    if (r.catalog) out.catalog = r.catalog;
  }
  return { ...out, problems: side.slice(0, maxProblems), problemCount: side.length };
}
