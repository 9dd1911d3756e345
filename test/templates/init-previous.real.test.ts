/**
 * `duban init --previous`: the 2027 workbook takes over from the 2026 one the 督办台账 items not yet closed (编号 kept)
 * with their ledgers and notices, the 〔2027〕 文号 already issued, and the office's reference rows — not the battle
 * map; the 2026 workbook is left as it was. Scanned on 5 January 2027, the new workbook repeats no 文号 and a
 * carried item goes on up its ladder instead of starting again. The 2026 workbook scanned in 2027 issues no 文号.
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../sheets-templates/cli/init';
import { generateDemo } from '../../sheets-templates/demo';
import { writeTemplate } from '../../sheets-templates/xlsx/xlsx';
import { toDay } from '../../src/calendar/day';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { cellText } from '../../src/store/grid/cell-text';
import { readRegister } from '../../src/workbook/read-ledgers';
import type { Snapshot } from '../../src/store/port';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { configValues } from '../../src/workbook/read-settings';
import { duban } from '../e2e/cli';
import { startServer } from '../../src/local/serve';
import { RUN_SPECS, signerKeys, tabSpec } from '../../src/workbook/schema/tabs';
import { tempDir } from '../store/xlsx-harness';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** An instant given as Beijing wall-clock time. */
const beijing = (stamp: string) => new Date(`${stamp.replace(' ', 'T')}+08:00`);

/** A 文书登记 row of a notice already sent. */
function sent(docNo: string, type: string, id: string, day: string, period: string) {
  return {
    文号: docNo,
    类型: type,
    编号: id,
    发往单位: '县住建局',
    收件人: 'zjj@demo.gov.cn',
    事由: '已超过完成时限',
    时限要求: day,
    生成时间: `${day} 08:30:00`,
    发送状态: '已发送',
    去重键: `${id}|${type}|1|${period}`,
  };
}

/**
 * The demo county's 2026 workbook as of 3 December, then: DB-2026-011 moved out (已调出), DB-2026-009 closed by
 * the demo's own card (已办结); DB-2026-004's 12月31日 extended to 2027-03-31 (同意), DB-2026-017 asking for more
 * time (待审批), DB-2026-010's completion card signed by the unit only; 〔2027〕1号 催办单 and 督办单 issued from
 * this workbook on 4 January; 需签发文书 set to 无, 上年度工作簿 the 2025 workbook; a 2027 holiday typed in.
 */
async function workbook2026(file: string): Promise<void> {
  const demo = generateDemo({ year: 2026, asOf: '2026-12-03' });
  demo.规则配置!.push(
    { 配置项: '需签发文书', 取值: '无' },
    { 配置项: '上年度工作簿', 取值: 'D:\\督办\\督办-2025.xlsx' },
  );
  demo.调整记录!.push({
    编号: 'DB-2026-011',
    类型: '调出',
    理由: '市场整治改由市级统一组织',
    申请单位: '县市场监管局',
    分管领导意见: '同意',
    主要领导意见: '同意',
    日期: utc('2026-11-30'),
    状态: '同意',
  });
  demo.延期申请!.push(
    {
      申请号: 'YQ-DB-2026-004-1',
      编号: 'DB-2026-004',
      原完成时限: '2026-12-31',
      申请完成时限: '2027-03-31',
      理由: '寒假期间施工',
      申请人: '甲',
      申请时间: utc('2026-12-01'),
      状态: '同意',
      审批人: '乙',
      审批意见: '同意',
      审批时间: utc('2026-12-02'),
    },
    {
      申请号: 'YQ-DB-2026-017-1',
      编号: 'DB-2026-017',
      原完成时限: '2027-01-07',
      申请完成时限: '2027-04-30',
      理由: '冻土期无法施工',
      申请人: '丙',
      申请时间: utc('2026-12-02'),
      状态: '待审批',
    },
  );
  const head = signerKeys('承办单位主要负责人');
  demo.办结审批!.push({
    编号: 'DB-2026-010',
    事项来源: '上级交办',
    交办日期: utc('2026-11-25'),
    完成时限: '2027年1月12日',
    事项标题: '整改省营商环境评价反馈问题',
    承办单位: '县发改局',
    [head.opinion]: '已整改完毕，申请销号',
    [head.signature]: '丁',
    [head.date]: utc('2026-12-02'),
    状态: '审批中',
  });
  demo.文书登记!.push(
    sent('临政督催〔2027〕1号', '催办单', 'ZD-2026-061', '2027-01-04', '反馈@2026-12'),
    sent('临政督督〔2027〕1号', '督办单', 'ZD-2026-061', '2027-01-04', '逾期@2026-10-24'),
  );
  demo.节假日!.push({ 日期: utc('2027-02-06'), 类型: '放假', 名称: '春节' });
  await writeTemplate(file, { demo });
}

let dir: string;
let cleanup: () => Promise<void>;
let old: string;
let fresh: string;
let oldHash: string;
let printed: string;
let code: number;
let carried: Snapshot;

const hash = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
const text = (cells: Record<string, unknown>, key: string) => cellText((cells[key] ?? null) as never).trim();
const rowsOf = (s: Snapshot, tab: string) => s.tabs[tab]!.rows.map((r) => r.cells);

async function init(args: string[], now = beijing('2027-01-04 10:00:00')) {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
  try {
    const exit = await run(args, { interactive: false, ask: async () => '' }, now);
    return { exit, out: out.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  old = join(dir, '督办-2026.xlsx');
  fresh = join(dir, '督办-2027.xlsx');
  await workbook2026(old);
  oldHash = await hash(old);
  ({ exit: code, out: printed } = await init(['--workbook', fresh, '--previous', old]));
  carried = await createXlsxPackageStore(fresh).read([...RUN_SPECS]);
}, 120_000);
afterAll(() => cleanup());

describe('duban init --previous', () => {
  it('makes the 2027 workbook and leaves the 2026 one byte for byte as it was', async () => {
    expect(code, printed).toBe(0);
    expect(await hash(old)).toBe(oldHash);
    const model = readWorkbook(carried, toDay('2027-01-05'));
    expect(model.year).toBe(2027);
    expect(model.config.agencyName).toBe('临猗县人民政府办公室');
    expect(model.config.signedKinds).toEqual([]);
  });

  it('carries every open 督办台账 item with its 编号 and typed columns, not the closed ones nor the battle map', () => {
    const ids = rowsOf(carried, '督办台账').map((c) => text(c, '编号'));
    expect(ids).not.toContain('DB-2026-009');
    expect(ids).not.toContain('DB-2026-011');
    expect(ids).toContain('DB-2026-002');
    expect(ids).toHaveLength(18);
    expect(carried.tabs['挂图作战表']!.rows).toEqual([]);
    const item = rowsOf(carried, '督办台账').find((c) => text(c, '编号') === 'DB-2026-018')!;
    expect(text(item, '事项标题')).toBe('协助外贸企业加快出口退税');
    // 12月31日 was 2026's: written in full so the 2027 workbook does not read it as 2027-12-31.
    expect(text(item, '完成时限')).toBe('2026-12-31');
    expect(text(item, '状态')).toBe('');
    expect(printed).toMatch(/督办台账：未办结、未调出的事项 17项/);
    expect(printed).toMatch(/挂图作战表：66项任务。挂图作战表是年度计划/);
    expect(printed).toMatch(/已办结、已调出的事项 2项/);
  });

  it('says how to issue 2026’s December, fourth-quarter and year 通报 from the 2026 workbook, and from when', () => {
    expect(printed).toContain(
      [
        '2026年12月、第四季度和年度通报由上年度工作簿印发：12月完成情况的填报截止日 2027-01-08 之后，在程序目录运行',
        `  npx duban report --workbook ${old} --month 2026-12 --docx ${join(dir, '2026年12月通报.docx')}`,
        `  npx duban report --workbook ${old} --quarter 2026Q4 --docx ${join(dir, '2026年第四季度通报.docx')}`,
        `  npx duban report --workbook ${old} --year 2026 --docx ${join(dir, '2026年度通报.docx')}`,
        '  文号接着2026年的通报流水号编，不占2027年的号。新工作簿在「规则配置」的“上年度工作簿”中记下了上年度工作簿，' +
          '自 2027-01-09 起每次扫描都在数据问题中提醒，直至这些通报都已印发。',
      ].join('\n'),
    );
  });

  it('records the 2026 workbook in the 2027 workbook’s 规则配置 上年度工作簿, by its full path', () => {
    expect(configValues(carried.tabs['规则配置'])['上年度工作簿']).toBe(old);
    // The 2026 workbook's own 上年度工作簿 (2025's) is not a rule the office changed: not carried, not listed.
    expect(printed).toContain('规则配置 改过的 3项（机关名称、文号前缀、需签发文书）；');
  });

  it('carries their 延期 (the approved one moves the deadline, the pending one waits), cards and notices', async () => {
    const ext = rowsOf(carried, '延期申请').map((c) => `${text(c, '编号')} ${text(c, '状态')}`);
    expect(ext).toEqual(['DB-2026-004 同意', 'DB-2026-017 待审批']);
    expect(rowsOf(carried, '办结审批').map((c) => `${text(c, '编号')} ${text(c, '状态')}`)).toEqual([
      'DB-2026-010 审批中',
    ]);
    const docNos = rowsOf(carried, '文书登记').map((c) => text(c, '文号'));
    expect(docNos).toEqual([
      '临政督催〔2026〕2号',
      '临政督督〔2026〕1号',
      '临政督催〔2027〕1号',
      '临政督督〔2027〕1号',
    ]);
    const audit = await createXlsxPackageStore(fresh).read([tabSpec('审计日志')]);
    const carriedIn = rowsOf(audit, '审计日志').filter((c) => text(c, '动作') === '年度转入');
    expect(carriedIn).toHaveLength(17);
    // Written as a date-time cell, like the rows the scan appends after it.
    expect(carriedIn[0]!['时间']).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      time: expect.stringMatching(/^\d{2}:\d{2}:\d{2}$/),
    });
  });

  it('carries 通讯录, the changed 规则配置 and only the 2027 节假日 rows', () => {
    expect(carried.tabs['通讯录']!.rows).toHaveLength(50);
    expect(rowsOf(carried, '节假日').map((c) => `${text(c, '日期')} ${text(c, '名称')}`)).toEqual([
      '2027-02-06 春节',
    ]);
  });

  it('scanned on 5 January 2027 it repeats no 文号 and carried items keep their ladder and deadlines', async () => {
    const summary = await runScan({
      store: createXlsxPackageStore(fresh),
      mailer: createMemoryMailer(),
      now: beijing('2027-01-05 08:30:00'),
      from: { address: 'duban@demo.gov.cn' },
    });
    expect(summary.stopped ?? false).toBe(false);
    const after = await createXlsxPackageStore(fresh).read([...RUN_SPECS]);
    const register = rowsOf(after, '文书登记');
    const numbered = register.map((c) => text(c, '文号')).filter(Boolean);
    expect(numbered.length).toBeGreaterThan(4);
    expect(new Set(numbered).size).toBe(numbered.length);
    const urged = register.filter((c) => text(c, '编号') === 'DB-2026-002').map((c) => text(c, '类型'));
    // 催办单 and 督办单 went out in 2026: the ladder goes on to the 督办通知书, not back to a 催办单.
    expect(urged.filter((t) => ['催办单', '督办单', '督办通知书'].includes(t))).toEqual([
      '催办单',
      '督办单',
      '督办通知书',
    ]);
    const model = readWorkbook(after, toDay('2027-01-05'));
    const row = (id: string) => model.entries.find((e) => e.task.id === id)!.row.cells;
    expect(Number(text(row('DB-2026-002'), '催办次数'))).toBeGreaterThanOrEqual(2);
    expect(text(row('DB-2026-018'), '状态')).toBe('逾期');
    expect(text(row('DB-2026-004'), '状态')).not.toBe('逾期');
  });
});

describe('duban init --previous refuses', () => {
  it.each([
    ['a missing file', () => ['--previous', join(dir, '没有.xlsx')], /找不到上年度工作簿/],
    ['the same year', () => ['--previous', old, '--year', '2026'], /是2026年度的，与新工作簿同一年度/],
    ['a year that does not follow', () => ['--previous', old, '--year', '2028'], /应为上年度（2027年度）/],
  ])('%s, in Chinese, exit 2', async (_, args, message) => {
    const { exit, out } = await init(['--workbook', join(dir, `新-${Math.random()}.xlsx`), ...args()]);
    expect(exit).toBe(2);
    expect(out).toMatch(message);
  });

  it('a workbook that is not a 督办 workbook', async () => {
    const other = join(dir, '工资表.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('工资').addRow(['姓名', '金额']);
    await wb.xlsx.writeFile(other);
    const { exit, out } = await init(['--workbook', join(dir, 'x.xlsx'), '--previous', other]);
    expect(exit).toBe(2);
    expect(out).toMatch(/不是督查督办工作簿（没有「督办台账」「文书登记」「规则配置」工作表）/);
  });
});

describe('the 2026 workbook scanned on 4 January 2027', () => {
  it('issues no 文号 and says to carry the items into the 2027 workbook', async () => {
    const copy = join(dir, '督办-2026-副本.xlsx');
    await copyFile(old, copy);
    const summary = await runScan({
      store: createXlsxPackageStore(copy),
      mailer: createMemoryMailer(),
      now: beijing('2027-01-04 08:30:00'),
      from: { address: 'duban@demo.gov.cn' },
    });
    const problem = summary.problems.find((p) => p.code === 'past-year-workbook');
    expect(problem?.message).toMatch(/本工作簿是2026年度的，今天已是2027年：\d+份需编文号的通知/);
    expect(problem?.message).toContain('--previous 本工作簿');
    const after = await createXlsxPackageStore(copy).read([...RUN_SPECS]);
    const of2027 = rowsOf(after, '文书登记')
      .map((c) => text(c, '文号'))
      .filter((d) => d.includes('〔2027〕'));
    expect(of2027).toEqual(['临政督催〔2027〕1号', '临政督督〔2027〕1号']);
  });
});

describe('the 2027 workbook’s scan reminds the 督查室 of 2026’s year-end 通报 until they are issued', () => {
  const scan = (day: string) => duban(['scan', '--workbook', fresh, '--date', day, '--dry-run']);

  it('duban serve’s status page shows it among the last scan’s problems', async () => {
    const server = await startServer({
      workbook: fresh,
      port: 0,
      schedule: false,
      scanOnStart: true,
      now: () => beijing('2027-01-11 08:30:00'),
    });
    try {
      expect(server.firstScan?.problems[0]?.code).toBe('year-end-bulletins');
      const page = await (await fetch(server.url)).text();
      expect(page).toContain('2026年12月、第四季度、年度通报尚未印发');
      expect(page).toContain(`npx duban report --workbook ${old} --year 2026`);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('from 9 January names the commands; they issue the 通报 from the 2026 workbook; then it stops', async () => {
    const early = scan('2027-01-08');
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout).not.toContain('通报尚未印发');

    const due = scan('2027-01-11');
    expect(due.code, due.stderr).toBe(0);
    const line = due.stdout.split('\n').find((l) => l.includes('通报尚未印发'));
    expect(line).toMatch(/^  - 2026年12月、第四季度、年度通报尚未印发：12月完成情况已于2027年1月8日截止报送/);
    const commands = [...line!.matchAll(/npx duban (report [^；。]+)/g)].map((m) => m[1]!.split(' '));
    expect(commands.map((c) => c.slice(3, 5).join(' '))).toEqual([
      '--month 2026-12',
      '--quarter 2026Q4',
      '--year 2026',
    ]);

    // The clerk runs them as written (on 11 January): each 通报 is numbered in 2026's series in the 2026 workbook.
    for (const args of commands) {
      const issued = duban([...args, '--date', '2027-01-11']);
      expect(issued.code, issued.stderr).toBe(0);
    }
    expect(existsSync(join(dir, '2026年度通报.docx'))).toBe(true);
    const register = readRegister(
      (await createXlsxPackageStore(old).read([tabSpec('文书登记')])).tabs['文书登记'],
      2026,
    );
    expect(register.filter((r) => r.type === '通报').map((r) => r.docNo)).toEqual([
      '临政督通报〔2026〕1号',
      '临政督通报〔2026〕2号',
      '临政督通报〔2026〕3号',
    ]);

    const after = scan('2027-01-12');
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).not.toContain('通报尚未印发');
  }, 240_000);
});
