/** `explain`'s output formats (--format): one module each, loaded when chosen. */
import type { Formats } from '../render.js';
import type { ExplainView } from './view.js';

export const EXPLAIN_FORMATS: Formats<ExplainView> = [
  { name: 'table', readme: 'the result, then one line per row', extensions: ['.txt'], load: () => import('./table.js') },
  { name: 'csv', readme: 'one line per row (the columns of the JSON rows), for a spreadsheet', raw: true, extensions: ['.csv'], load: () => import('./csv.js') }, // raw: csvCell escapes each cell
  { name: 'json', readme: 'the JSON contract below', raw: true, extensions: ['.json'], load: () => import('./json.js') },
];
