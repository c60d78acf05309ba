/**
 * The values a field's vocabulary does not know, counted per field while a file is read (from its
 * warnings and rejections), so that the output can list them, most frequent first, for a mapping
 * file (docs/domain.md "A mapping file"). Memory: at most MAX_UNKNOWN_VALUES values per field.
 */
import { valueKey } from './vocabulary.js';
import { MAX_UNKNOWN_VALUES, type UnknownValues } from '../model/accounting.js';

interface Entry {
  value: string;
  count: number;
  first: number;
}

export class UnknownCounter {
  private readonly fields = new Map<string, { byKey: Map<string, Entry>; more: number }>();
  private seq = 0;

  private field(field: string): { byKey: Map<string, Entry>; more: number } {
    let f = this.fields.get(field);
    if (!f) this.fields.set(field, (f = { byKey: new Map(), more: 0 }));
    return f;
  }

  add(field: string, value: string, count = 1): void {
    const f = this.field(field);
    const key = valueKey(value);
    const e = f.byKey.get(key);
    if (e) e.count += count;
    else if (f.byKey.size < MAX_UNKNOWN_VALUES) f.byKey.set(key, { value, count, first: this.seq++ });
    else f.more += count;
  }

  /** Adds lists made elsewhere (a split worker's range), in their order. */
  addAll(lists: readonly UnknownValues[]): void {
    for (const l of lists) {
      for (const v of l.values) this.add(l.field, v.value, v.count);
      if (l.more) this.field(l.field).more += l.more;
    }
  }

  get empty(): boolean {
    return this.fields.size === 0;
  }

  /** The lists, fields in `order` (others after, as met), values most frequent first. */
  list(order: readonly string[] = []): UnknownValues[] {
    const rank = (f: string) => {
      const i = order.indexOf(f);
      return i < 0 ? order.length : i;
    };
    return [...this.fields.entries()]
      .map(([field, f], i) => ({ field, i, f }))
      .sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i)
      .map(({ field, f }) => ({
        field,
        values: [...f.byKey.values()]
          .sort((a, b) => b.count - a.count || a.first - b.first)
          .map((e) => ({ value: e.value, count: e.count })),
        more: f.more,
      }));
  }
}

/** Several inputs' lists as one (the whole run's). */
export function mergeUnknown(lists: ReadonlyArray<readonly UnknownValues[]>, order: readonly string[] = []): UnknownValues[] {
  const c = new UnknownCounter();
  for (const l of lists) c.addAll(l);
  return c.list(order);
}
