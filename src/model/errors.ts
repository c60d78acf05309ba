/**
 * Errors that stop a run with exit code 2: bad usage, unreadable or unrecognized input, an
 * invalid plan. Each carries its message in both languages and where it happened; the CLI
 * prints it as one line: `ccch: FILE:LINE:COLUMN: message`.
 */
import type { Lang } from './lang.js';

export type ErrorKind = 'usage' | 'input' | 'plan';

export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

export class CcchError extends Error {
  /** What kind of input error, where a caller needs to tell (the CSV reader's error code, e.g. "unclosedQuote"). */
  reason?: string;
  constructor(
    readonly kind: ErrorKind,
    readonly text: { vi: string; en: string },
    readonly where: Where = {},
  ) {
    super(text.en);
    this.name = 'CcchError';
  }

  /** One line, in the given language, with the place first (compiler style). */
  format(lang: Lang): string {
    const { file, line, column } = this.where;
    let place = '';
    if (file !== undefined) {
      place = file;
      if (line !== undefined) place += `:${line}`;
      if (line !== undefined && column !== undefined) place += `:${column}`;
      place += ': ';
    }
    return `${place}${this.text[lang]}`.replace(/\s*\n\s*/g, ' ');
  }
}

export const usageError = (vi: string, en: string) => new CcchError('usage', { vi, en });
export const inputError = (where: Where, vi: string, en: string) => new CcchError('input', { vi, en }, where);
export const planError = (where: Where, vi: string, en: string) => new CcchError('plan', { vi, en }, where);
