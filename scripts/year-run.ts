/**
 * The demo county scanned on every working day of a year (issue 9 "Must show"): cards and card notices per month,
 * and e-mails per person per day. Staff never type anything after the start, so later months go unreported.
 *
 *   npx tsx scripts/year-run.ts [YEAR] [START]     # default 2026, the demo generated as of 2026-01-05
 */
import { defaultCalendar, isoOf, toDay } from '../src/calendar';
import { createMemoryMailer } from '../src/mail/memory';
import { runScan } from '../src/scan/run-scan';
import { createMemoryStore } from '../src/store/drivers/memory/memory';
import { cellText } from '../src/store/grid/cell-text';
import { tabSpec } from '../src/workbook/schema/tabs';
import { demoWorkbook } from '../test/scan/demo-workbook';

const year = Number(process.argv[2] ?? 2026);
const start = process.argv[3] ?? `${year}-01-05`;
const cal = defaultCalendar();
const store = createMemoryStore(demoWorkbook(start));
const mailer = createMemoryMailer();
const perMonth = new Map<string, { days: number; red: number; yellow: number; blue: number; 约谈建议: number; 提醒函: number }>();
const perPersonDay = new Map<string, { all: number; routine: number }>();
/** Mails to or copied to one address on one day, and those without a 文号 (digests, briefs). */
const perAddressDay = new Map<string, { all: number; plain: number }>();

for (let day = toDay(start); day <= toDay(`${year}-12-31`); day++) {
  if (!cal.isWorkday(day)) continue;
  const before = mailer.sent.length;
  const s = await runScan({ store, mailer, from: { address: 'duban@demo.gov.cn' }, now: new Date(day * 86_400_000 + 30 * 60_000) });
  const month = isoOf(day).slice(0, 7);
  const m = perMonth.get(month) ?? { days: 0, red: 0, yellow: 0, blue: 0, 约谈建议: 0, 提醒函: 0 };
  m.days++;
  m.red += s.byCard.红牌;
  m.yellow += s.byCard.黄牌;
  m.blue += s.byCard.蓝牌;
  for (const msg of mailer.sent.slice(before)) {
    const routine = msg.subject.startsWith('【督办提醒】');
    for (const a of [...msg.to, ...(msg.cc ?? [])]) {
      const key = `${a.address}@${isoOf(day)}`;
      const p = perAddressDay.get(key) ?? { all: 0, plain: 0 };
      p.all++;
      if (!msg.headers?.['X-Duban-Doc-No']) p.plain++;
      perAddressDay.set(key, p);
    }
    for (const to of msg.to) {
      const key = `${to.address}@${isoOf(day)}`;
      const p = perPersonDay.get(key) ?? { all: 0, routine: 0 };
      p.all++;
      if (routine) p.routine++;
      perPersonDay.set(key, p);
    }
  }
  perMonth.set(month, m);
}

// Card notices by the month they were registered: a 约谈建议 travels in the leader's daily brief, so count register rows,
// not e-mails.
const register = (await store.read([tabSpec('文书登记')])).tabs['文书登记']?.rows ?? [];
for (const row of register) {
  const type = cellText(row.cells['类型'] ?? null);
  const m = perMonth.get(cellText(row.cells['生成时间'] ?? null).slice(0, 7));
  if (m && (type === '约谈建议' || type === '提醒函')) m[type]++;
}

console.log('month    days  红牌/day 黄牌/day 蓝牌/day 约谈建议 提醒函');
for (const [month, m] of perMonth) {
  const avg = (n: number) => (n / m.days).toFixed(1).padStart(8);
  console.log(`${month} ${String(m.days).padStart(5)} ${avg(m.red)} ${avg(m.yellow)} ${avg(m.blue)} ${String(m.约谈建议).padStart(8)} ${String(m.提醒函).padStart(6)}`);
}
const all = [...perPersonDay.values()];
const max = (k: 'all' | 'routine') => Math.max(...all.map((p) => p[k]));
const mean = (k: 'all' | 'routine') => (all.reduce((n, p) => n + p[k], 0) / all.length).toFixed(2);
console.log(`mails: ${mailer.sent.length}; per person per day (days they got any): max ${max('all')}, mean ${mean('all')}; digests max ${max('routine')}`);
const each = [...perAddressDay.values()];
const top = (k: 'all' | 'plain') => Math.max(...each.map((p) => p[k]));
const avg = (k: 'all' | 'plain') => (each.reduce((n, p) => n + p[k], 0) / each.length).toFixed(2);
console.log(`to + cc per address per day: all mails max ${top('all')}, mean ${avg('all')}; without a 文号 max ${top('plain')}, mean ${avg('plain')}`);
const LEADERS = /^(xianzhang|changwu|fxz\.)/;
const leaders = [...perAddressDay].filter(([k]) => LEADERS.test(k)).map(([, p]) => p.all);
if (leaders.length) console.log(`leaders (县长, 分管副县长): mails per day max ${Math.max(...leaders)}, mean ${(leaders.reduce((a, b) => a + b, 0) / leaders.length).toFixed(2)}`);
