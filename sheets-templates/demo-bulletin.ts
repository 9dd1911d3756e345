/**
 * The demo's latest 通报: a demo made on 1–7 December (November's 完成情况 not yet due) would otherwise show leaders
 * no 通报 at all until its first scan after the 7th. Written with its 生成通报 row, as the scan that was due in
 * November would have written it, so no later scan writes it again.
 */
import { shanghaiDayOf } from '../src/calendar/day';
import { beijingStamp } from '../src/calendar/beijing-clock';
import { earlierBulletinDue, generatedBulletins } from '../src/scan/plan-bulletin';
import { emptyPlan, type SheetStore } from '../src/store/port';
import { AUDIT_TAB } from '../src/workbook/audit';
import { readSettings } from '../src/workbook/read-settings';
import { readWorkbook } from '../src/workbook/read-workbook';
import { TAB_SPECS } from '../src/workbook/schema/tabs';

/** Writes the newest 通报 due by `now` when the first scan would not (the month before last); its tab name, or null. */
export async function seedLatestBulletin(store: SheetStore, now: Date): Promise<string | null> {
  const today = shanghaiDayOf(now);
  const snapshot = await store.read([...TAB_SPECS]);
  const model = readWorkbook(snapshot, today, readSettings(snapshot, today));
  // Last month's, once due, is the first scan's to write (and, on the servers, to mail).
  const due = earlierBulletinDue(model, generatedBulletins(snapshot.tabs[AUDIT_TAB]), beijingStamp(now));
  if (!due) return null;
  await store.apply(
    { ...emptyPlan(), tabs: [due.tab], rows: [{ tab: AUDIT_TAB, rows: [due.audit] }] },
    snapshot,
  );
  return due.tab.name;
}
