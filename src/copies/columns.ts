/**
 * A growable column of numbers in one typed array: the candidate index holds millions of
 * entries, which as JavaScript arrays and maps made the garbage collector, not the matching, the
 * cost on large runs.
 */
type TypedArray = Int32Array | Uint32Array | Float64Array;

export class Column<Items extends TypedArray> {
  private items: Items;
  length = 0;

  constructor(private readonly make: (size: number) => Items, capacity: number) {
    this.items = make(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = this.make(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** The pushed values, without a copy (valid until the next push). */
  view(): Items {
    return this.items.subarray(0, this.length) as Items;
  }
}

/** A column of float64 values with room for `capacity` before it first grows. */
export const float64Column = (capacity: number) => new Column((size) => new Float64Array(size), capacity);
