/**
 * A part being written, straight into buffers of a given size: new text (binary strings), byte ranges of the source
 * part and byte ranges of other buffers (cells patched by the driver, see cell-patches.ts). A source range is not
 * copied when it is given but when something else follows it, so contiguous ranges (the untouched rows and cells of
 * a worksheet) are copied as one run. Filled buffers are taken out as the part is made (`take`) and, once the deflate
 * has read them, given back (`recycle`) to be filled again: memory touched for the first time costs far more than
 * the copy into it (about 4 ms a MB on the machine the benches run on), so a 45 MB worksheet is written through a
 * few reused buffers rather than into 45 MB of new memory, and a source run of a buffer's size or more is passed on
 * as a view of the source (the untouched rows around a few appended ones), not copied at all.
 * @example const w = new PartWriter(xml, 1 << 18); w.text('<row r="9">'); w.source(100, 5000); const parts = w.finish();
 */
export class PartWriter {
  private chunk: Buffer;
  private at = 0;
  private readonly full: Buffer[] = [];
  /** Filled buffers given back, to be filled again. */
  private readonly free: Buffer[] = [];
  /** The source range given but not copied yet (empty when runEnd is -1). */
  private runStart = 0;
  private runEnd = -1;
  /** Bytes written so far. */
  length = 0;

  constructor(
    private readonly from: Buffer,
    private readonly size: number,
  ) {
    this.chunk = Buffer.allocUnsafe(size);
  }

  /** True when buffers have been filled since the last `take`. */
  get filled(): boolean {
    return this.full.length > 0;
  }

  text(text: string): void {
    if (!text) return;
    this.flush();
    this.length += text.length;
    if (text.length <= this.chunk.length - this.at) this.at += this.chunk.write(text, this.at, 'latin1');
    else {
      const bytes = Buffer.from(text, 'latin1');
      this.copy(bytes, 0, bytes.length);
    }
  }

  source(start: number, end: number): void {
    if (end <= start) return;
    this.length += end - start;
    if (start === this.runEnd) this.runEnd = end;
    else {
      this.flush();
      this.runStart = start;
      this.runEnd = end;
    }
  }

  bytes(buffer: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.flush();
    this.length += end - start;
    this.copy(buffer, start, end);
  }

  /** A buffer taken out and read: it is filled again instead of a new one. */
  recycle(buffer: Buffer): void {
    if (buffer.length === this.size && buffer.buffer !== this.from.buffer && this.free.length < 2)
      this.free.push(buffer);
  }

  /** The buffers filled so far, taken out. */
  take(): Buffer[] {
    return this.full.splice(0);
  }

  /** Every buffer not taken yet, the last one cut to what was written. */
  finish(): Buffer[] {
    this.flush();
    if (this.at) this.full.push(this.chunk.subarray(0, this.at));
    this.chunk = Buffer.alloc(0);
    this.at = 0;
    return this.take();
  }

  private flush(): void {
    if (this.runEnd < 0) return;
    let start = this.runStart;
    const end = this.runEnd;
    this.runEnd = -1;
    if (end - start >= this.size) {
      // A long run (the untouched rows of a big sheet around a few written ones) is passed on as a view of the source,
      // not copied into new buffers, once the buffer being filled is topped up with its start.
      if (this.at) {
        const room = this.chunk.length - this.at;
        this.copy(this.from, start, start + room);
        start += room;
        this.full.push(this.chunk);
        this.chunk = this.free.pop() ?? Buffer.allocUnsafe(this.size);
        this.at = 0;
      }
      if (end - start >= this.size) {
        this.full.push(this.from.subarray(start, end));
        return;
      }
    }
    this.copy(this.from, start, end);
  }

  /** Copy bytes in, filling the current buffer and starting new ones as needed. */
  private copy(from: Buffer, start: number, end: number): void {
    let next = start;
    while (next < end) {
      if (this.at === this.chunk.length) {
        this.full.push(this.chunk);
        this.chunk = this.free.pop() ?? Buffer.allocUnsafe(this.size);
        this.at = 0;
      }
      const n = Math.min(this.chunk.length - this.at, end - next);
      // A cell's XML (under 100 bytes) byte by byte; longer runs through TypedArray#set, without Buffer#copy's checks.
      if (n < 96) {
        const { chunk } = this;
        for (let i = 0; i < n; i++) chunk[this.at + i] = from[next + i]!;
      } else this.chunk.set(new Uint8Array(from.buffer, from.byteOffset + next, n), this.at);
      this.at += n;
      next += n;
    }
  }
}
