/** Plain-text tables for a terminal: CJK characters take two columns, so columns are padded by display width. */

/** Display width of a string in a monospace terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/**
 * Lay out rows under headers, every column as wide as its widest cell; numbers right-aligned.
 *
 * @example textTable(['排名', '单位'], [[1, '县发改局']]); // '排名  单位    \n   1  县发改局'
 */
export function textTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => displayWidth(r[c] ?? ''))));
  return cells
    .map((r, i) =>
      r
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c]! - displayWidth(cell));
          return i > 0 && typeof rows[i - 1]![c] === 'number' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
