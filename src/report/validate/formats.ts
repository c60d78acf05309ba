/**
 * `validate`'s output formats (--format): one module each, loaded when chosen. Only JSON is raw;
 * junit and github, read by people on a CI server's pages, get the sanitised view as the table.
 */
import type { Formats } from '../render.js';
import type { ValidateView } from './view.js';

export const VALIDATE_FORMATS: Formats<ValidateView> = [
  { name: 'table', readme: 'the human report', extensions: ['.txt'], load: () => import('./table.js') },
  { name: 'json', readme: 'JSON for CI (below)', raw: true, extensions: ['.json'], load: () => import('./json.js') },
  { name: 'junit', readme: 'JUnit XML for CI test reports (see [CI](#ci-github-actions-gitlab-ci-jenkins))', extensions: ['.xml'], load: () => import('./junit.js') },
  { name: 'github', readme: 'GitHub Actions annotations (workflow commands)', load: () => import('./github.js') },
];
