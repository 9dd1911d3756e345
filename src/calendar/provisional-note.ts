/**
 * The note on every notice, 系统提示 and summary whose dates rely on a year whose State Council holiday schedule the
 * calendar does not hold (fallback.ts). It says "not entered", not "not published": the State Council publishes the next
 * year's schedule in the autumn, long before this program learns it, and the office enters it in the 节假日 tab.
 *
 * @example
 * provisionalNote([2028, 2027]); // '注：2027年、2028年国务院节假日安排尚未录入，工作日暂按法定节日推算'
 * provisionalNote([]); // null
 */
export function provisionalNote(years: readonly number[] | undefined): string | null {
  if (!years || years.length === 0) return null;
  const list = [...new Set(years)].sort((a, b) => a - b).map((y) => `${y}年`);
  return `注：${list.join('、')}国务院节假日安排尚未录入，工作日暂按法定节日推算`;
}
