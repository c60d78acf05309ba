/** What `score`'s renderers are given: the score, the plan's indicators (their names), and the options that shape the output. */
import type { Plan } from '../../plan/schema.js';
import type { Score } from '../../model/result.js';
import type { FieldName } from '../render.js';

export interface ScoreView {
  score: Score;
  indicators: Plan['indicators'];
  fieldName: FieldName;
}

export interface ScoreRenderOptions {
  /** How many problems the table lists (Infinity with --problems). */
  problems: number;
}
