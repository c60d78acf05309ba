/** `tasks`' output formats (--format): one module each, loaded when chosen. */
import type { Formats } from '../render.js';
import type { TasksRenderOptions, TasksView } from './view.js';

export const TASKS_FORMATS: Formats<TasksView, TasksRenderOptions> = [
  { name: 'table', readme: 'the listing', extensions: ['.txt'], load: () => import('./table.js') },
  { name: 'json', readme: 'the JSON contract below', raw: true, extensions: ['.json'], load: () => import('./json.js') },
  { name: 'md', readme: 'Markdown: a heading and a table of tasks per group, the problems by message', extensions: ['.md', '.markdown'], load: () => import('./md.js') },
  { name: 'csv', readme: 'CSV in long form, one row per task (each once), the status file and its problems (as for `score`)', extensions: ['.csv'], load: () => import('./csv.js') },
];
