/** Growable typed arrays for the tally's entries (one slot per distinct code). */
import { grownLength } from './code-index.js';

type IntArray = Int32Array | Uint16Array;

/** A growable typed array, Uint16 where the values fit (entry masks of ≤ 8 indicators, file numbers). */
export class Growable {
  data: IntArray;
  /** A hint: the length expected in all; growing goes towards it at once (up to 256×). */
  expected = 0;
  constructor(private wide: boolean) {
    this.data = wide ? new Int32Array(1024) : new Uint16Array(1024);
  }
  set(i: number, v: number) {
    if (!this.wide && (v < 0 || v > 0xffff)) this.widen();
    if (i >= this.data.length) {
      const d = this.make(Math.max(grownLength(this.data.length, this.expected), i + 1));
      d.set(this.data);
      this.data = d;
    }
    this.data[i] = v;
  }
  private make(n: number): IntArray {
    return this.wide ? new Int32Array(n) : new Uint16Array(n);
  }
  private widen() {
    this.wide = true;
    const d = new Int32Array(this.data.length);
    d.set(this.data);
    this.data = d;
  }
}
