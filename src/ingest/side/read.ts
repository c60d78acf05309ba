/**
 * The side files (--units, --catalog) are read before the exports: the units file is a tier
 * source for them. Their reports and problems come first in the pass's output.
 */
import { readUnits } from './units.js';
import { catalogNotComputed, readCatalog } from './catalog.js';
import type { SideProblem } from './sidefile.js';
import type { InputSource } from '../source.js';
import type { InputReport } from '../../model/accounting.js';
import type { CatalogCounts, SideReport, UnitsTable } from '../../model/side.js';

export interface SideFiles {
  units?: UnitsTable;
  catalog?: CatalogCounts;
  reports: InputReport[];
  /** The first `maxProblems` of their problems; problemCount counts them all. */
  problems: SideProblem[];
  problemCount: number;
}

export const NO_SIDE_FILES: SideFiles = { reports: [], problems: [], problemCount: 0 };

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

export async function readSideFiles(files: { units?: InputSource; catalog?: InputSource }, maxProblems: number): Promise<SideFiles> {
  const side: SideProblem[] = [];
  const reports: InputReport[] = [];
  let units: UnitsTable | undefined;
  let catalog: CatalogCounts | undefined;
  if (files.units) {
    units = await readUnits(files.units, side);
    const nc = [...(units.has.eCert ? [] : ['e-certification']), ...(units.has.copies ? [] : ['e-certified-copies-increase'])];
    reports.push(sideReport(units.report, 'units', nc));
  }
  if (files.catalog) {
    catalog = await readCatalog(files.catalog, side);
    reports.push(sideReport(catalog.report, 'catalog', catalogNotComputed(catalog)));
  }
  return { units, catalog, reports, problems: side.slice(0, maxProblems), problemCount: side.length };
}
