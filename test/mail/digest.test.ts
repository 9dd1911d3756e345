import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { renderDigest, type DigestDoc } from '../../src/mail/notices';
import { OFFICE } from './fixtures';

const doc: DigestDoc = {
  issuer: OFFICE,
  recipient: '赵六',
  unit: '县自然资源局',
  date: toDay('2026-03-21'),
  boardUrl: 'https://duban.example.cn/board?sig=b1',
  items: [
    {
      id: 'ZD-2026-003',
      title: '推进高标准农田建设',
      status: '正常推进',
      node: '3月：完成项目招标（3月31日）',
      remainingWorkdays: 180,
    },
    {
      id: 'ZD-2026-001',
      title: '完成土地征收',
      status: '逾期',
      card: '红牌',
      node: '3月：完成征地补偿（3月20日）',
      due: '办理结果，请于3月24日前反馈',
      remainingWorkdays: -12,
      answerUrl: 'https://duban.example.cn/a/ZD-2026-001?sig=abc',
    },
    {
      id: 'ZD-2026-002',
      title: '编制国土空间规划',
      status: '临期',
      card: '黄牌',
      due: '3月份完成情况，请于3月24日前反馈',
      remainingWorkdays: 3,
    },
  ],
};

function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('daily digest', () => {
  it('has a subject with the date, the count and the urgent statuses', () => {
    expect(renderDigest(doc).subject).toBe(
      '【督办提醒】2026年3月21日 县自然资源局 您有3项重点工作需关注（逾期1项、临期1项）',
    );
  });

  it('lists every item worst status first, with 编号, 工作任务, 状态, 预警, 当前节点 and what is due', () => {
    const text = renderDigest(doc).text;
    const order = ['ZD-2026-001', 'ZD-2026-002', 'ZD-2026-003'].map((id) => text.indexOf(id));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text).toContain('1. ZD-2026-001 完成土地征收\n   状态：逾期　预警：红牌　剩余工作日：-12\n');
    expect(text).toContain(
      '   当前节点：3月：完成征地补偿（3月20日）\n   待办：办理结果，请于3月24日前反馈\n',
    );
    expect(text).toContain('   反馈链接：https://duban.example.cn/a/ZD-2026-001?sig=abc');
    expect(text).toContain('3. ZD-2026-003 推进高标准农田建设\n   状态：正常推进　预警：无　剩余工作日：180');
    expect(text).toContain('截至2026年3月21日，您有3项重点工作需关注，其中逾期1项、临期1项。请关注以下事项：');
    expect(text.startsWith('赵六同志：\n')).toBe(true);
    expect(text).toContain('查看督办看板：https://duban.example.cn/board?sig=b1');
    expect(text).toContain(`${OFFICE}\n2026年3月21日`);
  });

  it('shows the same items as table rows in the HTML, in the same order', () => {
    const mail = renderDigest(doc);
    const rows = mail.html
      .split(/<tr[ >]/)
      .slice(1)
      .map(visibleText);
    expect(rows[0]).toContain('编号');
    expect(rows[1]).toMatch(/ZD-2026-001.*完成土地征收.*逾期.*红牌.*完成征地补偿.*3月24日前反馈/s);
    expect(rows[2]).toMatch(/ZD-2026-002.*编制国土空间规划.*临期.*黄牌/s);
    expect(rows[3]).toMatch(/ZD-2026-003.*正常推进.*无/s);
    expect(mail.html).toContain('<a href="https://duban.example.cn/a/ZD-2026-001?sig=abc"');
    expect(mail.headers).toEqual({ 'X-Duban-Kind': 'digest' });
  });

  it('counts the tasks needing attention, not all the recipient holds, and says when a task has two entries', () => {
    // A 县长 holds every task; a 分管领导's digest with a 约谈建议 and a draft to sign on one task lists it twice.
    const interview = { id: 'ZD-2026-061', title: '重点项目征地拆迁', status: '逾期', card: '红牌' as const };
    const mail = renderDigest({
      ...doc,
      unit: undefined,
      recipient: '宋宏伟',
      items: [
        { ...interview, notice: '《约谈建议》临政督谈〔2026〕4号' },
        { ...interview, draft: { step: '同意', key: 'ZD-2026-061|督办单|1|1' } },
        { id: 'ZD-2026-045', title: '农村人居环境整治', status: '正常推进', card: '红牌' },
      ],
    });
    expect(mail.subject).toBe('【督办提醒】2026年3月21日 您有2项重点工作需关注（逾期1项）');
    expect(mail.text).toContain(
      '截至2026年3月21日，您有2项重点工作需关注，其中逾期1项。请关注以下3条（同一项工作有几件文书的分条列出）：',
    );
    expect(mail.text).not.toContain('负责的重点工作共');
    expect(mail.text).toContain('3. ZD-2026-045 农村人居环境整治');
  });

  it('says so when nothing is urgent, and marks a provisional calendar', () => {
    const calm = renderDigest({ ...doc, unit: undefined, items: [doc.items[0]!], provisionalYears: [2027] });
    expect(calm.subject).toBe('【督办提醒】2026年3月21日 您有1项重点工作需关注');
    expect(calm.text).toContain('截至2026年3月21日，您有1项重点工作需关注。请关注以下事项：');
    for (const body of [calm.text, visibleText(calm.html)]) {
      expect(body).toContain('注：2027年国务院节假日安排尚未录入，工作日暂按法定节日推算。');
    }
  });

  it('escapes cell text in the HTML and keeps it as typed in the text', () => {
    const hostile = renderDigest({
      ...doc,
      recipient: '<b>赵六</b>',
      items: [{ id: 'X<1>', title: '<script>alert(1)</script>', status: '逾期', node: '=HYPERLINK("x")' }],
    });
    expect(hostile.html).not.toMatch(/<(script|b)>/);
    expect(hostile.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile.html).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(hostile.text).toContain('1. X<1> <script>alert(1)</script>');
    expect(hostile.text).toContain('当前节点：=HYPERLINK("x")');
  });
});
