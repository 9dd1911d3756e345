import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { generateDemo } from '../../sheets-templates/demo';
import { buildTemplateWorkbook } from '../../sheets-templates/xlsx/xlsx';
import { readBack, rowsOf } from './read-back';

const AS_OF = '2026-06-15';

async function demoBook(asOf: string) {
  const wb = await buildTemplateWorkbook({ demo: generateDemo({ year: 2026, asOf }) });
  const book = readBack(new Uint8Array(await wb.xlsx.writeBuffer()));
  const rows = (tab: string) => rowsOf(book.wb.Sheets[tab]!, tab === '挂图作战表' ? 2 : 1);
  return { book, rows };
}

/** SheetJS returns date cells as local-time Dates: take the civil date as shown in the cell. */
function dayOfCell(v: unknown): number {
  const d = v as Date;
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

describe('the demo workbook', () => {
  it('holds a county year: ≥60 tasks over ≥12 lead units, a 县长 and four 副县长', async () => {
    const { rows } = await demoBook(AS_OF);
    const tasks = rows('挂图作战表');
    expect(tasks.length).toBeGreaterThanOrEqual(60);
    expect(new Set(tasks.map((t) => t['牵头单位'])).size).toBeGreaterThanOrEqual(12);
    const people = rows('通讯录');
    expect(people.filter((p) => p['角色'] === '主要领导')).toHaveLength(1);
    const deputies = people.filter((p) => p['角色'] === '分管领导');
    expect(deputies).toHaveLength(4);
    expect(deputies.every((p) => String(p['分管单位']).includes('、'))).toBe(true);
    expect(people.every((p) => /^[a-z.]+@demo\.gov\.cn$/.test(String(p['邮箱'])))).toBe(true);
    // Every lead unit can be reached: a head and a liaison in the directory.
    for (const unit of new Set(tasks.map((t) => String(t['牵头单位'])))) {
      const roles = people.filter((p) => p['单位'] === unit).map((p) => p['角色']);
      expect(roles, unit).toEqual(expect.arrayContaining(['单位负责人', '联络员']));
    }
    for (const role of ['督查室', '办公室主任', '办公室分管副主任']) {
      expect(
        people.some((p) => p['角色'] === role),
        role,
      ).toBe(true);
    }
  });

  it('is the same on every run for the same year and day', () => {
    expect(generateDemo({ year: 2026, asOf: AS_OF })).toEqual(generateDemo({ year: 2026, asOf: AS_OF }));
  });

  it('names only leaders and units that are in the directory', async () => {
    const { rows } = await demoBook(AS_OF);
    const names = new Set(rows('通讯录').map((p) => p['姓名']));
    for (const tab of ['挂图作战表', '督办台账']) {
      for (const r of rows(tab))
        expect(names.has(r['分管领导']), `${tab} ${String(r['分管领导'])}`).toBe(true);
    }
  });

  it('refers in every ledger and list only to tasks that exist', async () => {
    const { rows } = await demoBook(AS_OF);
    const ids = new Set([...rows('挂图作战表'), ...rows('督办台账')].map((r) => r['编号']).filter(Boolean));
    for (const tab of [
      '任务清单',
      '责任清单',
      '措施清单',
      '结果清单',
      '反馈记录',
      '延期申请',
      '办结审批',
      '调整记录',
      '文书登记',
    ]) {
      const refs = rows(tab).map((r) => r['编号']);
      expect(refs.length, tab).toBeGreaterThan(0);
      expect(
        refs.filter((id) => !ids.has(id)),
        tab,
      ).toEqual([]);
    }
  });

  it('writes deadlines in the spellings clerks use, and one a reader must refuse', async () => {
    const { rows } = await demoBook(AS_OF);
    const deadlines = rows('挂图作战表').map((r) => r['完成时限']);
    const texts = deadlines.filter((d): d is string => typeof d === 'string');
    expect(deadlines.some((d) => d instanceof Date)).toBe(true);
    expect(texts.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(texts.some((d) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(d))).toBe(true);
    expect(texts.some((d) => /^\d{1,2}月\d{1,2}日$/.test(d))).toBe(true);
    expect(texts.some((d) => ['年底', '年内', '12月底'].includes(d))).toBe(true);
    expect(texts.some((d) => ['长期', '持续推进', '常态化'].includes(d))).toBe(true);
    expect(texts).toContain('尽快完成');
  });

  it('leaves 编号 blank on a few rows for the system to assign', async () => {
    const { rows } = await demoBook(AS_OF);
    expect(rows('挂图作战表').filter((r) => !r['编号']).length).toBeGreaterThanOrEqual(3);
    expect(
      rows('挂图作战表')
        .filter((r) => r['编号'])
        .every((r) => /^ZD-2026-\d{3}$/.test(String(r['编号']))),
    ).toBe(true);
  });

  it('has the approval flows a clerk meets: a pending and an approved extension, a signed card, an approved 调出', async () => {
    const { rows } = await demoBook(AS_OF);
    expect(
      rows('延期申请')
        .map((r) => r['状态'])
        .sort(),
    ).toEqual(['同意', '待审批']);
    const signed = rows('办结审批').filter((r) => r['状态'] === '已办结');
    expect(signed.length).toBeGreaterThanOrEqual(1);
    expect(signed.every((r) => r['主要领导签字'] && r['评价等级'])).toBe(true);
    const out = rows('调整记录').find((r) => r['类型'] === '调出');
    expect(out).toMatchObject({ 分管领导意见: '同意', 主要领导意见: '同意', 状态: '同意' });
  });

  it('dates every recorded event before the as-of day', async () => {
    const { rows } = await demoBook(AS_OF);
    const asOf = toDay(AS_OF);
    const dated: Array<[string, string]> = [
      ['反馈记录', '时间'],
      ['延期申请', '申请时间'],
      ['督办台账', '交办日期'],
      ['调整记录', '日期'],
      ['文书登记', '生成时间'],
      ['办结审批', '主要领导日期'],
    ];
    for (const [tab, column] of dated) {
      for (const r of rows(tab))
        if (r[column]) expect(dayOfCell(r[column]), `${tab} ${column}`).toBeLessThan(asOf);
    }
  });

  it('leaves a month unreported only on the rows meant to be 滞后 (or 已调出), late in the year too', async () => {
    const { rows } = await demoBook('2026-11-21');
    const tasks = rows('挂图作战表');
    const missed = (m: number) =>
      tasks
        .filter(
          (t) => t[`${m}月/应完成工作任务`] && (!t[`${m}月/完成情况`] || t[`${m}月/完成情况`] === '未完成'),
        )
        .map((t) => String(t['工作任务']))
        .sort();
    // October's feedback was due in early November: one missed month, two in a row, and the task moved out in October.
    expect(missed(10)).toEqual(['乡镇综合文化站提档升级', '果蔬加工产业园区建设', '规上工业企业培育'].sort());
    expect(missed(9)).toEqual(['乡镇综合文化站提档升级']);
    for (let m = 1; m <= 8; m++) expect(missed(m), `${m}月`).toEqual([]);
  });

  it('refuses an as-of day outside the year', () => {
    expect(() => generateDemo({ year: 2026, asOf: '2027-01-05' })).toThrow(RangeError);
  });
});
