import { describe, expect, it } from 'vitest';
import { CellPatches } from '../../src/store/drivers/xlsx-package/cell-patches';

describe('CellPatches (new cell XML of the package driver)', () => {
  it('gives back each XML stored, across many chunks and for XML longer than a chunk', () => {
    const patches = new CellPatches();
    const places: number[] = [];
    for (let r = 1; r <= 30_000; r++) places.push(patches.add(`<c r="B${r}"><v>${r}</v></c>`));
    const long = `<c r="A1" t="inlineStr"><is><t>${'x'.repeat(3 << 20)}</t></is></c>`;
    const longAt = patches.add(long);
    const after = patches.add('<c r="C1"/>');
    expect(patches.get(longAt)).toBe(long);
    expect(patches.get(after)).toBe('<c r="C1"/>');
    expect(patches.get(places[1]!)).toBe('<c r="B2"><v>2</v></c>');
    expect(patches.get(places[29_998]!)).toBe('<c r="B29999"><v>29999</v></c>');
  });

  it('keeps UTF-8 text written as a binary string byte for byte', () => {
    const patches = new CellPatches();
    const binary = Buffer.from('<c r="J4" t="inlineStr"><is><t>逾期</t></is></c>', 'utf8').toString('latin1');
    const at = patches.add(binary);
    expect(Buffer.from(patches.get(at), 'latin1').toString('utf8')).toContain('逾期');
  });

  it('gives the room of the last cell stored back for its new XML, and only of the last', () => {
    const patches = new CellPatches();
    const first = patches.add('<c r="A1"><v>1</v></c>');
    const second = patches.add('<c r="B1"><v>2</v></c>');
    expect(patches.release(first)).toBe(-1);
    const length = patches.release(second);
    expect(patches.scratch.toString('latin1', 0, length)).toBe('<c r="B1"><v>2</v></c>');
    const again = patches.add('<c r="B1" s="3"><v>2</v></c>');
    expect(again).toBe(second);
    expect(patches.get(first)).toBe('<c r="A1"><v>1</v></c>');
    expect(patches.get(again)).toBe('<c r="B1" s="3"><v>2</v></c>');
    expect(patches.release(second)).toBeGreaterThan(0);
    expect(patches.release(second)).toBe(-1);
  });

  it('rewinds to the last cell stored only', () => {
    const patches = new CellPatches();
    const first = patches.add('<c r="A1"/>');
    const second = patches.add('<c r="B1"/>');
    expect(patches.rewind(first)).toBe(false);
    expect(patches.rewind(second)).toBe(true);
    expect(patches.add('<c r="B1" s="2"/>')).toBe(second);
    expect(patches.get(first)).toBe('<c r="A1"/>');
  });
});

