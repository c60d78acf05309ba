/**
 * Errors that stop a run with exit code 2: bad usage, unreadable or unrecognized input, an
 * invalid plan. Each carries a code, its parameters and where it happened; its texts, in both
 * languages, are in i18n/errors.ts (a Record over ErrorCode: every code has its text). The CLI
 * prints it as one line: `ccch: FILE:LINE:COLUMN: message`.
 */

export type ErrorKind = 'usage' | 'input' | 'plan';

export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

/** Every error's code; i18n/errors.ts holds the text of each. */
export const ERROR_CODES = [
  // Usage: options and their values.
  'usage.period',
  'usage.date',
  'usage.toBeforeFrom',
  'usage.leadAmbiguous',
  'usage.leadUnknown',
  'usage.section',
  'usage.lang',
  'usage.format',
  'usage.stdinTwice',
  'usage.delimiter',
  'usage.encoding',
  'usage.dateOrder',
  'usage.threads',
  'usage.maxWarnings',
  'usage.group',
  'usage.by',
  'usage.byDistrictNeedsUnits',
  'usage.byUnitAndDistrict',
  'usage.top',
  'usage.periodWithDates',
  'usage.unit',
  'usage.indicator',
  'usage.tier',
  'usage.which',
  'usage.within',
  'usage.unitNotFound',
  'usage.unitAmbiguous',
  'usage.asOfNeeded',
  'usage.outputFormat',
  'usage.binaryToTerminal',
  'usage.output',
  // Usage: the command line itself (commander's errors).
  'usage.unknownOption',
  'usage.unknownCommand',
  'usage.missingArgument',
  'usage.optionValueMissing',
  'usage.excessArguments',
  'usage.commandLine',
  'usage.asOf',
  'usage.asOfBeforePeriod',
  // The plan file.
  'plan.yaml',
  'plan.yamlRefused',
  'plan.schema',
  'plan.directory',
  'plan.tooLarge',
  'plan.tooComplex',
  'plan.notFound',
  'plan.unreadable',
  // Opening and reading an input.
  'input.notFound',
  'input.directory',
  'input.permission',
  'input.unreadable',
  'input.empty',
  'input.noHeader',
  'input.utf16',
  'input.utf16NoBom',
  'input.binary',
  'input.encoding',
  'input.invalidUtf8',
  'input.windows1258',
  'input.tcvn3',
  'input.vni',
  'input.unclosedQuote',
  'input.recordTooLong',
  'input.tooManyFields',
  'input.xls',
  'input.encrypted',
  'input.ole',
  'input.xlsxDamaged',
  'input.xlsxNoWorkbook',
  'input.xlsxNoSheet',
  'input.xlsxPartTooLarge',
  'input.xlsxBomb',
  'input.xlsxTooMany',
  'input.xlsxXmlLimit',
  'input.xlsxColumn',
  'input.xlsxCellTooLong',
  'input.xlsxRowTooLong',
  'input.spoolTooLarge',
  'input.tooLarge',
  'input.headerTooFar',
  // What an input holds.
  'input.ambiguousKind',
  'input.unknownKind',
  'input.missingRequired',
  'input.unitsNameOrCode',
  'input.statusOrCompleted',
  'input.doubleCounted',
  'input.tooManyUnits',
  'input.sideFileAsExport',
  'input.monthFirst',
  'input.otherPeriod',
  'input.noReportingUnit',
  'input.summaryTooLong',
  'input.noDataInPeriod',
  'input.explainSummary',
  // The mapping file (--map).
  'map.yaml',
  'map.schema',
  'map.tooLarge',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class CcchError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly where: Where = {},
  ) {
    super(code);
    this.name = 'CcchError';
  }

  /** The same error at another place (a worker's line numbers shifted to the file's). */
  at(where: Where): CcchError {
    return new CcchError(this.kind, this.code, this.params, where);
  }
}

export const usageError = (code: ErrorCode, params: ErrorParams = {}) => new CcchError('usage', code, params);
export const inputError = (where: Where, code: ErrorCode, params: ErrorParams = {}) => new CcchError('input', code, params, where);
export const planError = (where: Where, code: ErrorCode, params: ErrorParams = {}) => new CcchError('plan', code, params, where);

/** What crosses a thread boundary for an error: a CcchError's data, or a message (never a stack). */
export type ErrorData = { kind: ErrorKind; code: ErrorCode; params: ErrorParams; where: Where } | { message: string };

export function errorData(e: unknown): ErrorData {
  if (e instanceof CcchError) return { kind: e.kind, code: e.code, params: e.params, where: e.where };
  return { message: e instanceof Error ? e.message : String(e) };
}

export function reviveError(d: ErrorData): Error {
  return 'code' in d ? new CcchError(d.kind, d.code, d.params, d.where) : new Error(d.message);
}
