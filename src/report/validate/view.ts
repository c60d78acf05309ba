/** What `validate`'s renderers are given: the pipeline's Validation, each input marked clean or not. */
import type { Judging, NamedPeriod } from '../../model/period.js';
import type { InputReport, RowCounts } from '../../model/accounting.js';
import type { Problem } from '../../model/problem.js';
import type { FieldName } from '../render.js';

export interface ValidateView {
  period: NamedPeriod;
  /** When open records would be judged, and the data's dates. */
  judging: Judging;
  /** Each input, and whether it is clean: no row rejected and none unmatched. */
  inputs: ReadonlyArray<InputReport & { clean: boolean }>;
  problems: readonly Problem[];
  problemCount: number;
  totals: RowCounts & { files: number };
  /** Every input clean. */
  clean: boolean;
  fieldName: FieldName;
}
