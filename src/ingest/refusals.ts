/**
 * Inputs refused one by one (`validate`, README "Every file checked"). Without keepGoing (`score`)
 * the first input fault stops the pass, thrown as it always was. With it, an input that cannot be
 * taken — unreadable, of no known kind, lacking a required column, counting a unit twice — is
 * recorded here with its error and the pass goes on as if it had not been given:
 *
 * - a fault found before any of its rows is counted (opening the file, its header, the peek)
 *   leaves the file out at once;
 * - a fault found once its rows have started to count (a bad byte on line 90 000, an unclosed
 *   quote, a summary report counting a unit that a record list counts too) makes the pass run
 *   again without the file (ReadAgain), so that no row of it supersedes a row of another file
 *   or is joined to one. An input read once (standard input, a pipe) cannot be read again: then
 *   the pass goes on, and the refused file's rows read before the fault keep their part (its
 *   entry counts them);
 * - fact exports are not joined when a refused file may have been a dossier list (of that kind,
 *   or of no kind known): which codes match is then unknown, and no row is called unmatched.
 */
import { CcchError } from '../model/errors.js';
import type { InputKind } from '../model/kinds.js';

export interface Refusal {
  error: CcchError;
  /** What the file was found to be before the fault; null when not known. */
  kind: InputKind | null;
}

export class Refusals {
  /** Export (its place in the pass's inputs) → why it was refused. */
  readonly exports = new Map<number, Refusal>();
  /** Side file given by option (units, catalog, task-status) → why it was refused. */
  readonly side = new Map<InputKind, Refusal>();

  constructor(readonly keepGoing: boolean) {}

  /**
   * A fault while taking an input: returned as the error to record when the pass keeps going and
   * it is an input error; thrown otherwise (score stops on it; a bug is never swallowed).
   */
  fault(e: unknown): CcchError {
    if (this.keepGoing && e instanceof CcchError && e.kind === 'input') return e;
    throw e;
  }

  /** Whether a refused file may have been a dossier list (fact exports then go unjoined). */
  get dossierListRefused(): boolean {
    for (const r of this.exports.values()) if (r.kind === null || r.kind === 'dossiers') return true;
    return false;
  }
}

/** Thrown out of a pass that must run again without a file refused after its rows began to count. */
export class ReadAgain extends Error {
  constructor(readonly file: string) {
    super(`read again without ${file}`);
  }
}
