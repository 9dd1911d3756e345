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

/**
 * A format that shows a date: a y/m/d/h/s code outside quotes, brackets and escapes.
 * @example isDateFormat('yyyy-mm-dd') // true; isDateFormat('0.00') // false
 */
export function isDateFormat(code: string | undefined): boolean {
  if (code === undefined) return false;
  const bare = bareFormat(code);
  return /[ymdhsYMDHS年月日]/.test(bare) && !/^General$/i.test(bare);
}

/**
 * A date format that also shows the time of day (an hour or second code).
 * @example showsTime('yyyy-mm-dd hh:mm') // true; showsTime('yyyy-mm-dd') // false
 */
export function showsTime(code: string | undefined): boolean {
  return isDateFormat(code) && /[hsHS时秒]/.test(bareFormat(code!));
}

/**
 * A format that shows a written date as it is meant: the day, and the time of day exactly when `time`. A cell whose
 * format does (the template's `yyyy-mm-dd hh:mm`, a staff's `yyyy/m/d h:mm`) keeps it when the system writes a date.
 * @example showsDateAs('yyyy/m/d h:mm', true) // true; showsDateAs('h:mm', true) // false
 */
export function showsDateAs(code: string | undefined, time: boolean): boolean {
  return isDateFormat(code) && /[dy日年]/i.test(bareFormat(code!)) && showsTime(code) === time;
}
