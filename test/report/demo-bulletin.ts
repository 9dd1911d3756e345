/** The demo county's bulletin for a period, read through the memory store (as of 2026-10-31 unless told). */
import { toDay } from '../../src/calendar/day';
import { buildBulletin, type Bulletin } from '../../src/domain/bulletin';
import { parsePeriod } from '../../src/domain/bulletin-period';
import type { RulesConfig } from '../../src/domain/config';
import { bulletinInput } from '../../src/workbook/bulletin-input';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoStore } from './demo-workbook';

export async function demoBulletin(
  period: string,
  asOf = '2026-10-31',
): Promise<{ bulletin: Bulletin; config: RulesConfig; input: ReturnType<typeof bulletinInput> }> {
  const snapshot = await demoStore(2026, asOf).read([...TAB_SPECS]);
  const model = readWorkbook(snapshot, toDay(asOf));
  const input = bulletinInput(model);
  return { bulletin: buildBulletin(input, parsePeriod(period)!)!, config: model.config, input };
}
