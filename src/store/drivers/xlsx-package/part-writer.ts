/** A part written as pieces of new text and ranges of its source, copied once into a buffer of the final size. */
/**
 * The pieces of a part being written, in order: new text (binary strings) and byte ranges of the source; adjacent
 * source ranges are merged. `toBuffer()` copies each piece once into a buffer of the total size.
 */
export class PartWriter {
  /** A string is new text; a number is the start of a source range whose end is the next entry. */
  private readonly pieces: Array<string | number> = [];
  private runEnd = -1;
  length = 0;

  constructor(private readonly from: string) {}

  text(text: string): void {
    if (!text) return;
    this.pieces.push(text);
    this.runEnd = -1;
    this.length += text.length;
  }

  source(start: number, end: number): void {
    if (end <= start) return;
    if (start === this.runEnd) this.pieces[this.pieces.length - 1] = end;
    else this.pieces.push(start, end);
    this.runEnd = end;
    this.length += end - start;
  }

  append(other: PartWriter): void {
    const { pieces } = other;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (typeof piece === 'string') this.text(piece);
      else this.source(piece, pieces[++i] as number);
    }
  }

  toBuffer(): Buffer {
    const out = Buffer.allocUnsafe(this.length);
    const { pieces, from } = this;
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (typeof piece === 'string') at += out.write(piece, at, 'latin1');
      else {
        const end = pieces[++i] as number;
        at += out.write(from.slice(piece, end), at, 'latin1');
      }
    }
    return out;
  }
}
