/** What `overdue`'s renderers are given. */
import type { OverdueList } from '../../model/listing.js';

export interface OverdueView {
  list: OverdueList;
}
