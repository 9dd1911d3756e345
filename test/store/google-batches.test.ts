import { describe, expect, it } from 'vitest';
import { batches } from '../../src/store/drivers/google/google-apply';

const cell = (i: number) => ({
  updateCells: {
    start: { sheetId: 1, rowIndex: i, columnIndex: 0 },
    rows: [{ values: [{ userEnteredValue: { stringValue: 'x'.repeat(100) } }] }],
    fields: 'userEnteredValue',
  },
});

describe('batchUpdate bodies stay under Google’s request size limit', () => {
  it('keeps a small plan in one batch', () => {
    expect(batches([cell(1), cell(2)])).toHaveLength(1);
  });

  it('splits a big plan in order, each batch under the limit, the ledger appends last', () => {
    const requests = [
      ...Array.from({ length: 50 }, (_, i) => cell(i)),
      { appendCells: { sheetId: 2, rows: [], fields: 'userEnteredValue' } },
    ];
    const out = batches(requests, 1000);
    expect(out.length).toBeGreaterThan(5);
    expect(out.flat()).toEqual(requests);
    for (const b of out)
      expect(Buffer.byteLength(JSON.stringify(b))).toBeLessThanOrEqual(1000 + 2 + b.length);
    expect(out.at(-1)!.at(-1)).toHaveProperty('appendCells');
  });
});
