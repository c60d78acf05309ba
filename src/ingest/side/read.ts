/**
 * The side files (--units, --catalog) are read before the exports: the units file is a tier
 * source for them. Their reports and problems come first in the pass's output. With keepGoing
 * (validate), a side file that cannot be read is refused on its own and the pass goes on as if it
 * had not been given (ingest/refusals.ts).
 */
import { readUnits } from './units.js';
import { catalogNotComputed, readCatalog } from './catalog.js';
import type { SideProblem } from './sidefile.js';
import type { InputSource } from '../source.js';
import { Refusals } from '../refusals.js';
import { emptyReport, type InputReport } from '../../model/accounting.js';
import type { CcchError } from '../../model/errors.js';
import type { CatalogCounts, SideReport, UnitsTable } from '../../model/side.js';

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

const sideReport = (r: SideReport<string>, dataset: 'catalog' | 'units', notComputed: string[]): InputReport => ({
  ...r,
  dataset,
  notComputed,
  ignoredColumns: [],
  joined: null,
  summaryPeriod: null,
  summary: null,
  dataFrom: null,
  dataTo: null,
  inPeriod: null,
});

export async function readSideFiles(files: { units?: InputSource; catalog?: InputSource }, maxProblems: number, refusals = new Refusals(false)): Promise<SideFiles> {
  const side: SideProblem[] = [];
  const reports: InputReport[] = [];
  const refused: Array<CcchError | null> = [];
  let units: UnitsTable | undefined;
  let catalog: CatalogCounts | undefined;
  /** Reads one side file; refused (keepGoing): its problems found before the fault are dropped with it. */
  const take = async <T>(source: InputSource, dataset: 'catalog' | 'units', read: (problems: SideProblem[]) => Promise<T>, report: (t: T) => InputReport) => {
    const own: SideProblem[] = [];
    try {
      const t = await read(own);
      side.push(...own);
      reports.push(report(t));
      refused.push(null);
      return t;
    } catch (e) {
      const error = refusals.fault(e);
      refusals.side.set(dataset, { error, kind: dataset });
      reports.push(emptyReport(source.name, dataset));
      refused.push(error);
      return undefined;
    }
  };
  if (files.units) {
    units = await take(files.units, 'units', (p) => readUnits(files.units!, p), (u) => {
      const nc = [...(u.has.eCert ? [] : ['e-certification']), ...(u.has.copies ? [] : ['e-certified-copies-increase'])];
      return sideReport(u.report, 'units', nc);
    });
  }
  if (files.catalog) {
    catalog = await take(files.catalog, 'catalog', (p) => readCatalog(files.catalog!, p), (c) => sideReport(c.report, 'catalog', catalogNotComputed(c)));
  }
  return { units, catalog, reports, refused, problems: side.slice(0, maxProblems), problemCount: side.length };
}
