/**
 * The positive section of a number format code without its quoted text, [colour] / [locale] parts and escapes: what
 * the format shows of the number.
 * @example bareFormat('0.0"%"_);[Red]-0') // '0.0'
 */
export function bareFormat(code: string): string {
  return code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '');
}

/**
 * A format that shows the number as a percentage (`0%`, `0.00%`): typed 60%, the cell holds 0.6.
 * @example isPercentFormat('0%') // true; isPercentFormat('0"%"') // false
 */
export function isPercentFormat(code: string | undefined): boolean {
  return code !== undefined && bareFormat(code).includes('%');
}
