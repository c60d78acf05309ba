/** What `validate`'s renderers are given: the pipeline's Validation (model/validation.ts), and the contract's column names. */
import type { Validation } from '../../model/validation.js';
import type { FieldName } from '../render.js';

export interface ValidateView extends Validation {
  fieldName: FieldName;
}
