/**
 * A growable list of 32-bit integers in one typed array: the offsets of every cell of a big worksheet take 4 bytes
 * each here, not the 8 bytes (plus growth slack) of a plain array.
 * @example const starts = new IntList(); starts.push(120); starts.at(0) // 120
 */
export class IntList {
  private items: Int32Array;
  length = 0;

  /** @param capacity how many items to make room for at once (memory only becomes real as it is written) */
  constructor(capacity = 1024) {
    this.items = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }

  /** Items `from` up to (not including) `to`, as a plain array. */
  slice(from: number, to: number): number[] {
    return Array.from(this.items.subarray(from, to));
  }
}
