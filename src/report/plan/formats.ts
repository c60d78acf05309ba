/** `plan`'s output formats (--format): one module each, loaded when chosen. */
import type { PlanListing } from '../../plan/listing.js';
import type { Formats } from '../render.js';

export const PLAN_FORMATS: Formats<PlanListing> = [
  { name: 'table', readme: 'the terminal listing', load: () => import('./table.js') },
  { name: 'json', readme: 'the JSON contract below', raw: true, load: () => import('./json.js') },
  { name: 'md', readme: 'Markdown (a heading per section and item, a table of targets and one of tasks)', load: () => import('./md.js') },
];
