/** 反馈 through a signed link: the unit's page, its form, and the row written back and recoloured at once. */
import { describe, expect, it } from 'vitest';
import { text, linkFixture, TASK } from './fixture';

describe('反馈 link', () => {
  it('shows the unit its task: record, months, notices and earlier feedback, and only this task', async () => {
    const f = linkFixture();
    const res = await f.app.request(f.path('feedback', await f.token('feedback')));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('组织企业参加广交会');
    expect(page).toContain('推进中，完成10%');
    expect(page).toContain('县商务局');
    expect(page).toContain('name="progress"');
    expect(page).not.toContain('ZD-2026-006');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('appends to 反馈记录 and after the staff text of the month cell, audits, and recolours the row in one read and one write', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const before = await f.taskRow();
    expect(text(before, '预警')).toBe('');
    const page = await f.app.request(f.path('feedback', t));
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const calls = { ...f.store.calls };
    const res = await f.post('feedback', t, {
      csrf,
      month: '6',
      done: '已完成，广交会参展企业12家',
      progress: '50',
      problems: '展位费用偏高',
      plan: '7月组织秋交会报名',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('6月完成情况已记入反馈记录和本事项');
    expect(f.store.calls.read - calls.read).toBe(1);
    expect(f.store.calls.apply - calls.apply).toBe(1);
    expect(f.store.calls.append - calls.append).toBe(0);

    const feedback = (await f.rows('反馈记录')).at(-1);
    expect(text(feedback, '编号')).toBe(TASK);
    expect(text(feedback, '月份')).toBe('6月');
    expect(text(feedback, '完成情况')).toBe('已完成，广交会参展企业12家');
    expect(text(feedback, '进度(%)')).toBe('50');
    expect(text(feedback, '存在问题')).toBe('展位费用偏高');
    expect(text(feedback, '填报人')).toBe('孙振华');
    expect(text(feedback, '渠道')).toBe('链接');
    // A real date-time cell (Excel sorts it with the rows staff type), the other columns text and number.
    expect(feedback?.cells['时间']).toEqual({ date: '2026-06-15', time: '08:30:00' });
    expect([feedback?.cells['月份'], feedback?.cells['进度(%)']]).toEqual(['6月', 50]);

    const row = await f.taskRow();
    expect(text(row, '6月/完成情况')).toBe('已完成，广交会参展企业12家（进度50%，孙振华6月15日链接反馈）');
    expect(text(row, '最近反馈')).toBe('2026-06-15');
    expect(row.fills['6月/完成情况']).toBeTruthy();

    const audit = await f.rows('审计日志');
    const mine = audit.filter((r) => text(r, '编号') === TASK && text(r, '时间') === '2026-06-15 08:30:00');
    expect(mine.map((r) => text(r, '动作'))).toEqual(expect.arrayContaining(['链接反馈', '追加完成情况']));
    expect(mine.map((r) => r.cells['时间'])).toEqual(
      mine.map(() => ({ date: '2026-06-15', time: '08:30:00' })),
    );
    expect(
      text(
        mine.find((r) => text(r, '动作') === '链接反馈'),
        '操作者',
      ),
    ).toBe('孙振华');
  });

  it('early in a month suggests last month while it is unreported, though this month has a plan too', async () => {
    // 2 July: 6月 (planned, nothing reported) is due by the 5th working day; 7月 has its own plan.
    const f = linkFixture('2026-07-02');
    const page = await (await f.app.request(f.path('feedback', await f.token('feedback')))).text();
    expect(page).toMatch(/<option value="6"\s+selected>6月<\/option>/);
    expect(page).not.toMatch(/<option value="7"\s+selected>/);
    // Once 6月 is reported, this month's.
    await f.submit('feedback', await f.token('feedback'), { month: '6', done: '已完成', progress: '50' });
    const next = await (await f.app.request(f.path('feedback', await f.token('feedback')))).text();
    expect(next).toMatch(/<option value="7"\s+selected>7月<\/option>/);
  });

  it('asks for the progress so far, not the share of this month, and shows the last one reported', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    await f.submit('feedback', t, { month: '6', done: '推进中', progress: '55' });
    const page = await (await f.app.request(f.path('feedback', t))).text();
    expect(page).toContain('累计进度（%）');
    expect(page).toContain('本事项从开始到现在累计完成的百分比，不是本月新增的部分；上次填报55%。');
  });

  it('records an answer posted again (the page reloaded after submitting) once, and says so', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const answer = { month: '6', done: '已走访企业8家', progress: '45', problems: '', plan: '' };
    expect((await f.submit('feedback', t, answer)).status).toBe(200);
    const again = await f.submit('feedback', t, answer);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('这条6月反馈已于今天08:30记入，没有重复记录');
    const mine = (await f.rows('反馈记录')).filter((r) => text(r, '完成情况') === '已走访企业8家');
    expect(mine).toHaveLength(1);
    expect(text(await f.taskRow(), '6月/完成情况').match(/已走访企业8家/g)).toHaveLength(1);
    // A different answer is recorded as usual.
    await f.submit('feedback', t, { ...answer, progress: '50' });
    expect((await f.rows('反馈记录')).filter((r) => text(r, '完成情况') === '已走访企业8家')).toHaveLength(2);
  });

  it('keeps what staff typed in the month cell and appends after it', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const res = await f.submit('feedback', t, { month: '5', done: '补充：5月已签约3家', progress: '40' });
    expect(res.status).toBe(200);
    expect(text(await f.taskRow(), '5月/完成情况')).toBe(
      '推进中，完成10%\n补充：5月已签约3家（进度40%，孙振华6月15日链接反馈）',
    );
  });

  it('stores formulas, markup, emoji and 10,000 characters as plain text and shows them escaped', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const hostile = '=HYPERLINK("http://x","y")';
    // 10,000 UTF-16 code units, the form's limit.
    const long = '长'.repeat(10_000 - 27) + '<script>alert(1)</script>🚀';
    expect(long.length).toBe(10_000);
    const res = await f.submit('feedback', t, {
      month: '6',
      done: hostile,
      progress: '30',
      problems: long,
      plan: '🚀',
    });
    expect(res.status).toBe(200);
    const feedback = (await f.rows('反馈记录')).at(-1);
    expect(feedback?.cells['完成情况']).toBe(hostile);
    expect(feedback?.cells['存在问题']).toBe(long);
    expect(feedback?.cells['下步计划']).toBe('🚀');
    const page = await (await f.app.request(f.path('feedback', t))).text();
    expect(page).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('refuses a bad form with Chinese messages and writes nothing', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const calls = { ...f.store.calls };
    const res = await f.submit('feedback', t, { month: '13', done: '', progress: '150' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('请填写完成情况');
    expect(page).toContain('进度不能大于100');
    expect(page).toContain('只能填报6月及以前的月份');
    expect(f.store.calls.apply).toBe(calls.apply);
    const tooLong = await f.submit('feedback', t, { month: '6', done: 'x'.repeat(10_001), progress: '1' });
    expect(await tooLong.text()).toContain('完成情况不超过10000个字');
  });
});
