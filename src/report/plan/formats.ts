/** `plan`'s output formats (--format): one module each, loaded when chosen. */
import type { PlanListing } from '../../plan/listing.js';
import type { Formats } from '../render.js';

export const PLAN_FORMATS: Formats<PlanListing> = [
  { name: 'table', readme: 'the terminal listing', extensions: ['.txt'], load: () => import('./table.js') },
  { name: 'json', readme: 'the JSON contract below', raw: true, extensions: ['.json'], load: () => import('./json.js') },
  { name: 'md', readme: 'Markdown (a heading per section and item, a table of targets and one of tasks)', extensions: ['.md', '.markdown'], load: () => import('./md.js') },
];
