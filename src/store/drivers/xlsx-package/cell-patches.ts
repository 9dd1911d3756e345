import type { PartWriter } from './part-writer';

/**
 * The new XML of the cells a write changed, kept as bytes in a list of 1 MB chunks, each cell a number (its place)
 * instead of one string object: a scan of a city's battle map changes hundreds of thousands of cells, and a string
 * built from a template is a tree of small string objects several times the size of its text. Chunks are never
 * grown or copied; XML longer than a chunk gets a chunk of its own. Which cell is where is kept by the caller
 * (sheet-xml.ts keeps it on the row), so there is no map of hundreds of thousands of entries either.
 * Text is a binary (latin1) string, one character per byte of UTF-8, like the worksheet it is patched into.
 * @example const patches = new CellPatches(); const at = patches.add('<c r="J4"><v>5</v></c>'); patches.get(at)
 */
export class CellPatches {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;

  /** Store a cell's XML; returns its place (chunk index × CHUNK + offset of its length-prefixed bytes). */
  add(xml: string): number {
    const size = 4 + xml.length;
    if (this.used + size > CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, size)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.writeUInt32LE(xml.length, this.used);
    chunk.write(xml, this.used + 4, 'latin1');
    const at = (this.chunks.length - 1) * CHUNK + this.used;
    // A chunk of its own is full.
    this.used = size > CHUNK ? CHUNK : this.used + size;
    return at;
  }

  get(at: number): string {
    const chunk = this.chunks[Math.floor(at / CHUNK)]!;
    const offset = at % CHUNK;
    return chunk.toString('latin1', offset + 4, offset + 4 + chunk.readUInt32LE(offset));
  }

  /** Add the cell's XML at `at` to a part being written, as a copy of its bytes. */
  writeTo(at: number, out: PartWriter): void {
    const chunk = this.chunks[Math.floor(at / CHUNK)]!;
    const offset = at % CHUNK;
    out.bytes(chunk, offset + 4, offset + 4 + chunk.readUInt32LE(offset));
  }
}

const CHUNK = 1 << 20;
