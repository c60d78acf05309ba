/**
 * The split workers' tally (ingest/parallel/worker.ts): records encoded into batches for the
 * main thread's Tally.addBatch (format: batch-format.ts).
 */
import { Tally } from './tally.js';
import { BATCH_BYTES, BATCH_DOSSIER, BATCH_FEEDBACK, BATCH_UNIT, RECORD_HEAD, TIER_CODE } from './batch-format.js';
import type { Indicator } from '../plan/schema.js';
import type { Dataset } from '../model/kinds.js';
import type { RowRecord } from '../model/record.js';
import type { Period } from '../model/period.js';

/**
 * A Tally for a worker thread reading one byte range of a file (ingest/split-worker.ts): it
 * counts nothing itself but encodes each accepted record — its dataset, unit, indicator mask,
 * dates, flip and code — into batches for the main thread's Tally.addBatch, which supersedes and counts them.
 * A unit's name and tier go out once, before its first record. Batches are handed to `flush`
 * as they fill (and by `end`); a batch's buffer given back through `recycle` is used again.
 */
export class RecordBatcher extends Tally {
  private buf: Buffer;
  private used = 0;
  private sentUnits = 0;
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    indicators: readonly Indicator[],
    period: Period,
    private readonly flush: (batch: Uint8Array) => void,
    private readonly batchBytes = BATCH_BYTES,
  ) {
    super(indicators, period);
    this.buf = Buffer.alloc(batchBytes);
  }

  override add(dataset: Dataset, file: number, r: RowRecord, enabled: number, _line = 0, leftOut = 0): void {
    const mask = this.maskOf(dataset, r, enabled, leftOut);
    const flip = this.flipOf(dataset, r, mask);
    const u = this.unitOf(r);
    this.fileList[file]!.accepted++;
    while (this.sentUnits < this.unitList.length) {
      const unit = this.unitList[this.sentUnits]!;
      const len = Buffer.byteLength(unit.name, 'utf8');
      this.room(8 + len);
      const b = this.buf;
      b[this.used] = BATCH_UNIT;
      b.writeUInt32LE(this.sentUnits, this.used + 1);
      b[this.used + 5] = TIER_CODE[unit.tier];
      b.writeUInt16LE(len, this.used + 6);
      b.write(unit.name, this.used + 8, 'utf8');
      this.used += 8 + len;
      this.sentUnits++;
    }
    let len: number;
    if (r.codeBuf != null) len = r.codeEnd! - r.codeStart!;
    else len = Buffer.byteLength(r.code, 'utf8');
    this.room(RECORD_HEAD + len);
    const b = this.buf;
    const p = this.used;
    b[p] = dataset === 'dossiers' ? BATCH_DOSSIER : BATCH_FEEDBACK;
    b.writeUInt32LE(u, p + 1);
    b.writeUInt32LE(mask >>> 0, p + 5);
    b.writeInt32LE(r.received, p + 9);
    b.writeInt32LE(r.resolved > r.received ? r.resolved : r.received, p + 13);
    b.writeInt32LE(flip, p + 17);
    b.writeUInt16LE(len, p + 21);
    if (r.codeBuf != null) {
      const src = r.codeBuf;
      const s0 = r.codeStart!;
      for (let i = 0; i < len; i++) b[p + RECORD_HEAD + i] = src[s0 + i]!;
    } else b.write(r.code, p + RECORD_HEAD, 'utf8');
    this.used = p + RECORD_HEAD + len;
  }

  /** Hands over what is left. */
  end(): void {
    if (this.used > 0) this.send();
  }

  /** Takes back the buffer of a batch that was counted, for a next batch. */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.batchBytes) this.spare.push(buffer);
  }

  private room(n: number) {
    if (this.used + n <= this.buf.length) return;
    if (this.used > 0) this.send();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  private send() {
    const out = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.used);
    this.used = 0;
    const next = this.spare.pop();
    this.buf = next ? Buffer.from(next) : Buffer.alloc(this.batchBytes);
    this.flush(out);
  }
}
