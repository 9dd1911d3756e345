import { faultRun } from '../test/fault/fault-harness';
import { TAB_SPECS } from '../src/workbook/schema/tabs';
await faultRun({ days: 212, seed: 1, log: (l) => l.startsWith('2027') && console.log(l.slice(0,100)), inspect: async ({ faulty }) => {
  const snap = await faulty.store.read([...TAB_SPECS]);
  for (const r of snap.tabs['文书登记']!.rows) if (String(r.cells['去重键']).startsWith('DB-2026-007|') && String(r.cells['生成时间']) > '2026-12') console.log(r.row, r.cells['文号'], r.cells['发送状态'], r.cells['生成时间'], r.cells['去重键']);
  for (const r of snap.tabs['督办台账']!.rows) if (r.cells['编号'] === 'DB-2026-007') console.log(r.cells['状态'], r.cells['系统提示']);
}});
