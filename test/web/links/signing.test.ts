/**
 * 签发 by link (issue 14 item 7; seed 004 §五.2): the 分管领导 consents and the 办公室主任 signs drafts from a link; the page
 * writes 同意人 / 签发人 + 签发日期 into the draft's 文书登记 row, audits it, and the signed notices are numbered (no gap)
 * and sent at once, each once.
 */
import { describe, expect, it } from 'vitest';
import { signLink } from '../../../src/web/links/token';
import { expiryOf, linkUrl } from '../../../src/web/links/link-deps';
import { Hono } from 'hono';
import { linkRoutes } from '../../../src/web/links/routes';
import { at830, FROM } from '../../scan/demo-workbook';
import { KEYS, linkFixture, memoryHeld, OFFICE, oneEach, SAME_ORIGIN, text } from './fixture';

const LEADER = 'fxz.chengjian@demo.gov.cn'; // 冯长青, 分管 县住建局、县交通运输局…
const DIRECTOR = 'zfb.zhuren@demo.gov.cn'; // 魏晨曦, 办公室主任
const OTHER_LEADER = 'fxz.nongye@demo.gov.cn'; // 宋宏伟
const DRAFTS = ['DB-2026-003', 'ZD-2026-022', 'ZD-2026-033'];

type F = ReturnType<typeof linkFixture>;
type Action = 'consent-notices' | 'sign-notices';

async function drafted(held?: ReturnType<typeof memoryHeld>) {
  const f = linkFixture('2026-06-15', undefined, held);
  await f.service.scan(f.now);
  return f;
}

async function draftKeys(f: F, ids = DRAFTS): Promise<string[]> {
  return (await f.rows('文书登记'))
    .filter((r) => text(r, '发送状态') === '待签发' && ids.includes(text(r, '编号')))
    .map((r) => text(r, '去重键').replace(/\|待签发$/, ''));
}

async function link(f: F, action: Action, person: string, keys: string[], over = {}) {
  const claims = {
    office: OFFICE,
    task: DRAFTS[0]!,
    action,
    person,
    exp: expiryOf(action, f.now),
    ref: keys.join('\n'),
    ...over,
  };
  const t = await signLink(claims, KEYS);
  return { t, path: linkUrl('', claims, t), task: claims.task };
}

async function open(f: F, l: { path: string }) {
  const res = await f.app.request(l.path);
  const html = await res.text();
  return { res, html, csrf: /name="csrf"\s+value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

async function submit(
  f: F,
  action: Action,
  l: { t: string; task: string },
  csrf: string,
  fields: Record<string, string>,
) {
  return f.app.request(`/l/${l.task}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
    body: new URLSearchParams({ t: l.t, csrf, ...fields }).toString(),
  });
}

const register = async (f: F, key: string) =>
  (await f.rows('文书登记')).find((r) => text(r, '去重键') === key);
const audits = async (f: F, action: string) =>
  (await f.rows('审计日志')).filter((r) => JSON.stringify(r.cells).includes(action));
const cuiNumbers = async (f: F) =>
  (await f.rows('文书登记'))
    .map((r) => /临政督催〔2026〕(\d+)号$/.exec(text(r, '文号'))?.[1])
    .filter(Boolean)
    .map(Number);

async function consentAll(f: F, keys: string[]) {
  const l = await link(f, 'consent-notices', LEADER, keys);
  const { csrf } = await open(f, l);
  return submit(f, 'consent-notices', l, csrf, { all: '1' });
}

describe('签发 by link', () => {
  it('the 分管领导 sees the drafts waiting for them, read-only, and nothing is written by opening the page', async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    expect(keys).toHaveLength(3);
    const { res, html } = await open(f, await link(f, 'consent-notices', LEADER, keys));
    expect(res.status).toBe(200);
    for (const id of DRAFTS) expect(html).toContain(id);
    expect(html).toContain('已超过完成时限 6月9日');
    expect(html).toContain('全部同意（3份）');
    // One opinion box per draft, for a refusal; consenting needs none.
    expect(html.match(/<textarea/g)).toHaveLength(3);
    for (const k of keys) expect(text(await register(f, `${k}|待签发`), '同意人')).toBe('');
  });

  it('a draft whose cause is gone (the item closed since) is not offered, and consenting it is refused', async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    const closed = keys.find((k) => k.startsWith('DB-2026-003|'))!;
    f.store.editTab('办结审批', (grid) => {
      const headers = grid.cells[0]!.map(String);
      const row = headers.map(() => null as string | null);
      row[headers.indexOf('编号')] = 'DB-2026-003';
      row[headers.indexOf('状态')] = '已办结';
      grid.cells.push(row);
    });
    const l = await link(f, 'consent-notices', LEADER, keys);
    const { html, csrf } = await open(f, l);
    expect(html).not.toContain(closed);
    expect(html).toContain('全部同意（2份）');
    const res = await submit(f, 'consent-notices', l, csrf, { draft: closed });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('文书的事由已消除');
    expect(text(await register(f, `${closed}|待签发`), '同意人')).toBe('');
  });

  it('a draft of a task whose data cannot be read (数据有误) is refused with what to do, and stays 待签发 as the scan keeps it', async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    const broken = keys.find((k) => k.startsWith('ZD-2026-022|'))!;
    f.store.editTab('挂图作战表', (grid) => {
      const h = grid.cells.findIndex((r) => r.includes('完成时限'));
      const column = grid.cells[h]!.indexOf('完成时限');
      grid.cells.find((r) => r.includes('ZD-2026-022'))![column] = '下个月底';
    });
    const l = await link(f, 'consent-notices', LEADER, keys);
    const { html, csrf } = await open(f, l);
    expect(html).not.toContain(broken);
    const res = await submit(f, 'consent-notices', l, csrf, { draft: broken });
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain('数据有误');
    expect(page).not.toContain('文书的事由已消除');
    await f.service.scan(f.now);
    expect(text(await register(f, `${broken}|待签发`), '发送状态')).toBe('待签发');
  });

  it('the 分管领导 may decline a draft with a reason: 不予签发, never numbered or sent, not proposed again', async () => {
    const f = await drafted();
    const [key] = await draftKeys(f, ['ZD-2026-033']);
    const l = await link(f, 'consent-notices', LEADER, [key!]);
    const { csrf } = await open(f, l);
    const bare = await submit(f, 'consent-notices', l, csrf, {
      draft: key!,
      decision: '不同意',
      opinion: '',
    });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('不同意时请填写意见（理由）');
    const res = await submit(f, 'consent-notices', l, csrf, {
      draft: key!,
      decision: '不同意',
      opinion: '该单位已书面说明，暂缓催办',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('不予签发');
    const row = await register(f, `${key}|待签发`);
    expect(text(row, '发送状态')).toBe('不予签发');
    expect(text(row, '同意人')).toBe('');
    const audit = (await audits(f, '不予签发')).at(-1)!;
    expect(text(audit, '备注')).toContain('意见：该单位已书面说明，暂缓催办');
    // The next scan neither proposes it again nor numbers it.
    await f.service.scan(f.now);
    const rows = (await f.rows('文书登记')).filter((r) => text(r, '去重键').startsWith(key!));
    expect(rows.map((r) => text(r, '发送状态'))).toEqual(['不予签发']);
    expect((await open(f, l)).res.status).toBe(409);
  });

  it('consent of one draft writes 同意人 as the leader, audits it, sends nothing; the link cannot consent it again', async () => {
    const f = await drafted();
    const [key] = await draftKeys(f, ['ZD-2026-033']);
    const l = await link(f, 'consent-notices', LEADER, [key!]);
    const { csrf } = await open(f, l);
    const before = f.mailer.sent.length;
    const res = await submit(f, 'consent-notices', l, csrf, { draft: key! });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已同意 1 份文书');
    const row = await register(f, `${key}|待签发`);
    expect(text(row, '同意人')).toBe('冯长青');
    expect(text(row, '签发人')).toBe('');
    expect(await audits(f, '文书同意')).toHaveLength(1);
    expect(f.mailer.sent.length).toBe(before);
    const again = await submit(f, 'consent-notices', l, csrf, { draft: key! });
    expect(again.status).toBe(409);
    expect((await open(f, l)).res.status).toBe(409);
    expect(await audits(f, '一次性令牌重复使用')).not.toHaveLength(0);
  });

  it('the 办公室主任 signs one: 签发人 and 签发日期 written, numbered next with no gap, sent once at once', async () => {
    const f = await drafted();
    const [key] = await draftKeys(f, ['ZD-2026-033']);
    await consentAll(f, [key!]);
    const last = Math.max(...(await cuiNumbers(f)));
    const l = await link(f, 'sign-notices', DIRECTOR, [key!]);
    const { res: page, html, csrf } = await open(f, l);
    expect(page.status).toBe(200);
    expect(html).toContain('冯长青');
    const before = f.mailer.sent.length;
    const res = await submit(f, 'sign-notices', l, csrf, { draft: key! });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已编号并发出');
    const row = await register(f, `${key}|待签发`);
    expect(text(row, '签发人')).toBe('魏晨曦');
    expect(row?.cells['签发日期']).toEqual({ date: '2026-06-15' });
    const sent = oneEach(f.mailer.sent.slice(before)).filter((m) => /【催办单】/.test(m.subject));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers?.['X-Duban-Doc-No']).toBe(`临政督催〔2026〕${last + 1}号`);
    expect(await audits(f, '文书签发')).toHaveLength(1);
    // Reused: refused, and a later scan sends nothing again.
    expect((await submit(f, 'sign-notices', l, csrf, { draft: key! })).status).toBe(409);
    const after = f.mailer.sent.length;
    await f.service.scan(f.now);
    expect(f.mailer.sent.slice(after).filter((m) => /【催办单】/.test(m.subject))).toHaveLength(0);
  });

  it('a 签发 given while the clerk has the workbook open is numbered and sent once the workbook is closed', async () => {
    const held = memoryHeld();
    held.open = false;
    const f = await drafted(held);
    const [key] = await draftKeys(f, ['ZD-2026-033']);
    await consentAll(f, [key!]);
    const last = Math.max(...(await cuiNumbers(f)));
    const l = await link(f, 'sign-notices', DIRECTOR, [key!]);
    const { csrf } = await open(f, l);
    held.open = true;
    const before = f.mailer.sent.length;
    const res = await submit(f, 'sign-notices', l, csrf, { draft: key! });
    expect(res.status).toBe(202);
    expect(await res.text()).toContain('签发意见已收到');
    expect(text(await register(f, `${key}|待签发`), '签发人')).toBe('');
    held.open = false;
    expect(await f.service.drainHeldAnswers(f.now)).toBe(1);
    expect(text(await register(f, `${key}|待签发`), '签发人')).toBe('魏晨曦');
    const sent = oneEach(f.mailer.sent.slice(before)).filter((m) => /【催办单】/.test(m.subject));
    expect(sent.map((m) => m.headers?.['X-Duban-Doc-No'])).toEqual([`临政督催〔2026〕${last + 1}号`]);
  });

  it('全部签发 signs every consented draft at once: consecutive 文号, each notice sent once', async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    expect((await consentAll(f, keys)).status).toBe(200);
    for (const k of keys) expect(text(await register(f, `${k}|待签发`), '同意人')).toBe('冯长青');
    const last = Math.max(...(await cuiNumbers(f)));
    const l = await link(f, 'sign-notices', DIRECTOR, keys);
    const { html, csrf } = await open(f, l);
    expect(html).toContain('全部签发（3份）');
    const before = f.mailer.sent.length;
    expect((await submit(f, 'sign-notices', l, csrf, { all: '1' })).status).toBe(200);
    const nos = oneEach(f.mailer.sent.slice(before))
      .filter((m) => /【催办单】/.test(m.subject))
      .map((m) => m.headers?.['X-Duban-Doc-No']);
    expect(nos.sort()).toEqual([1, 2, 3].map((n) => `临政督催〔2026〕${last + n}号`).sort());
    expect(await cuiNumbers(f)).toEqual(expect.arrayContaining([last + 1, last + 2, last + 3]));
    expect(await audits(f, '文书签发')).toHaveLength(3);
  });

  it('refusals: signing before consent, the wrong person, another leader, a reused link — Chinese page, 4xx, audited', async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    const sign = await link(f, 'sign-notices', DIRECTOR, keys);
    const early = await open(f, sign);
    expect(early.res.status).toBe(409);
    expect(early.html).toContain('尚未经分管领导同意');
    const forced = await submit(f, 'sign-notices', sign, early.csrf || (await csrfOf(f, sign)), {
      draft: keys[0]!,
    });
    expect(forced.status).toBe(409);
    expect(await forced.text()).toContain('尚未经分管领导同意');
    expect(text(await register(f, `${keys[0]}|待签发`), '签发人')).toBe('');

    // The director's link cannot consent; another 分管领导 cannot consent 冯长青's drafts.
    const wrong = await open(f, await link(f, 'consent-notices', DIRECTOR, keys));
    expect(wrong.res.status).toBe(403);
    expect(wrong.html).toContain('无权使用此链接');
    const other = await open(f, await link(f, 'consent-notices', OTHER_LEADER, keys));
    expect(other.res.status).toBe(403);
    // A leader's consent link cannot sign.
    expect((await open(f, await link(f, 'sign-notices', LEADER, keys))).res.status).toBe(403);
    expect((await audits(f, '令牌持有人不是')).length).toBeGreaterThanOrEqual(3);
    expect(await audits(f, '文书签发')).toHaveLength(0);
    expect((await audits(f, '事项状态不允许')).length).toBeGreaterThanOrEqual(2);

    // Reused: all consented, the consent link is spent.
    await consentAll(f, keys);
    const spent = await open(f, await link(f, 'consent-notices', LEADER, keys));
    expect(spent.res.status).toBe(409);
    expect(spent.html).toContain('链接已使用');
  });

  it('a draft outside the link is refused', async () => {
    const f = await drafted();
    const [a, b] = await draftKeys(f);
    const l = await link(f, 'consent-notices', LEADER, [a!]);
    const { csrf } = await open(f, l);
    const res = await submit(f, 'consent-notices', l, csrf, { draft: b! });
    expect(res.status).toBe(403);
    expect(text(await register(f, `${b}|待签发`), '同意人')).toBe('');
  });
});

describe('签发 by link: tokens and a failed send', () => {
  it('expired, forged and other-office tokens are refused with a Chinese page, 4xx, and audited', async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    const expired = await open(f, await link(f, 'sign-notices', DIRECTOR, keys, { exp: 1 }));
    expect(expired.res.status).toBe(410);
    expect(expired.html).toContain('链接已过期');
    const good = await link(f, 'consent-notices', LEADER, keys);
    const forged = await f.app.request(good.path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('链接无效');
    const office = await open(f, await link(f, 'consent-notices', LEADER, keys, { office: 'other.xlsx' }));
    expect(office.res.status).toBe(403);
    // A link mailed from last year's workbook, opened after the service moved to the new year's: the holder did open
    // it from the mail, so the page says what happened and whom to ask, not to open it from the mail.
    expect(office.html).toContain('上一年度');
    expect(office.html).toContain('请联系督查室');
    expect(office.html).not.toContain('请从本单位收到的邮件中打开链接');
    expect(await audits(f, '令牌已过期')).not.toHaveLength(0);
    expect(await audits(f, '令牌被篡改或伪造')).not.toHaveLength(0);
    expect(await audits(f, '令牌属于其他工作簿')).not.toHaveLength(0);
    for (const k of keys) expect(text(await register(f, `${k}|待签发`), '同意人')).toBe('');
  });

  it("a consent posted from another site or without the page's CSRF field is refused and writes nothing", async () => {
    const f = await drafted();
    const keys = await draftKeys(f);
    const l = await link(f, 'consent-notices', LEADER, keys);
    const { csrf } = await open(f, l);
    const body = new URLSearchParams({ t: l.t, csrf, all: '1' }).toString();
    const cross = await f.app.request(`/l/${l.task}/consent-notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body,
    });
    expect(cross.status).toBe(403);
    expect((await submit(f, 'consent-notices', l, 'wrong', { all: '1' })).status).toBe(403);
    for (const k of keys) expect(text(await register(f, `${k}|待签发`), '同意人')).toBe('');
  });

  it('a scan that read the workbook before the signature is followed by one more, so the notice still goes at once', async () => {
    const f = await drafted();
    const [key] = await draftKeys(f, ['ZD-2026-033']);
    await consentAll(f, [key!]);
    let calls = 0;
    const app = new Hono();
    app.route(
      '/l',
      linkRoutes({
        store: f.store,
        keys: KEYS,
        office: OFFICE,
        mailer: f.mailer,
        from: FROM,
        clock: () => f.now,
        // The first call returns a scan already under way (it saw no signature): nothing sent.
        scan: async (now) => (++calls === 1 ? null : f.service.scan(now)),
      }),
    );
    const l = await link(f, 'sign-notices', DIRECTOR, [key!]);
    const page = await app.request(l.path);
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const before = f.mailer.sent.length;
    const res = await app.request(`/l/${l.task}/sign-notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: new URLSearchParams({ t: l.t, csrf, draft: key! }).toString(),
    });
    expect(await res.text()).toContain('已编号并发出');
    expect(calls).toBe(2);
    expect(oneEach(f.mailer.sent.slice(before)).filter((m) => /【催办单】/.test(m.subject))).toHaveLength(1);
  });

  it('when the scan after signing fails, the signature stays recorded and the page says the next scan sends', async () => {
    const f = await drafted();
    const [key] = await draftKeys(f, ['ZD-2026-033']);
    await consentAll(f, [key!]);
    const app = new Hono();
    app.route(
      '/l',
      linkRoutes({
        store: f.store,
        keys: KEYS,
        office: OFFICE,
        mailer: f.mailer,
        from: FROM,
        clock: () => f.now,
        scan: () => Promise.reject(new Error('SMTP down')),
      }),
    );
    const l = await link(f, 'sign-notices', DIRECTOR, [key!]);
    const page = await app.request(l.path);
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const res = await app.request(`/l/${l.task}/sign-notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: new URLSearchParams({ t: l.t, csrf, draft: key! }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('编号和发送将由下一次扫描完成');
    expect(text(await register(f, `${key}|待签发`), '签发人')).toBe('魏晨曦');
    const before = f.mailer.sent.length;
    await f.service.scan(f.now);
    expect(oneEach(f.mailer.sent.slice(before)).filter((m) => /【催办单】/.test(m.subject))).toHaveLength(1);
  });
});

describe("签发 links in the signers' daily digests", () => {
  it("the 分管领导's digest links to consent all their drafts; the 办公室主任's next digest links to sign them", async () => {
    const f = await drafted();
    const fromMail = (to: string, label: string) => {
      const mail = f.mailer.sent
        .filter((m) => m.subject.startsWith('【督办提醒】') && m.to.some((a) => a.address === to))
        .at(-1)!;
      const url = new RegExp(`${label}：https://duban\\.example\\.gov\\.cn(/l/\\S+)`).exec(mail.text)?.[1];
      expect(mail.html).toContain(label === '审核同意链接' ? '阅后同意' : '阅后签发');
      return url!;
    };
    const consentPath = fromMail(LEADER, '审核同意链接');
    expect(consentPath).toContain('/consent-notices?t=');
    const page = await f.app.request(consentPath);
    const html = await page.text();
    expect(page.status).toBe(200);
    for (const id of DRAFTS) expect(html).toContain(id);
    const t = new URL(consentPath, 'http://localhost').searchParams.get('t')!;
    const task = consentPath.split('/')[2]!;
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(html)![1]!;
    expect((await submit(f, 'consent-notices', { t, task }, csrf, { all: '1' })).status).toBe(200);

    await f.service.scan(at830('2026-06-16'));
    const signPath = fromMail(DIRECTOR, '签发链接');
    const signPage = await f.app.request(signPath);
    expect(signPage.status).toBe(200);
    const signHtml = await signPage.text();
    for (const id of DRAFTS) expect(signHtml).toContain(id);
    expect(signHtml).toContain('全部签发（3份）');
    const signCsrf = /name="csrf"\s+value="([^"]+)"/.exec(signHtml)![1]!;
    const signToken = new URL(signPath, 'http://localhost').searchParams.get('t')!;
    const before = f.mailer.sent.length;
    const signed = await submit(
      f,
      'sign-notices',
      { t: signToken, task: signPath.split('/')[2]! },
      signCsrf,
      {
        all: '1',
      },
    );
    expect(signed.status).toBe(200);
    expect(oneEach(f.mailer.sent.slice(before)).filter((m) => /【催办单】/.test(m.subject))).toHaveLength(3);
  });
});

/** The CSRF field of a link whose page refuses (the form is posted anyway, as a forger would). */
async function csrfOf(f: F, l: { t: string; task: string }) {
  const { hmac } = await import('../../../src/web/links/token');
  return hmac(KEYS.signing.secret, `csrf.sign-notices.${l.t}`);
}
