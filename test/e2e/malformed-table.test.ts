/**
 * Issue 10, "every bad input answered": 130 malformed or unusual inputs, each put into its own row of the demo county
 * (task tabs, ledgers, 通讯录, 节假日, 规则配置), then one scan on the memory store. Every case must be either reported
 * — a problem with a Chinese message on that tab and row (and, for a task, 状态 数据有误 or the message in its
 * 系统提示) — or read correctly (the value the rules use is the one a clerk meant). Silently wrong: 0.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import type { ScanSummary } from '../../src/scan/types';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import type { FixtureTab, MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import type { Cell, Snapshot } from '../../src/store/port';
import { readWorkbook, type WorkbookModel } from '../../src/workbook/read-workbook';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

const TODAY = '2026-06-15';
type Tab =
  | '挂图作战表'
  | '督办台账'
  | '反馈记录'
  | '延期申请'
  | '办结审批'
  | '任务清单'
  | '节假日'
  | '通讯录'
  | '规则配置';

/** What the case's row must show after the scan. */
type Expect = { problem: string } | { reads: (model: WorkbookModel, row: number) => void };

interface Case {
  name: string;
  tab: Tab;
  /** Header → value set in the case's row (a task row of the demo, or a copy of a ledger's first row appended). */
  cells: Record<string, Cell>;
  expect: Expect;
  /** Merge this row's 编号 with the next row's (staff merging two rows of one task). */
  mergeDown?: boolean;
  /** 规则配置 cases name the key whose value they set. */
  configKey?: string;
}

const dayOf = (model: WorkbookModel, tab: string, row: number) => {
  const entry = model.entries.find((e) => e.task.tab === tab && e.task.row === row)!;
  return entry.task;
};
const deadlineIs = (iso: string) => (m: WorkbookModel, row: number) =>
  expect(dayOf(m, '挂图作战表', row).deadline).toEqual({ kind: 'date', day: toDay(iso) });
const ongoing = (m: WorkbookModel, row: number) =>
  expect(dayOf(m, '挂图作战表', row).deadline).toEqual({ kind: 'ongoing' });
const redFlag = (flag: boolean) => (m: WorkbookModel, row: number) =>
  expect(dayOf(m, '挂图作战表', row).redFlag).toBe(flag);
const starsAre = (n: number) => (m: WorkbookModel, row: number) =>
  expect(dayOf(m, '挂图作战表', row).stars).toBe(n);

const task = (name: string, cells: Record<string, Cell>, expect: Expect, tab: Tab = '挂图作战表'): Case => ({
  name,
  tab,
  cells,
  expect,
});
const deadline = (value: Cell, expect: Expect) =>
  task(`完成时限 ${JSON.stringify(value)}`, { 完成时限: value }, expect);

const VALID_DEADLINES: Array<[Cell, string | 'ongoing']> = [
  ['2026-03-31', '2026-03-31'],
  ['2026/3/31', '2026-03-31'],
  ['2026.3.31', '2026-03-31'],
  ['2026-3-1', '2026-03-01'],
  ['2026年3月31日', '2026-03-31'],
  ['2026年3月31号', '2026-03-31'],
  ['3月31日', '2026-03-31'],
  ['3月底', '2026-03-31'],
  ['2月末', '2026-02-28'],
  ['6月30日前', '2026-06-30'],
  ['年底', '2026-12-31'],
  ['年内', '2026-12-31'],
  ['12月底', '2026-12-31'],
  ['上半年', '2026-06-30'],
  ['三季度末', '2026-09-30'],
  [46112, '2026-03-31'],
  [{ date: '2026-09-30' }, '2026-09-30'],
  ['２０２６－１２－３１', '2026-12-31'],
  [' 2026-12-31 ', '2026-12-31'],
  ['2026 年 10 月 8 日', '2026-10-08'],
  [{ formula: 'DATE(2026,12,31)', result: '2026-12-31' }, '2026-12-31'],
  ['长期', 'ongoing'],
  ['持续推进', 'ongoing'],
  ['常态化', 'ongoing'],
];
const BAD_DEADLINES: Cell[] = [
  '下个月',
  '2026-02-30',
  '3月32日',
  '两日内',
  '2026/13/01',
  '2026-03-31、2026-04-30',
  'ASAP',
  '9月中旬',
  '尽快完成',
  '本月底',
  'Q3',
  'TBD',
  '2026年13月1日',
  '2月29日',
  '31/12/2026',
  '2026-6-31',
  'Dec 31',
  { error: '#REF!' },
  { error: '#N/A' },
  { formula: 'A1', result: null },
  { formula: 'A1/0', result: '#DIV/0!' },
  true,
  -5,
];

const CASES: Case[] = [
  ...VALID_DEADLINES.map(([value, day]) =>
    deadline(value, { reads: day === 'ongoing' ? ongoing : deadlineIs(day) }),
  ),
  ...BAD_DEADLINES.map((value) => deadline(value, { problem: 'bad-date' })),
  deadline(null, { problem: 'missing-value' }),
  // 编号: error values and formulas are problems, not ids; duplicates mark every row.
  task('编号 #REF!', { 编号: { error: '#REF!' } }, { problem: 'id-error' }),
  task('编号 #N/A', { 编号: { error: '#N/A' } }, { problem: 'id-error' }),
  task(
    '编号 formula with a result',
    { 编号: { formula: '"ZD-2026-"&ROW()', result: 'ZD-2026-150' } },
    { problem: 'id-formula' },
  ),
  task('编号 formula without a result', { 编号: { formula: 'B3', result: null } }, { problem: 'id-formula' }),
  task('编号 of another row (ZD-2026-001)', { 编号: 'ZD-2026-001' }, { problem: 'duplicate-id' }),
  task('编号 of another row with a trailing space', { 编号: 'ZD-2026-002 ' }, { problem: 'duplicate-id' }),
  task(
    '编号 of a 挂图作战表 row on 督办台账',
    { 编号: 'ZD-2026-003' },
    { problem: 'duplicate-id' },
    '督办台账',
  ),
  task('编号 of a 督办台账 row on 挂图作战表', { 编号: 'DB-2026-001' }, { problem: 'duplicate-id' }),
  {
    ...task('编号 merged over two rows', { 编号: 'ZD-2026-777' }, { problem: 'duplicate-id' }),
    mergeDown: true,
  },
  task(
    '编号 blank on a row with a task: numbered by the scan',
    { 编号: null },
    {
      reads: (m, row) => expect(dayOf(m, '挂图作战表', row).id).toMatch(/^ZD-2026-\d{3}$/),
    },
  ),
  // 红牌标记: the usual yes-forms, the no-forms, and anything else reported.
  ...(['是', 'Y', 'y', 'YES', '√', '✔', '✓', '1', '红牌', '是 '] as const).map((v) =>
    task(`红牌标记 ${v}`, { 红牌标记: v }, { reads: redFlag(true) }),
  ),
  ...(['否', '×', '0', 'N', ''] as const).map((v) =>
    task(`红牌标记 ${JSON.stringify(v)}`, { 红牌标记: v }, { reads: redFlag(false) }),
  ),
  ...(['待定', '可能', '2', '黄牌'] as const).map((v) =>
    task(`红牌标记 ${v}`, { 红牌标记: v }, { problem: 'bad-red-flag' }),
  ),
  // other task cells
  task('牵头单位 blank', { 牵头单位: null }, { problem: 'missing-value' }),
  task('牵头单位 not in 通讯录', { 牵头单位: '县不存在局' }, { problem: 'unknown-unit' }),
  task('牵头单位 #N/A', { 牵头单位: { error: '#N/A' } }, { problem: 'unknown-unit' }),
  task('事项来源 not in the list', { 事项来源: '群众来信来访转办' }, { problem: 'unknown-source' }),
  task('星级 ★★★', { 星级: '★★★' }, { reads: starsAre(3) }),
  task('星级 3', { 星级: '3' }, { reads: starsAre(3) }),
  task('星级 六星', { 星级: '六星' }, { problem: 'bad-stars' }),
  task('星级 ★★★★★★', { 星级: '★★★★★★' }, { problem: 'bad-stars' }),
  task('6月 完成情况 #DIV/0!', { '6月/完成情况': { error: '#DIV/0!' } }, { problem: 'error-cell' }),
  task('年度目标 of 10,000 characters', { 年度目标: '很长的说明'.repeat(2000) }, { problem: 'too-long' }),
  task('事项类型 特急', { 事项类型: '特急' }, { problem: 'bad-item-type' }, '督办台账'),
  task('交办日期 blank', { 交办日期: null }, { problem: 'missing-value' }, '督办台账'),
  task('交办日期 上周', { 交办日期: '上周' }, { problem: 'bad-date' }, '督办台账'),
  task(
    '督办台账 红牌标记 √',
    { 红牌标记: '√' },
    {
      reads: (m, row) => expect(dayOf(m, '督办台账', row).redFlag).toBe(true),
    },
    '督办台账',
  ),
  // ledgers: a copy of the tab's first row with one cell changed
  ledger('反馈记录', { 编号: null }, 'missing-value'),
  ledger('反馈记录', { 编号: 'ZD-2099-999' }, 'unknown-id'),
  ledger('反馈记录', { 时间: '昨天下午' }, 'bad-date'),
  ledger('反馈记录', { 时间: null }, 'missing-value'),
  ledger('反馈记录', { 月份: '十三月' }, 'bad-month'),
  ledger('反馈记录', { 月份: '13' }, 'bad-month'),
  ledger('反馈记录', { 进度: '一半' }, 'bad-progress'),
  ledgerReads('反馈记录', { 进度: '６０％', 月份: '６月', 编号: 'ZD-2026-004' }, (m) =>
    expect(
      m.entries
        .find((e) => e.task.id === 'ZD-2026-004')!
        .facts.feedback.some((f) => f.progress === 60 && f.month === 6),
    ).toBe(true),
  ),
  ledger('延期申请', { 状态: '批准' }, 'bad-status'),
  ledger('延期申请', { 申请完成时限: '以后' }, 'bad-date'),
  ledger('延期申请', { 编号: 'ZD-2099-001' }, 'unknown-id'),
  ledger('办结审批', { 编号: 'ZD-2099-002' }, 'unknown-id'),
  ledger('办结审批', { 督查室核实日期: '当天' }, 'bad-date'),
  ledger('任务清单', { 完成时限: '尽快' }, 'bad-date'),
  ledger('任务清单', { 完成时限: null }, 'missing-value'),
  ledger('任务清单', { 编号: 'ZD-2099-003' }, 'unknown-id'),
  ledger('节假日', { 日期: '国庆' }, 'bad-date'),
  ledger('节假日', { 类型: '休息' }, 'bad-holiday-kind'),
  ledgerReads('节假日', { 日期: '2026-06-16', 类型: '放假', 名称: '防汛' }, (m) =>
    expect(m.calendar.isWorkday(toDay('2026-06-16'))).toBe(false),
  ),
  ledgerReads('节假日', { 日期: '２０２６－０６－１７', 类型: '放假', 名称: '全角' }, (m) =>
    expect(m.calendar.isWorkday(toDay('2026-06-17'))).toBe(false),
  ),
  ledgerReads('节假日', { 日期: '2026-06-20', 类型: '调休上班', 名称: '补班' }, (m) =>
    expect(m.calendar.isWorkday(toDay('2026-06-20'))).toBe(true),
  ),
  ledger('通讯录', { 邮箱: 'zhangsan' }, 'bad-email'),
  ledger('通讯录', { 邮箱: '张三@单位' }, 'bad-email'),
  ledger('通讯录', { 邮箱: 'a b@example.gov.cn' }, 'bad-email'),
  ledger('通讯录', { 邮箱: null, 角色: '联络员' }, 'missing-email'),
  // The bodies copied on 催办单 / 督办单 (seed 004 §五.4) cannot get their copies without an address either.
  ledger('通讯录', { 邮箱: null, 角色: '作风办' }, 'missing-email'),
  ledgerReads(
    '通讯录',
    { 邮箱: ' new.liaison@example.gov.cn ', 姓名: '新联络员', 单位: '县发改局', 角色: '联络员' },
    (m) =>
      expect(m.directory.people.find((p) => p.name === '新联络员')?.email).toBe('new.liaison@example.gov.cn'),
  ),
  // 规则配置: full-width digits read like the date cells; absurd values refused with their default used
  config('临期工作日', '７', (m) => expect(m.config.dueSoonWorkdays).toBe(7)),
  config('每日扫描时间', '０８：４５', (m) => expect(m.config.scanTime).toBe('08:45')),
  config('升级间隔工作日', ' 4 ', (m) => expect(m.config.escalationWorkdays).toBe(4)),
  config('常务会议反馈时限', '１０个工作日', (m) => expect(m.config.executiveLimit).toBe('10个工作日')),
  config('红牌逾期工作日', '999', 'bad-config'),
  config('13710一般事项时限', '0天', 'bad-config'),
  config('全体会议反馈时限', '9999个工作日', 'bad-config'),
  config('13710复杂事项时限', '100个月', 'bad-config'),
  config('文号前缀', '临'.repeat(500), 'bad-config'),
  config('机关名称', '县'.repeat(300), 'bad-config'),
  config('整改期限工作日', '3.5', 'bad-config'),
  config('周报星期', '８', 'bad-config'),
  config('日历日期限顺延', 'yes', 'bad-config'),
  config('月度反馈截止工作日', '第五个', 'bad-config'),
  config('临期天数', '5', 'unknown-config'),
];

function ledger(tab: Tab, cells: Record<string, Cell>, problem: string): Case {
  return {
    name: `${tab} ${JSON.stringify(cells).slice(0, 60)}`,
    tab,
    cells: rename(cells),
    expect: { problem },
  };
}
function ledgerReads(tab: Tab, cells: Record<string, Cell>, reads: (m: WorkbookModel) => void): Case {
  return {
    name: `${tab} ${JSON.stringify(cells).slice(0, 60)}`,
    tab,
    cells: rename(cells),
    expect: { reads },
  };
}
function config(key: string, value: string, expect: string | ((m: WorkbookModel) => void)): Case {
  return {
    name: `规则配置 ${key} = ${value.slice(0, 20)}`,
    tab: '规则配置',
    cells: { 配置项: key, 取值: value },
    configKey: key,
    expect: typeof expect === 'string' ? { problem: expect } : { reads: expect },
  };
}
/** `进度` is short for the header `进度(%)`. */
function rename(cells: Record<string, Cell>): Record<string, Cell> {
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [k === '进度' ? '进度(%)' : k, v]));
}

/** The column index (0-based) of a header key in a fixture tab: `6月/完成情况` looks under the 6月 group. */
function columnOf(tab: FixtureTab, key: string): number {
  const [group, sub] = key.split('/');
  const top = tab.rows[0]!.findIndex((h) => h === group);
  if (top < 0) throw new Error(`no header ${key} on ${tab.name}`);
  if (!sub) return top;
  for (let c = top; c < tab.rows[1]!.length; c++) if (tab.rows[1]![c] === sub) return c;
  throw new Error(`no header ${key} on ${tab.name}`);
}

/** Put every case into the demo: task cases on their own data rows, ledger cases as appended rows. */
function corrupted(): { workbook: MemoryWorkbook; rows: number[] } {
  const workbook = demoWorkbook(TODAY);
  const tabOf = (name: string) => workbook.tabs.find((t) => t.name === name)!;
  const nextTaskRow: Record<string, number> = { 挂图作战表: 4, 督办台账: 3 }; // spare the first rows: their ids are reused
  const rows = CASES.map((c) => {
    const tab = tabOf(c.tab);
    if (c.tab === '规则配置') {
      const i = tab.rows.findIndex((r) => r[0] === c.configKey);
      const row = i >= 0 ? i : tab.rows.push([c.configKey!, null, null]) - 1;
      tab.rows[row]![1] = c.cells['取值']!;
      return row + 1;
    }
    let row: number;
    if (c.tab === '挂图作战表' || c.tab === '督办台账') {
      row = nextTaskRow[c.tab]!++;
      const first = c.tab === '挂图作战表' ? 2 : 1;
      while (tab.rows.length < row + 1) {
        // more cases than demo rows: a copy of the first task under a fresh 编号
        const copy = [...tab.rows[first]!];
        copy[columnOf(tab, '编号')] = `${c.tab === '挂图作战表' ? 'ZD' : 'DB'}-2026-${500 + tab.rows.length}`;
        tab.rows.push(copy);
      }
      if (c.mergeDown) {
        const col = columnOf(tab, '编号');
        tab.rows[row]![col] = null; // the lower cell of a merge holds nothing
        const letter = String.fromCharCode(65 + col);
        tab.merges = [...(tab.merges ?? []), `${letter}${row}:${letter}${row + 1}`];
        nextTaskRow[c.tab]!++;
      }
    } else {
      const header = tab.rows[0]!;
      const template = tab.rows[1] ?? header.map(() => null);
      tab.rows.push(header.map((_, i) => template[i] ?? null));
      row = tab.rows.length;
      if (c.tab === '节假日') tab.rows[row - 1] = [null, null, null];
      if (c.tab === '任务清单') tab.rows[row - 1]![columnOf(tab, '编号')] = 'ZD-2026-005';
    }
    for (const [key, value] of Object.entries(c.cells)) tab.rows[row - 1]![columnOf(tab, key)] = value;
    return row;
  });
  return { workbook, rows };
}

describe('130 malformed inputs: each reported in Chinese or read correctly', () => {
  it('answers every case; silently wrong: 0', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(130);
    const { workbook, rows } = corrupted();
    const store = createMemoryStore(workbook);
    const summary: ScanSummary = await runScan({
      store,
      mailer: createMemoryMailer(),
      from: FROM,
      now: at830(TODAY),
      runId: 'table',
    });
    const after: Snapshot = await store.read([...TAB_SPECS]);
    const model = readWorkbook(after, toDay(TODAY));
    const wrong: string[] = [];
    CASES.forEach((c, i) => {
      const row = rows[i]!;
      try {
        if ('reads' in c.expect) {
          c.expect.reads(model, row);
          return;
        }
        const code = c.expect.problem;
        const found = summary.problems.find(
          (p) => p.tab === c.tab && p.code === code && (c.tab === '规则配置' || p.row === row),
        );
        if (!found) throw new Error(`no ${code} problem on ${c.tab} row ${row}`);
        if (!/[\u4e00-\u9fff]/.test(found.message))
          throw new Error(`message not in Chinese: ${found.message}`);
        // A row with no readable 编号 cannot be addressed in the sheet: its problem is in the summary only.
        if ((c.tab === '挂图作战表' || c.tab === '督办台账') && found.id) {
          const written = after.tabs[c.tab]!.rows.find((r) => r.row === row)!;
          const hint = String(written.cells['系统提示'] ?? '');
          const status = String(written.cells['状态'] ?? '');
          // blocking problems show as 数据有误 and the message; notes travel in 系统提示
          if (status !== '数据有误' && !hint.includes(found.message.slice(0, 12)))
            throw new Error(`row ${row} shows 状态 ${status} and 系统提示 "${hint.slice(0, 60)}"`);
        }
      } catch (error) {
        wrong.push(`${c.name}: ${(error as Error).message.split('\n')[0]}`);
      }
    });
    expect(wrong).toEqual([]);
    // both holders of a repeated 编号 are marked, on one tab and across the two task tabs
    for (const id of ['ZD-2026-001', 'ZD-2026-002', 'ZD-2026-003', 'DB-2026-001', 'ZD-2026-777']) {
      const holders = ['挂图作战表', '督办台账'].flatMap((t) =>
        after.tabs[t]!.rows.filter((r) => String(r.cells['编号'] ?? '').trim() === id),
      );
      expect(holders.length, id).toBeGreaterThanOrEqual(2);
      for (const r of holders) expect(r.cells['状态'], `${id} row ${r.row}`).toBe('数据有误');
    }
  });
});
