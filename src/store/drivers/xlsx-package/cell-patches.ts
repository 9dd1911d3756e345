import type { PartWriter } from './part-writer';

/**
 * The new XML of the cells a write changed, kept as bytes in a list of 1 MB chunks, each cell an offset into them,
 * instead of one string object per cell: a scan of a city's battle map changes hundreds of thousands of cells, and a
 * string built from a template is a tree of small string objects several times the size of its text. Chunks are
 * never grown or copied; XML longer than a chunk gets a chunk of its own.
 * Text is a binary (latin1) string, one character per byte of UTF-8, like the worksheet it is patched into.
 * @example const p = new CellPatches(); p.set(patchKey(4, 10), '<c r="J4" t="inlineStr">…</c>'); p.get(patchKey(4, 10))
 */
export class CellPatches {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;
  /** Cell key → chunk index × CHUNK + offset of its length-prefixed XML. */
  private readonly offsets = new Map<number, number>();

  set(key: number, xml: string): void {
    const size = 4 + xml.length;
    if (this.used + size > CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, size)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.writeUInt32LE(xml.length, this.used);
    chunk.write(xml, this.used + 4, 'latin1');
    this.offsets.set(key, (this.chunks.length - 1) * CHUNK + this.used);
    // A chunk of its own is full.
    this.used = size > CHUNK ? CHUNK : this.used + size;
  }

  /** Add a cell's XML to a part being written; false when the cell has no patch. */
  writeTo(key: number, out: PartWriter): boolean {
    const at = this.offsets.get(key);
    if (at === undefined) return false;
    const chunk = this.chunks[Math.floor(at / CHUNK)]!;
    const offset = at % CHUNK;
    out.bytes(chunk, offset + 4, offset + 4 + chunk.readUInt32LE(offset));
    return true;
  }

  get(key: number): string | undefined {
    const at = this.offsets.get(key);
    if (at === undefined) return undefined;
    const chunk = this.chunks[Math.floor(at / CHUNK)]!;
    const offset = at % CHUNK;
    return chunk.toString('latin1', offset + 4, offset + 4 + chunk.readUInt32LE(offset));
  }
}

const CHUNK = 1 << 20;

/** The key of a cell in CellPatches (columns go up to XFD = 16,384). */
export const patchKey = (row: number, column: number) => row * 16_384 + column;
