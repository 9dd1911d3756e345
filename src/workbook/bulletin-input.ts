import type { BulletinInput } from '../domain/bulletin';
import type { WorkbookModel } from './read-workbook';

/**
 * What the 通报 is computed from, out of a read workbook: its tasks with their ledger facts, calendar, 规则配置,
 * year, and the day it was read for.
 *
 * @example
 * const bulletin = buildBulletin(bulletinInput(readWorkbook(snapshot, today)), parsePeriod('2026-10')!);
 */
export function bulletinInput(model: WorkbookModel): BulletinInput {
  return {
    tasks: model.entries.map((e) => ({ task: e.task, facts: e.facts })),
    cal: model.calendar,
    config: model.config,
    year: model.year,
    today: model.today,
  };
}
