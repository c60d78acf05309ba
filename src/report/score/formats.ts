/**
 * `score`'s output formats (--format): one module each, loaded when chosen. Only JSON is raw;
 * html, junit and github, read by people, get the sanitised view as the table.
 */
import type { Formats } from '../render.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';

export const SCORE_FORMATS: Formats<ScoreView, ScoreRenderOptions> = [
  { name: 'table', readme: 'the human table', extensions: ['.txt'], load: () => import('./table.js') },
  { name: 'json', readme: 'the JSON contract below', raw: true, extensions: ['.json'], load: () => import('./json.js') },
  { name: 'md', readme: 'Markdown for an issue tracker or an email (an overview, a table per indicator, the problems by message)', extensions: ['.md', '.markdown'], load: () => import('./md.js') },
  { name: 'csv', readme: 'CSV in long form, one row per result, input and problem (UTF-8 with BOM, CRLF, formula-guarded)', extensions: ['.csv'], load: () => import('./csv.js') },
  {
    name: 'xlsx',
    readme: 'an Excel workbook: summary, by unit, by month, inputs and problems sheets (never written to a terminal)',
    extensions: ['.xlsx'],
    binary: true,
    load: () => import('./xlsx.js'),
  },
  { name: 'html', readme: 'one self-contained page (verdicts, charts, lowest units, data quality) that opens offline and prints on A4', extensions: ['.html', '.htm'], load: () => import('./html.js') },
  { name: 'junit', readme: 'JUnit XML for CI test reports (see [CI](#ci-github-actions-gitlab-ci-jenkins))', extensions: ['.xml'], load: () => import('./junit.js') },
  { name: 'github', readme: 'GitHub Actions annotations (workflow commands)', load: () => import('./github.js') },
];
