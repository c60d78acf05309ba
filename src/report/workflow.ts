/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), one per
 * line, as the runner reads them from a step's output: GitHub shows them as annotations on the
 * run and, for a file of the repository, on its line. Escaping as the runner's: in the message
 * % CR LF become %25 %0D %0A; in a property value also : and , (%3A %2C). The github formats
 * are for people (annotations on a pull request), so their renderers are given the view through
 * the sanitiser (report/render.ts, util/safe-text.ts): the data's control and bidi characters
 * arrive shown escaped (`\x1b`). Any other control character (an escape sequence would restyle
 * the log) becomes U+FFFD here, whoever calls.
 */

export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: Level;
  message: string;
  file?: string;
  line?: number | null;
  col?: number | null;
  title?: string;
}

// eslint-disable-next-line no-control-regex -- control characters but tab, CR and LF (escaped)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A message (the data after `::`). */
export function escapeData(s: string): string {
  return s.replace(CONTROL, '\uFFFD').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file, title…). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line, with its newline. */
export function annotation(a: Annotation): string {
  const props: string[] = [];
  if (a.file !== undefined) props.push(`file=${escapeProperty(a.file)}`);
  if (a.file !== undefined && a.line != null) props.push(`line=${a.line}`);
  if (a.file !== undefined && a.line != null && a.col != null) props.push(`col=${a.col}`);
  if (a.title !== undefined) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(a.message)}\n`;
}
