/** Types of scripts/generate.mjs (the seeded export generator), for the tests that use it. */
export interface GenerateOptions {
  kind?: 'dossiers' | 'feedback';
  rows?: number;
  seed?: number;
  year?: number;
  /** Share of rows that are rejected on purpose. */
  bad?: number;
  /** Share of rows repeating an earlier code. */
  dup?: number;
  tierColumn?: number;
  delimiter?: string;
  crlf?: boolean;
  bom?: boolean;
}
export function rng(seed: number): () => number;
export function generate(opts: GenerateOptions, write: (text: string) => void): void;
export function generateFile(opts: GenerateOptions, path: string): void;
