/**
 * A part being written, as pieces in order: new text (binary strings), byte ranges of the source part and byte ranges
 * of other buffers (cells patched by the driver, see cell-patches.ts); adjacent source ranges are merged.
 * `toBuffer()` copies each piece once into one buffer of the part's final size, so a big part is never also built as
 * one long string, or a tree of concatenated strings that has to be flattened first.
 * @example const w = new PartWriter(xml); w.text('<sheetData>'); w.source(100, 5000); w.toBuffer()
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

  toBuffer(): Buffer {
    const out = Buffer.allocUnsafe(this.length);
    const { pieces, from } = this;
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (typeof piece === 'string') at += out.write(piece, at, 'latin1');
      else if (typeof piece === 'number') at += from.copy(out, at, piece, pieces[++i] as number);
      else {
        at += piece.copy(out, at, pieces[i + 1] as number, pieces[i + 2] as number);
        i += 2;
      }
    }
    return out;
  }
}
