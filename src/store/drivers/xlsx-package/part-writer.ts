/**
 * A part being written, as pieces in order: new text (binary strings), byte ranges of the source part and byte ranges
 * of other buffers (cells patched by the driver, see cell-patches.ts); adjacent source ranges are merged.
 * `chunks()` copies the pieces into buffers for a deflate stream, so a big part is never built as one long string
 * (or a tree of concatenated strings that has to be flattened first), nor held uncompressed as a whole.
 * @example const w = new PartWriter(xml); w.text('<row r="9">'); w.source(100, 5000); await streamedEntry(name, w, entry)
 */
export class PartWriter {
  /** A string is new text; a number starts a source range (its end is next); a Buffer is followed by start, end. */
  private readonly pieces: Array<string | number | Buffer> = [];
  private runEnd = -1;
  length = 0;

  constructor(private readonly from: Buffer) {}

  text(text: string): void {
    if (!text) return;
    this.pieces.push(text);
    this.runEnd = -1;
    this.length += text.length;
  }

  /** Text before everything written so far (the part's head, known only once its rows are written). */
  prepend(text: string): void {
    this.pieces.unshift(text);
    this.length += text.length;
  }

  source(start: number, end: number): void {
    if (end <= start) return;
    if (start === this.runEnd) this.pieces[this.pieces.length - 1] = end;
    else this.pieces.push(start, end);
    this.runEnd = end;
    this.length += end - start;
  }

  bytes(buffer: Buffer, start: number, end: number): void {
    this.pieces.push(buffer, start, end);
    this.runEnd = -1;
    this.length += end - start;
  }

  /**
   * The part in buffers of about `size` bytes, each made when the consumer asks for the next (a deflate stream), so
   * the whole part is never held uncompressed; a source range of at least `size` bytes is passed on without a copy.
   */
  *chunks(size = 1 << 20): Generator<Buffer> {
    const { pieces, from } = this;
    let out = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      let bytes: Buffer;
      let start: number;
      let end: number;
      if (typeof piece === 'string') {
        if (piece.length <= size - at) {
          at += out.write(piece, at, 'latin1');
          continue;
        }
        bytes = Buffer.from(piece, 'latin1');
        start = 0;
        end = bytes.length;
      } else if (typeof piece === 'number') {
        bytes = from;
        start = piece;
        end = pieces[++i] as number;
      } else {
        bytes = piece;
        start = pieces[i + 1] as number;
        end = pieces[i + 2] as number;
        i += 2;
      }
      if (end - start > size - at) {
        if (at) yield out.subarray(0, at);
        out = Buffer.allocUnsafe(size);
        at = 0;
        if (end - start >= size) {
          yield bytes.subarray(start, end);
          continue;
        }
      }
      at += bytes.copy(out, at, start, end);
    }
    if (at) yield out.subarray(0, at);
  }
}
