/** What `explain`'s renderers are given. */
import type { Explanation } from '../../model/listing.js';

export interface ExplainView {
  explanation: Explanation;
}
