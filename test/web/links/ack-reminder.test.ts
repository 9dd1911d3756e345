/** 签收提醒: a notice sent with 签收 links and not signed for within 1 working day gets one reminder, once. */
import { describe, expect, it } from 'vitest';
import type { createMemoryMailer } from '../../../src/mail/memory';
import { createMemoryStore } from '../../../src/store/drivers/memory/memory';
import type { SheetStore } from '../../../src/store/port';
import { ackByOf, remindedDocNo } from '../../../src/scan/ack-reminders';
import { requirementDates } from '../../../src/scan/register-row';
import { type TabName, tabSpec } from '../../../src/workbook/schema/tabs';
import { demoWorkbook } from '../../scan/demo-workbook';
import { oneEach, PUBLIC, SAME_ORIGIN, serviceOn, text } from './fixture';

const rows = async (store: SheetStore, tab: TabName) =>
  (await store.read([tabSpec(tab)])).tabs[tab]?.rows ?? [];
const reminders = (mailer: ReturnType<typeof createMemoryMailer>) =>
  mailer.sent.filter((m) => m.headers?.['X-Duban-Kind'] === 'qianshou');

describe('签收提醒', () => {
  it('reminds each notice not signed for by its 签收 day once, with the same 签收 link; a signed notice gets none', async () => {
    const store = createMemoryStore(demoWorkbook());
    const day1 = serviceOn(store, '2026-06-15', true);
    await day1.service.scan(day1.now);
    const sent = oneEach(day1.mailer.sent.filter((m) => /签收 https/.test(m.text)));
    expect(sent.length).toBeGreaterThan(1);
    // The register says when to sign by: 1 working day after it was sent; a retry still reads its reply date.
    const register = await rows(store, '文书登记');
    const linked = register.filter((r) => text(r, '时限要求').endsWith('；2026-06-16前签收'));
    expect(linked.length).toBe(sent.length);
    expect(requirementDates(text(linked[0], '时限要求')).length).toBe(
      requirementDates(text(linked[0], '时限要求').replace(/；2026-06-16前签收$/, '')).length,
    );
    // No reminder on the day it was sent.
    expect(reminders(day1.mailer)).toEqual([]);

    // The unit of the first notice signs for it through its link.
    const first = sent[0]!;
    const signedNo = first.headers!['X-Duban-Doc-No']!;
    const ack = /签收 (https:\/\/\S+)/.exec(first.text)![1]!.slice(PUBLIC.length);
    const page = await day1.service.app.request(ack);
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const t = new URL(ack, PUBLIC).searchParams.get('t')!;
    const signed = await day1.service.app.request(new URL(ack, PUBLIC).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: new URLSearchParams({ t, csrf, owner: '王建国' }).toString(),
    });
    expect(signed.status).toBe(200);

    // Nor on its 签收 day: "2026-06-16前签收" gives the unit all of that day.
    const signDay = serviceOn(store, '2026-06-16', true);
    await signDay.service.scan(signDay.now);
    expect(reminders(signDay.mailer)).toEqual([]);

    const day2 = serviceOn(store, '2026-06-17', true);
    await day2.service.scan(day2.now);
    const due = oneEach(reminders(day2.mailer));
    const unsigned = sent.filter((m) => m.headers!['X-Duban-Doc-No'] !== signedNo);
    expect(due.length).toBe(unsigned.length);
    for (const m of due) expect(m.text).not.toContain(signedNo);
    const reminder = due.find((m) => m.text.includes(unsigned[0]!.headers!['X-Duban-Doc-No']!))!;
    expect(reminder.subject).toContain('签收提醒');
    expect(reminder.text).toContain('尚未签收');
    // 事由 names the notice by its kind and 文号 and the day it went out, written as a notice writes dates.
    const remindedNo = unsigned[0]!.headers!['X-Duban-Doc-No']!;
    expect(reminder.text).toMatch(
      new RegExp(`[\\u4e00-\\u9fa5]+（${remindedNo}）已于2026年6月15日发出，1个工作日内未签收`),
    );
    expect(reminder.text).not.toContain('2026-06-15');
    // Its 签收 link signs for the original notice.
    const link = /签收 (https:\/\/\S+)/.exec(reminder.text)![1]!.slice(PUBLIC.length);
    const open = await day2.service.app.request(link);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain(unsigned[0]!.headers!['X-Duban-Doc-No']!);
    const keys = (await rows(store, '文书登记'))
      .filter((r) => text(r, '类型') === '签收提醒')
      .map((r) => text(r, '去重键'));
    expect(keys.length).toBe(unsigned.length);
    expect(keys.every((k) => /\|签收提醒\|\|/.test(k))).toBe(true);

    // Once: the next days send no second reminder.
    const day3 = serviceOn(store, '2026-06-18', true);
    await day3.service.scan(day3.now);
    expect(reminders(day3.mailer)).toEqual([]);
  });

  it('offers no 延期申请 once the deadline has passed, and skips a unit that has answered since the notice', async () => {
    const store = createMemoryStore(demoWorkbook());
    const day1 = serviceOn(store, '2026-06-15', true);
    await day1.service.scan(day1.now);
    const sent = day1.mailer.sent.filter((m) => /签收 https/.test(m.text));
    // A notice whose item is not overdue carries a 延期申请 link; its unit answers through its 反馈 link.
    const open = sent.find((m) => /延期申请 https/.test(m.text))!;
    const feedback = /反馈 (https:\/\/\S+)/.exec(open.text)![1]!.slice(PUBLIC.length);
    const page = await day1.service.app.request(feedback);
    const html = await page.text();
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(html)![1]!;
    const month = /<option value="(\d+)"/.exec(html)![1]!;
    const t = new URL(feedback, PUBLIC).searchParams.get('t')!;
    const answered = await day1.service.app.request(new URL(feedback, PUBLIC).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: new URLSearchParams({ t, csrf, month, done: '推进中', progress: '60' }).toString(),
    });
    expect(answered.status).toBe(200);

    const day2 = serviceOn(store, '2026-06-17', true);
    await day2.service.scan(day2.now);
    const due = oneEach(reminders(day2.mailer));
    expect(due.some((m) => m.text.includes(open.headers!['X-Duban-Doc-No']!))).toBe(false);
    // DB-2026-002 is overdue since 5月21日: its reminder offers 签收 and 反馈, no 延期申请 it would refuse.
    const overdue = due.find((m) => m.headers?.['X-Duban-Item-Id'] === 'DB-2026-002')!;
    expect(overdue.text).toMatch(/签收 https/);
    expect(overdue.text).not.toContain('延期申请');
  });

  it('sends none for notices registered before links were on, nor while links are off', async () => {
    const store = createMemoryStore(demoWorkbook());
    const off = serviceOn(store, '2026-06-15', false);
    await off.service.scan(off.now);
    expect((await rows(store, '文书登记')).some((r) => text(r, '时限要求').includes('前签收'))).toBe(false);
    const on = serviceOn(store, '2026-06-18', true);
    await on.service.scan(on.now);
    expect(reminders(on.mailer)).toEqual([]);

    // Links turned off again: the notices registered with links get no reminder either.
    const linked = createMemoryStore(demoWorkbook());
    const d1 = serviceOn(linked, '2026-06-15', true);
    await d1.service.scan(d1.now);
    const d2 = serviceOn(linked, '2026-06-17', false);
    await d2.service.scan(d2.now);
    expect(reminders(d2.mailer)).toEqual([]);
  });

  it('reads the 签收 day and the reminded notice back from 时限要求, and a retry still finds each reply date', () => {
    const sent = '2026-06-22前反馈；2026-06-29前整改到位；2026-06-16前签收';
    expect(ackByOf(sent)).toBe('2026-06-16');
    expect(requirementDates(sent)).toHaveLength(2);
    expect(ackByOf('2026-06-22前反馈')).toBeNull();
    const reminder = '2026-06-17前签收《临政督催〔2026〕3号》';
    expect(remindedDocNo(reminder)).toBe('临政督催〔2026〕3号');
    expect(requirementDates(reminder)).toHaveLength(1);
  });
});
