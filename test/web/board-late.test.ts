/** The board's 通报 section names the 逾期、滞后事项 as the .docx and the 通报 tab do (board-late.ts). */
import { describe, expect, it } from 'vitest';
import { STATUS_FILL } from '../../src/workbook/palette';
import { lateTasksSection } from '../../src/web/board/board-late';
import { demoBulletin } from '../report/demo-bulletin';
import { lateRowsOfTab, scannedDemo, VIEWER } from './board-fixture';

/** The late list's rows as the page has them: the text of each cell, unescaped. */
const lateRows = (html: string) => {
  const table = /<table class="list late">.*?<\/table>/s.exec(html)?.[0] ?? '';
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...table.matchAll(/<tr data-late[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => unescape(m[1]!)),
  );
};

describe('the 逾期、滞后事项 of the board’s 通报 section', () => {
  it('lists the rows the 通报 tab lists, under the sentence the .docx opens with, coloured by 状态', async () => {
    const { store, app } = await scannedDemo();
    const res = await app.request('/board', { headers: { cookie: `duban_board=${VIEWER}` } });
    const html = await res.text();
    const expected = lateRowsOfTab(store, '2026年5月通报');
    expect(expected.length).toBeGreaterThan(0);
    expect(lateRows(html)).toEqual(expected);
    expect(html).toContain(
      '<h3>逾期、滞后事项</h3><p class="late-note">截至2026年5月31日，逾期事项2项、滞后事项2项，列出如下：</p>',
    );
    expect(html).toContain('<th>编号</th><th>工作任务</th><th>牵头单位</th><th>逾期、滞后情况</th>');
    expect(html).toContain(`style="background:#${STATUS_FILL.逾期}">逾期18个工作日</td>`);
    expect(html).toContain(`style="background:#${STATUS_FILL.滞后}">4月节点滞后</td>`);
  });

  it('lists at most 15, the longest overdue first, and says how many there are in all', async () => {
    const { bulletin } = await demoBulletin('2026-10');
    const many = Array.from({ length: 22 }, (_, i) => ({
      ...bulletin.lateTasks[0]!,
      id: `DB-2026-${100 + i}`,
    }));
    const html = lateTasksSection({ ...bulletin, lateTasks: many });
    const rows = lateRows(html);
    expect(rows).toHaveLength(15);
    expect(rows.at(-1)![0]).toBe('DB-2026-114');
    expect(html).toContain(
      '截至2026年10月31日，逾期事项22项，列出逾期时间最长的15项，其余7项见挂图作战表、督办台账：',
    );
  });

  it('escapes what staff typed', async () => {
    const { bulletin } = await demoBulletin('2026-10');
    const typed = {
      ...bulletin.lateTasks[0]!,
      title: '<img src=x onerror=alert(1)>',
      unit: '县"A&B"局',
      id: 'X<1>',
    };
    const html = lateTasksSection({ ...bulletin, lateTasks: [typed] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(lateRows(html)).toEqual([['X<1>', '<img src=x onerror=alert(1)>', '县"A&B"局', typed.how]]);
  });

  it('says when there is none, with no table', async () => {
    const { bulletin } = await demoBulletin('2026-10');
    const html = lateTasksSection({ ...bulletin, lateTasks: [] });
    expect(html).toContain('截至2026年10月31日，无逾期、滞后事项。');
    expect(html).not.toContain('<table');
  });
});
