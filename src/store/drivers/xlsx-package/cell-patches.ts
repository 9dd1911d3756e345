/**
 * The new XML of the cells a write changed, kept as bytes in one growing buffer, each cell an offset into it, instead
 * of one string object per cell: a scan of a city's battle map changes hundreds of thousands of cells, and a string
 * built from a template is a tree of small string objects several times the size of its text.
 * Text is a binary (latin1) string, one character per byte of UTF-8, like the worksheet it is patched into.
 * @example const p = new CellPatches(); p.set(cellKey(4, 10), '<c r="J4" t="inlineStr">…</c>'); p.get(cellKey(4, 10))
 */
export class CellPatches {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  /** Cell key → offset of its length-prefixed XML in `bytes`. */
  private readonly offsets = new Map<number, number>();

  set(key: number, xml: string): void {
    const need = this.used + 4 + xml.length;
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes.writeUInt32LE(xml.length, this.used);
    this.bytes.write(xml, this.used + 4, 'latin1');
    this.offsets.set(key, this.used);
    this.used = need;
  }

  get(key: number): string | undefined {
    const at = this.offsets.get(key);
    if (at === undefined) return undefined;
    return this.bytes.toString('latin1', at + 4, at + 4 + this.bytes.readUInt32LE(at));
  }
}

/** The key of a cell in CellPatches (columns go up to XFD = 16,384). */
export const patchKey = (row: number, column: number) => row * 16_384 + column;
