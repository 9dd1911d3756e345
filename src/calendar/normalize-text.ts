/**
 * Text as typed into a cell, made comparable: full-width ASCII (２０２６－０３－３１, ／, ．) becomes half-width,
 * dash look-alikes become '-', and all whitespace (including U+3000 and no-break spaces) is removed — every
 * accepted form is written without inner spaces, so removing them only forgives stray ones.
 *
 * @example
 * normalizeCellText(' ２０２６／３／３１　'); // '2026/3/31'
 */
export function normalizeCellText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, '-')
    .replace(/[\s\u200B\uFEFF]+/g, '');
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * A small count or date part written in Arabic or Chinese numerals (3, 十二, 二十一, 三十一); null otherwise.
 *
 * @example
 * smallNumber('十二'); // 12
 */
export function smallNumber(text: string): number | null {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CN_DIGITS[tens]! : null;
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (ones ? CN_DIGITS[ones]! : 0);
}
