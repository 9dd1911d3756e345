import { describe, expect, it } from 'vitest';
import { fillOfRgb } from '../../src/store/drivers/google/google-a1';
import { cellRequests, REQUEST_CHUNK_BYTES } from '../../src/store/drivers/google/google-cells';
import type { RecordedWrite } from '../../src/store/drivers/google/google-grid';

const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));

describe('updateCells requests of a plan', () => {
  it('send a column changed on every row (剩余工作日 each morning) as one request of about 50 bytes a cell', () => {
    const writes: RecordedWrite[] = Array.from({ length: 5000 }, (_, i) => ({
      row: 3 + i,
      column: 41,
      value: 100 - (i % 200),
    }));
    const requests = cellRequests(7, writes);
    expect(requests).toHaveLength(1);
    const update = requests[0]!.updateCells!;
    expect(update.start).toEqual({ sheetId: 7, rowIndex: 2, columnIndex: 40 });
    expect(update.fields).toBe('userEnteredValue');
    expect(update.rows!.map((r) => r.values![0]!.userEnteredValue!.numberValue)).toEqual(
      writes.map((w) => w.value),
    );
    expect(bytes(requests) / writes.length).toBeLessThan(55);
  });

  it('stack the system columns of consecutive rows into one block, and start a new one at a gap', () => {
    const row = (r: number): RecordedWrite[] => [
      { row: r, column: 10, value: '逾期', fill: 'FF0000' },
      { row: r, column: 11, value: '红牌', fill: 'C00000' },
      { row: r, column: 12, value: -3 },
      { row: r, column: 13, value: null },
    ];
    const requests = cellRequests(0, [...row(3), ...row(4), ...row(5), ...row(9)].reverse());
    const shape = requests.map((q) => [
      q.updateCells!.start!.rowIndex,
      q.updateCells!.start!.columnIndex,
      q.updateCells!.rows!.map((r) => r.values!.length),
      q.updateCells!.fields,
    ]);
    const valueAndFill = 'userEnteredValue,userEnteredFormat.backgroundColorStyle';
    expect(shape).toEqual([
      [2, 9, [2, 2, 2], valueAndFill],
      [2, 11, [2, 2, 2], 'userEnteredValue'],
      [8, 9, [2], valueAndFill],
      [8, 11, [2], 'userEnteredValue'],
    ]);
    const [status, card] = requests[0]!.updateCells!.rows![0]!.values!;
    expect(status).toEqual({
      userEnteredValue: { stringValue: '逾期' },
      userEnteredFormat: { backgroundColorStyle: { rgbColor: { red: 1, green: 0, blue: 0 } } },
    });
    expect(fillOfRgb(card!.userEnteredFormat!.backgroundColorStyle!.rgbColor!)).toBe('C00000');
    // a cleared value is an empty cell under the userEnteredValue mask
    expect(requests[1]!.updateCells!.rows![0]!.values![1]).toEqual({});
  });

  it('keep fills without values apart from values, and clear a fill with an empty cell under its mask', () => {
    const requests = cellRequests(0, [
      { row: 3, column: 16, fill: null },
      { row: 4, column: 16, fill: 'C6EFCE' },
      { row: 4, column: 17, value: '已完成' },
    ]);
    expect(requests.map((q) => [q.updateCells!.fields, q.updateCells!.rows!.length])).toEqual([
      ['userEnteredFormat.backgroundColorStyle', 2],
      ['userEnteredValue', 1],
    ]);
    expect(requests[0]!.updateCells!.rows![0]!.values).toEqual([{}]);
  });

  it('cut a block that would pass REQUEST_CHUNK_BYTES, so any batch can hold it', () => {
    const hint = '已超过完成时限 5月6日，逾期29个工作日'.repeat(20);
    const writes = Array.from({ length: 3000 }, (_, i) => ({ row: 3 + i, column: 45, value: hint }));
    const requests = cellRequests(0, writes);
    expect(requests.length).toBeGreaterThan(2);
    for (const q of requests) expect(bytes(q)).toBeLessThanOrEqual(REQUEST_CHUNK_BYTES + 200);
    expect(
      requests.flatMap((q) => q.updateCells!.rows!.map((r) => r.values![0]!.userEnteredValue!.stringValue)),
    ).toEqual(writes.map((w) => w.value));
    const starts = requests.map((q) => q.updateCells!.start!.rowIndex!);
    expect(starts[1]).toBe(starts[0]! + requests[0]!.updateCells!.rows!.length);
  });
});
