/** Types of scripts/readme-options.mjs, for test/readme.test.ts. */
export interface ReadmeModel {
  optionsFor(command: string): Array<[string, unknown]>;
  COMMAND_NAMES: readonly string[];
  COMMANDS: Record<string, unknown>;
  EXITS: Record<string, readonly unknown[]>;
  perCommand(v: unknown, command: string): unknown;
  choicesOf(spec: unknown, command: string): readonly string[] | undefined;
  /** The data contract's tables (src/ingest/contract-doc.ts); without it, README's contract regions are an error. */
  contract?: { contractTable(kind: 'dossiers' | 'feedback'): string; statusTable(): string };
}
export interface ReadmeRow {
  flags: string[];
  meaning: string;
  example?: string;
  asFor?: string;
}
export function optionRows(model: ReadmeModel, command: string, table?: string): ReadmeRow[];
export function optionTable(model: ReadmeModel, command: string, table?: string): string;
export function exitTable(model: ReadmeModel): string;
export function updateReadme(text: string, model: ReadmeModel): { text: string; missing: string[] };
export function builtModel(root: string): Promise<ReadmeModel>;
