/**
 * The working-day calendar and date-cell parsing (SPEC §3): one import for the rest of the codebase.
 */
export { buildCalendar, defaultCalendar, type BuildCalendarOptions } from './build';
export { fallbackHolidays } from './fallback';
export { lunarNewYearsEve, lunarToDay } from './lunar';
export { publishedSchedule, type PublishedSchedule } from './published';
export {
  parseDateCell,
  ACCEPTED_DATE_FORMS,
  DATE_CELL_YEARS,
  type DateCellContext,
  type DateCellProblem,
  type DateCellResult,
} from './parse-date-cell';
export { parseDuration, type Duration } from './parse-duration';
export { applyDuration, type ApplyDurationOptions } from './apply-duration';
export { normalizeCellText, smallNumber } from './normalize-text';
export type { HolidayOverride, WorkCalendar } from './types';
export * from './day';
