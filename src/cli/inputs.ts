/**
 * From parsed options to what the core takes: the plan, the input sources (`-` is stdin, once),
 * and the reader options of `score` and `validate`.
 */
import { fileSource, streamSource, type InputSource } from '../ingest/source.js';
import { defaultThreads, splitMinFromEnv } from '../ingest/parallel/workers.js';
import type { IngestInternals, ReaderOptions } from '../ingest/options.js';
import { DEFAULT_PLAN, loadPlan } from '../plan/load.js';
import type { Plan } from '../plan/schema.js';
import { usageError } from '../model/errors.js';
import { isSideKind, type Field } from '../model/kinds.js';
import type { Mapping } from '../model/mapping.js';
import { FIELDS } from '../ingest/contract.js';
import { SIDE_FIELDS } from '../ingest/side/contract.js';
import type { FieldName } from '../report/render.js';
import type { Cli } from './context.js';

/**
 * A field's name in the data contract (an export's or a side file's), for the renderers (report/
 * does not import ingest/): its kind's, else any export kind's (the run's unknown values are
 * listed by field across kinds), else its id.
 */
export const fieldName: FieldName = (kind, field, lang) => {
  if (isSideKind(kind)) return SIDE_FIELDS[kind].find((s) => s.field === field)?.[lang] ?? field;
  const spec = FIELDS[kind].find((s) => s.field === field) ?? Object.values(FIELDS).flat().find((s) => s.field === (field as Field));
  return spec ? spec[lang] : field;
};

/** --map: the mapping file, read and validated (its module is loaded only when one is given). */
export async function mappingOf(file: string | undefined): Promise<Mapping | undefined> {
  if (file === undefined) return undefined;
  const { loadMapping } = await import('../ingest/side/map-file.js');
  return loadMapping(file);
}

/** --plan, or the bundled plan. */
export function planOf(file: string | undefined, cli: Cli): Promise<Plan> {
  return cli.io.loadPlan ? cli.io.loadPlan(file) : loadPlan(file ?? DEFAULT_PLAN, file ?? DEFAULT_PLAN);
}

export function inputSources(files: string[], cli: Cli): InputSource[] {
  if (files.filter((f) => f === '-').length > 1) throw usageError('usage.stdinTwice');
  return files.map((f) => (f === '-' ? streamSource('-', cli.io.stdin) : fileSource(f)));
}

/** The reader options `score` and `validate` share, parsed. */
export interface ReaderValues {
  sheet?: string | undefined;
  delimiter?: string | undefined;
  encoding?: string | undefined;
  dateOrder?: 'dmy' | 'mdy' | undefined;
  threads?: number | undefined;
  unit?: string | undefined;
}

/** The reader options as ingest takes them: --threads defaults to the cores; CCCH_SPLIT_MIN_BYTES (tests, benchmarks) lowers the size from which a file is split. */
export function readerOptions(v: ReaderValues, cli: Cli): ReaderOptions & { threads: number; reportingUnit?: string; internal?: IngestInternals } {
  const splitMin = splitMinFromEnv(cli.io.env);
  return {
    ...(v.unit !== undefined ? { reportingUnit: v.unit } : {}),
    threads: v.threads ?? defaultThreads(),
    ...(splitMin !== undefined ? { internal: { splitMinBytes: splitMin } } : {}),
    ...(v.delimiter !== undefined ? { delimiter: v.delimiter } : {}),
    ...(v.encoding !== undefined ? { encoding: v.encoding } : {}),
    ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
    ...(v.dateOrder !== undefined ? { dateOrder: v.dateOrder } : {}),
  };
}
