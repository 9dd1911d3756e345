import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { renderWeeklyDigest, type WeeklyDigestDoc } from '../../src/mail/notices';
import { OFFICE } from './fixtures';

const doc: WeeklyDigestDoc = {
  issuer: OFFICE,
  leader: '李四',
  weekOf: toDay('2026-03-23'),
  items: [
    {
      id: 'ZD-2026-004',
      title: '乡村道路硬化',
      unit: '县交通运输局',
      status: '正常推进',
      remainingWorkdays: 120,
    },
    {
      id: 'ZD-2026-001',
      title: '完成土地征收',
      unit: '县自然资源局',
      status: '逾期',
      card: '红牌',
      remainingWorkdays: -13,
    },
    { id: 'ZD-2026-002', title: '编制国土空间规划', unit: '县自然资源局', status: '临期', card: '黄牌' },
    {
      id: 'ZD-2026-003',
      title: '耕地保护督察整改',
      unit: '县农业农村局',
      status: '正常推进',
      card: '蓝牌',
      node: '3月：整改销号（3月31日）',
    },
  ],
  changes: [
    { id: 'ZD-2026-001', title: '完成土地征收', change: '状态：临期 → 逾期；预警：黄牌 → 红牌' },
    { id: 'ZD-2026-003', title: '耕地保护督察整改', change: '新亮蓝牌' },
  ],
  boardUrl: 'https://duban.example.cn/board?leader=lisi&sig=w1',
};

describe('weekly digest for a 分管领导', () => {
  it('sums up the area in the subject, naming only the statuses that need attention (a phone shows its start)', () => {
    expect(renderWeeklyDigest(doc).subject).toBe('【每周督办摘要】2026年3月23日 分管领域重点工作4项（逾期1项、临期1项）');
  });

  it('counts the cards, red first', () => {
    const mail = renderWeeklyDigest(doc);
    expect(mail.text).toContain('预警：红牌1张、黄牌1张、蓝牌1张');
    expect(mail.html).toContain('预警：红牌1张、黄牌1张、蓝牌1张');
  });

  it('groups the tasks by status, worst first, each with its unit and card', () => {
    const text = renderWeeklyDigest(doc).text;
    const groups = ['【逾期】1项', '【临期】1项', '【正常推进】2项'].map((g) =>
      text.indexOf(g),
    );
    expect(groups.every((at, i) => at > 0 && (i === 0 || at > groups[i - 1]!))).toBe(true);
    expect(text).toContain('  ZD-2026-001 完成土地征收（县自然资源局，红牌，剩余工作日：-13）');
    expect(text).toContain(
      '【正常推进】2项\n  ZD-2026-003 耕地保护督察整改（县农业农村局，蓝牌，当前节点：3月：整改销号（3月31日））\n  ZD-2026-004 乡村道路硬化（县交通运输局，剩余工作日：120）\n',
    );
  });

  it('lists what changed since last week, or says nothing did', () => {
    const mail = renderWeeklyDigest(doc);
    expect(mail.text).toContain('  ZD-2026-001 完成土地征收：状态：临期 → 逾期；预警：黄牌 → 红牌');
    expect(mail.html).toContain('状态：临期 → 逾期；预警：黄牌 → 红牌');
    const quiet = renderWeeklyDigest({ ...doc, changes: [] });
    expect(quiet.text).toContain('【本周变化】\n  与上周相比无变化。');
    expect(quiet.html).toContain('与上周相比无变化。');
  });

  it('puts what waits for the leader and what changed before the tasks by status, in the text and the HTML', () => {
    const waiting = [{ id: 'ZD-2026-002', title: '编制国土空间规划', what: '延期申请 YQ-2026-002待审批' }];
    const mail = renderWeeklyDigest({ ...doc, waiting });
    const order = (body: string, marks: string[]) => marks.map((m) => body.indexOf(m));
    for (const at of [
      order(mail.text, ['【待您处理】', '【本周变化】', '【逾期】1项', '【正常推进】2项']),
      order(mail.html, ['>待您处理</h3>', '>本周变化</h3>', '>逾期（1项）</h3>', '>正常推进（2项）</h3>']),
    ])
      expect(at.every((n, i) => n > 0 && (i === 0 || n > at[i - 1]!))).toBe(true);
  });

  it('has a section per status in the HTML, the board link and the 落款', () => {
    const mail = renderWeeklyDigest(doc);
    expect(mail.html).toContain('逾期（1项）');
    expect(mail.html).toContain('正常推进（2项）');
    expect(mail.html).toContain('<a href="https://duban.example.cn/board?leader=lisi&amp;sig=w1"');
    expect(mail.text).toContain(`${OFFICE}\n2026年3月23日`);
    expect(mail.headers).toEqual({ 'X-Duban-Kind': 'weekly' });
  });

  it('escapes unit names and titles in the HTML', () => {
    const mail = renderWeeklyDigest({
      ...doc,
      items: [{ id: 'ZD-1', title: '<script>x</script>', unit: '<b>局</b>', status: '<i>新状态</i>' }],
      changes: [{ id: 'ZD-1', title: 't', change: '<img src=x>' }],
    });
    expect(mail.html).not.toMatch(/<(script|b|i|img)[\s>]/);
    expect(mail.text).toContain('【<i>新状态</i>】1项\n  ZD-1 <script>x</script>（<b>局</b>）');
  });

  it('handles an area with no tasks', () => {
    const empty = renderWeeklyDigest({ ...doc, items: [], changes: [] });
    expect(empty.subject).toBe('【每周督办摘要】2026年3月23日 分管领域重点工作0项');
    expect(empty.text).toContain('预警：无');
  });

  it('lists what waits for the leader, counted in the subject', () => {
    const waiting = [{ id: 'ZD-2026-002', title: '编制国土空间规划', what: '延期申请 YQ-2026-002待审批' }];
    const mail = renderWeeklyDigest({ ...doc, waiting });
    expect(mail.subject).toBe('【每周督办摘要】2026年3月23日 待您处理1件，分管领域重点工作4项（逾期1项、临期1项）');
    expect(mail.text).toContain('【待您处理】\n  ZD-2026-002 编制国土空间规划：延期申请 YQ-2026-002待审批\n');
    expect(mail.html).toContain('<h3 style="font-size:16px;margin:20px 0 8px">待您处理</h3>');
    expect(renderWeeklyDigest(doc).text).toContain('【待您处理】\n  无。');
  });
});
