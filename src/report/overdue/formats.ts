/** `overdue`'s output formats (--format): one module each, loaded when chosen. */
import type { Formats } from '../render.js';
import type { OverdueView } from './view.js';

export const OVERDUE_FORMATS: Formats<OverdueView> = [
  { name: 'table', readme: 'the counts by unit, then every item, most overdue first', extensions: ['.txt'], load: () => import('./table.js') },
  { name: 'csv', readme: 'one line per item (the columns of the JSON rows), most overdue first', raw: true, extensions: ['.csv'], load: () => import('./csv.js') }, // raw: csvCell escapes each cell
  { name: 'json', readme: 'the JSON contract below', raw: true, extensions: ['.json'], load: () => import('./json.js') },
];
