/**
 * The working-day calendar and duration parsing (SPEC §3; date cells are read in src/workbook/parse-date-cell.ts): one import for the rest of the codebase.
 */
export { buildCalendar, defaultCalendar, type BuildCalendarOptions } from './build';
export { fallbackHolidays } from './fallback';
export { provisionalNote } from './provisional-note';
export { lunarNewYearsEve, lunarToDay } from './lunar';
export { publishedSchedule, type PublishedSchedule } from './published';
export { parseDuration, type Duration } from './parse-duration';
export { applyDuration, type ApplyDurationOptions } from './apply-duration';
export { normalizeCellText, smallNumber } from './normalize-text';
export type { HolidayOverride, WorkCalendar } from './types';
export * from './day';
