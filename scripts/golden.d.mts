/** Types of scripts/golden.mjs, for test/golden.test.ts. */
export interface GoldenCase {
  name: string;
  args: string[];
}
export function goldenCases(): GoldenCase[];
export function goldenText(r: { code: number | null; stdout: string; stderr: string }): string;
