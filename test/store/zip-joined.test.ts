import { describe, expect, it } from 'vitest';
import { joined } from '../../src/store/drivers/xlsx-package/zip';

describe('joined (a deflate stream output as one buffer)', () => {
  it('is a view of the memory when the buffers follow each other in one ArrayBuffer', () => {
    const out = Buffer.from('abcdefghij');
    const one = joined([out.subarray(1, 4), out.subarray(4, 4), out.subarray(4, 9)]);
    expect(one.toString()).toBe('bcdefghi');
    expect(one.buffer).toBe(out.buffer);
    out[2] = 0x5a;
    expect(one.toString()).toBe('bZdefghi');
  });

  it('copies buffers that do not follow each other, and gives an empty buffer for none', () => {
    const out = Buffer.from('abcdefghij');
    expect(joined([out.subarray(5, 8), out.subarray(0, 2)]).toString()).toBe('fghab');
    expect(joined([Buffer.from('ab'), Buffer.from('cd')]).toString()).toBe('abcd');
    expect(joined([])).toHaveLength(0);
  });
});
