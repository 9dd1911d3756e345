import type { PartWriter } from './part-writer';

const CHUNK = 1 << 20;

/**
 * The new XML of the cells a write changed, kept as bytes in a list of 1 MB chunks, each cell a number (its place)
 * instead of one string object: a scan of a city's battle map changes hundreds of thousands of cells, and a string
 * built from a template is a tree of small string objects several times the size of its text. Chunks are never
 * grown or copied; XML longer than a chunk gets a chunk of its own. Which cell is where is kept by the caller
 * (sheet-xml.ts keeps it on the row), so there is no map of hundreds of thousands of entries either.
 * Text is a binary (latin1) string, one character per byte of UTF-8, like the worksheet it is patched into.
 * A cell can also be written into its chunk piece by piece (`begin` … `end`), so the hot write path (a value or a
 * fill on every row) makes no string for its XML at all.
 * @example const patches = new CellPatches(); const at = patches.add('<c r="J4"><v>5</v></c>'); patches.get(at)
 * @example patches.begin(40); patches.latin1('<c r="J4"/>'); const at = patches.end();
 */
export class CellPatches {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;
  /** Place of the last cell stored (-1 once released). */
  private last = -1;
  /** The bytes of the cell last released (`release`), from its start. */
  scratch = Buffer.alloc(256);
  /** The chunk a cell is being written into, and where its next byte goes. */
  private chunk: Buffer = Buffer.alloc(0);
  private cursor = 0;

  /** Store a cell's XML; returns its place (chunk index × CHUNK + offset of its length-prefixed bytes). */
  add(xml: string): number {
    this.begin(xml.length);
    this.latin1(xml);
    return this.end();
  }

  /** Start a cell of at most `max` bytes: room is made for it in the current chunk (or a new one). */
  begin(max: number): void {
    const size = 4 + max;
    if (this.used + size > CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, size)));
      this.used = 0;
    }
    this.chunk = this.chunks[this.chunks.length - 1]!;
    this.cursor = this.used + 4;
  }

  /** Add a binary (latin1) string to the cell begun (a short one char by char: tags, refs and numbers are short). */
  latin1(text: string): void {
    if (text.length < 32) {
      const { chunk } = this;
      let at = this.cursor;
      for (let i = 0; i < text.length; i++) chunk[at++] = text.charCodeAt(i);
      this.cursor = at;
    } else this.cursor += this.chunk.write(text, this.cursor, 'latin1');
  }

  /** Add text as its UTF-8 bytes to the cell begun. */
  utf8(text: string): void {
    this.cursor += this.chunk.write(text, this.cursor, 'utf8');
  }

  /** Add a non-negative integer's decimal digits to the cell begun. */
  digits(n: number): void {
    const { chunk } = this;
    let width = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) width++;
    let at = this.cursor + width;
    this.cursor = at;
    let rest = n;
    do {
      chunk[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** Add bytes `start`–`end` of `from` to the cell begun (short runs byte by byte: no call into C++ for a few bytes). */
  bytes(from: Uint8Array, start: number, end: number): void {
    const { chunk } = this;
    if (end - start < 32) {
      let at = this.cursor;
      for (let i = start; i < end; i++) chunk[at++] = from[i]!;
      this.cursor = at;
    } else {
      chunk.set(from.subarray(start, end), this.cursor);
      this.cursor += end - start;
    }
  }

  /** Finish the cell begun; returns its place. */
  end(): number {
    const length = this.cursor - this.used - 4;
    const { chunk, used } = this;
    chunk[used] = length & 0xff;
    chunk[used + 1] = (length >>> 8) & 0xff;
    chunk[used + 2] = (length >>> 16) & 0xff;
    chunk[used + 3] = length >>> 24;
    const at = (this.chunks.length - 1) * CHUNK + this.used;
    // A chunk of its own is full.
    this.used = length + 4 > CHUNK ? CHUNK : this.cursor;
    this.last = at;
    return at;
  }

  /**
   * When the cell at `at` is the last one stored, give its room back and copy its bytes to the start of `scratch`
   * (valid until the next release), for its new XML to be made from; returns their length, or -1. A value and then a fill written to a cell so take the
   * room of one cell, not two: new memory is what a big write costs most.
   */
  release(at: number): number {
    if (at !== this.last) return -1;
    const length = this.copyOut(at);
    this.rewind(at);
    return length;
  }

  /** When the cell at `at` is the last one stored, give its room back (its XML is about to be made again). */
  rewind(at: number): boolean {
    if (at !== this.last) return false;
    this.used = at % CHUNK;
    this.last = -1;
    return true;
  }

  /** Copy the bytes of the cell at `at` to the start of `scratch`; returns their length. */
  private copyOut(at: number): number {
    const chunk = this.chunkOf(at);
    const start = this.startOf(at);
    const length = this.endOf(at) - start;
    if (this.scratch.length < length) this.scratch = Buffer.alloc(2 * length);
    const { scratch } = this;
    for (let i = 0; i < length; i++) scratch[i] = chunk[start + i]!;
    return length;
  }

  get(at: number): string {
    const chunk = this.chunks[Math.floor(at / CHUNK)]!;
    const offset = at % CHUNK;
    return chunk.toString('latin1', offset + 4, offset + 4 + chunk.readUInt32LE(offset));
  }

  /** The chunk holding the cell at `at`; its bytes are `start(at)` up to `end(at)` of it. */
  chunkOf(at: number): Buffer {
    return this.chunks[Math.floor(at / CHUNK)]!;
  }

  /** Offset in its chunk of the first byte of the cell at `at`. */
  startOf(at: number): number {
    return (at % CHUNK) + 4;
  }

  /** Offset in its chunk just past the last byte of the cell at `at`. */
  endOf(at: number): number {
    const chunk = this.chunks[Math.floor(at / CHUNK)]!;
    const offset = at % CHUNK;
    return (
      offset +
      4 +
      (chunk[offset]! | (chunk[offset + 1]! << 8) | (chunk[offset + 2]! << 16) | (chunk[offset + 3]! << 24))
    );
  }

  /** Add the cell's XML at `at` to a part being written, as a copy of its bytes. */
  writeTo(at: number, out: PartWriter): void {
    out.bytes(this.chunks[Math.floor(at / CHUNK)]!, this.startOf(at), this.endOf(at));
  }
}
