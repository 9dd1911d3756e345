import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_FILL, MONTH_FILL, STATUS_FILL } from '../../src/workbook/palette';
import { duban } from './cli';
import { sendWithoutSigning } from './no-signing';
import { readBook, readRows, rowWhere, type ReadRow } from './sheet-reader';

// A demo county on Friday 2026-11-20: October's reports were due 11月6日 (5th working day of November).
const DATE = '2026-11-20';
const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
const workbook = join(dir, 'demo.xlsx');
const outbox = join(dir, 'outbox');
let before: ReturnType<typeof readBook>;
let after: ReturnType<typeof readBook>;
let summary: Record<string, any>;

beforeAll(async () => {
  expect(duban(['init', '--demo', '--as-of', DATE, '--workbook', workbook]).code).toBe(0);
  await sendWithoutSigning(workbook); // the 文号 / outbox mechanics; 签发 is tested in test/scan/signing.test.ts
  before = readBook(workbook);
  const scan = duban(['scan', '--workbook', workbook, '--date', DATE, '--outbox', outbox, '--json']);
  expect(scan.stderr).toBe('');
  expect(scan.code).toBe(0);
  summary = JSON.parse(scan.stdout);
  after = readBook(workbook);
}, 180_000);

const task = (title: string): ReadRow => rowWhere(readRows(after, '挂图作战表'), '工作任务', title);

describe('duban scan on the demo workbook (read back with SheetJS)', () => {
  it('prints one JSON summary with the documented fields', () => {
    expect(Object.keys(summary).sort()).toEqual(
      [
        'auditRows',
        'byCard',
        'byStatus',
        'cellsWritten',
        'date',
        'fillsWritten',
        'idsAssigned',
        'notices',
        'problems',
        'provisionalYears',
        'overdueUnits',
        'tasks',
      ].sort(),
    );
    expect(summary.date).toBe(DATE);
    expect(summary.tasks).toBeGreaterThanOrEqual(60);
    for (const status of ['已办结', '已调出', '逾期', '临期', '滞后', '未启动', '正常推进', '数据有误'])
      expect(summary.byStatus[status]).toBeGreaterThan(0);
    for (const card of ['红牌', '黄牌', '蓝牌']) expect(summary.byCard[card]).toBeGreaterThan(0);
    const unnumbered = ['挂图作战表', '督办台账']
      .flatMap((t) => readRows(before, t))
      .filter((r) => !r.values['编号'] && (r.values['工作任务'] || r.values['事项标题']));
    expect(unnumbered.length).toBeGreaterThan(0);
    expect(summary.idsAssigned).toBe(unnumbered.length);
  });

  it('one missed month: 滞后 in orange with a 蓝牌, September red (due 10月13日 after 国庆), others green, November unpainted', () => {
    const row = task('规上工业企业培育');
    expect(row.values['状态']).toBe('滞后');
    expect(row.fills['状态']).toBe(STATUS_FILL.滞后);
    expect(row.values['预警']).toBe('蓝牌');
    expect(row.fills['预警']).toBe(CARD_FILL.蓝牌);
    expect(row.fills['9月/完成情况']).toBe(MONTH_FILL.missing);
    expect(row.fills['8月/完成情况']).toBe(MONTH_FILL.done);
    expect(row.fills['10月/完成情况']).toBe(MONTH_FILL.done);
    expect(row.fills['11月/完成情况']).toBeNull();
    expect(row.values['系统提示']).toContain(
      '9月应完成“推动企业达产入统，累计完成75%”未反馈，已超过反馈截止日 10月13日',
    );
  });

  it('two missed months in a row: 黄牌', () => {
    const row = task('乡镇综合文化站提档升级');
    expect([row.values['状态'], row.values['预警']]).toEqual(['滞后', '黄牌']);
    // August had no report; September's came in as 未完成: the reason says which.
    expect(row.values['系统提示']).toContain('黄牌：连续2个月未按计划完成（8月未反馈，9月反馈为未完成）');
  });

  it('long overdue after a 催办单: 逾期 in red with a 红牌 and the 督办单 counted in 催办次数', () => {
    const row = task('重点项目征地拆迁');
    expect([row.values['状态'], row.values['预警']]).toEqual(['逾期', '红牌']);
    expect(row.fills['状态']).toBe(STATUS_FILL.逾期);
    expect(Number(row.values['剩余工作日'])).toBeLessThan(-10);
    expect(row.values['催办次数']).toBe('2');
  });

  it('an unreadable 完成时限: 数据有误 in purple, naming the cell and the accepted forms', () => {
    const row = task('文旅融合发展');
    expect(row.values['状态']).toBe('数据有误');
    expect(row.fills['状态']).toBe(STATUS_FILL.数据有误);
    expect(row.values['系统提示']).toMatch(/「完成时限」"尽快完成"无法识别：请填写日期，如 2026-03-31/);
    expect(summary.problems).toContainEqual(
      expect.objectContaining({ tab: '挂图作战表', row: row.row, cell: '完成时限', code: 'bad-date' }),
    );
  });

  it('new 审计日志 rows record before and after of every change', () => {
    const oldCount = readRows(before, '审计日志').length;
    const rows = readRows(after, '审计日志');
    expect(rows.length - oldCount).toBe(summary.auditRows);
    const id = task('重点项目征地拆迁').values['编号'];
    const status = rows.find((r) => r.values['编号'] === id && r.values['动作'] === '状态变更')!;
    expect(status.values).toMatchObject({
      操作者: '系统',
      字段: '状态',
      原值: '',
      新值: '逾期',
      // A date-time cell, shown to the minute as Excel and WPS show it.
      时间: `${DATE} 08:30`,
    });
    expect(
      rows.some(
        (r) => r.values['编号'] === id && r.values['动作'] === '预警变更' && r.values['新值'] === '红牌',
      ),
    ).toBe(true);
    expect(rows.filter((r) => r.values['动作'] === '编号')).toHaveLength(summary.idsAssigned);
  });

  it('文书登记 gets numbered notices, 已存入发件箱 with no mail server set; the 督办单 follows the earlier 催办单', () => {
    const oldCount = readRows(before, '文书登记').length;
    const added = readRows(after, '文书登记').slice(oldCount);
    expect(added.length).toBe(summary.notices.created);
    // No mail server in this test: the .eml files are in the outbox, and the register says so (issue 13).
    expect(added.every((r) => r.values['发送状态'] === '已存入发件箱')).toBe(true);
    const id = task('重点项目征地拆迁').values['编号'];
    const duban = added.find((r) => r.values['编号'] === id && r.values['类型'] === '督办单')!;
    expect(duban.values['文号']).toMatch(/^临政督督〔2026〕\d+号$/);
    expect(duban.values['去重键']).toMatch(new RegExp(`^${id}\\|督办单\\|2\\|逾期@2026-\\d{2}-\\d{2}$`));
    const numbered = added.filter((r) => r.values['文号']);
    expect(new Set(numbered.map((r) => r.values['文号'])).size).toBe(numbered.length);
  });

  it('writes one .eml per notice: parseable, addressed to the unit, carrying the 文号', async () => {
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBe(summary.notices.sent);
    const id = task('重点项目征地拆迁').values['编号'];
    const reg = readRows(after, '文书登记').find(
      (r) => r.values['编号'] === id && r.values['类型'] === '督办单',
    )!;
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
    const mail = mails.find((m) => m.subject?.includes(reg.values['文号']!))!;
    expect(mail.subject).toContain('【督办单】');
    expect(mail.text).toContain(reg.values['文号']);
    expect(mail.text).toContain('重点项目征地拆迁');
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to!]).flatMap((a) => a.value.map((v) => v.address));
    expect(to.sort()).toEqual(
      reg.values['收件人']!.match(/<([^>]+)>/g)!
        .map((s) => s.slice(1, -1))
        .sort(),
    );
    const contacts = readRows(after, '通讯录')
      .filter((r) => r.values['单位'] === '城关镇')
      .map((r) => r.values['邮箱']);
    expect(to.every((a) => contacts.includes(a!))).toBe(true);
  });

  it('a second scan of the same day writes nothing, creates nothing and sends nothing', () => {
    const files = readdirSync(outbox).length;
    const again = JSON.parse(
      duban(['scan', '--workbook', workbook, '--date', DATE, '--outbox', outbox, '--json']).stdout,
    );
    expect([
      again.cellsWritten,
      again.fillsWritten,
      again.idsAssigned,
      again.notices.created,
      again.notices.sent,
      again.auditRows,
    ]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(readdirSync(outbox).length).toBe(files);
  });
});
