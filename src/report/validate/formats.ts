/** `validate`'s output formats (--format): one module each, loaded when chosen. */
import type { Formats } from '../render.js';
import type { ValidateView } from './view.js';

export const VALIDATE_FORMATS: Formats<ValidateView> = [
  { name: 'table', readme: 'the human report', load: () => import('./table.js') },
  { name: 'json', readme: 'JSON for CI (below)', raw: true, load: () => import('./json.js') },
];
