/**
 * Without a mail server (no DUBAN_SMTP_URL) `duban serve` writes every mail to the outbox folder as an .eml file:
 * nobody has it until the 督查室 forwards it. The 延期申请 / 调整 / 办结 pages then say the request is recorded and the
 * 督查室 passes the notice on — never 已通知…审批，结果将以邮件告知 — and the forwarded .eml's link works. With SMTP they
 * say 已通知 (the other link tests).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { linkFixture, SAME_ORIGIN } from './fixture';

const ITEM = 'ZD-2026-003'; // 县发改局, 完成时限 2026-09-30, ★★★★ (completion chain up to the 主要领导)
const LIAISON = 'fgj.lianluo@demo.gov.cn';
const HEAD = 'fgj.fuze@demo.gov.cn';
const FORWARDED = '由督查室转交';
/** What no page may say while the mail sits in the outbox. */
const UNTRUE = /已通知|以邮件告知|已邮件告知/;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function outboxFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'duban-outbox-'));
  dirs.push(dir);
  return { f: linkFixture('2026-06-15', undefined, undefined, dir), dir };
}

/** The page's own text: what the clerk's pages say, not the record below. */
const said = async (res: Response) => {
  expect(res.status).toBe(200);
  return /<main>([\s\S]*?)(<h2>|<\/main>)/.exec(await res.text())?.[1] ?? '';
};

/** The link in the newest .eml of the outbox (what the 督查室 forwards), as a path. */
async function forwardedLink(dir: string): Promise<string> {
  const newest = readdirSync(dir).filter((n) => n.endsWith('.eml')).sort().at(-1)!;
  const mail = await simpleParser(readFileSync(join(dir, newest)));
  return /https:\/\/duban\.example\.gov\.cn(\/l\/\S+)/.exec(mail.text ?? '')![1]!;
}

async function post(f: ReturnType<typeof linkFixture>, path: string, fields: Record<string, string>) {
  const action = /\/l\/[^/]+\/([a-z-]+)\?/.exec(path)![1] as Parameters<typeof f.post>[0];
  const token = new URL(path, 'http://x').searchParams.get('t')!;
  const page = await (await f.app.request(path)).text();
  const csrf = /name="csrf"\s+value="([^"]+)"/.exec(page)![1]!;
  return f.post(action, token, { csrf, ...fields }, SAME_ORIGIN, ITEM);
}

describe('link pages in outbox mode (no mail server)', () => {
  it('延期申请: recorded, the 督查室 forwards it to the 分管领导, and tells the unit the result', async () => {
    const { f, dir } = outboxFixture();
    const t = await f.token('extend', { task: ITEM, person: LIAISON });
    const asked = await said(await post(f, f.path('extend', t, ITEM), { requested: '2026-11-30', reason: '汛期' }));
    expect(asked).toContain(`已记入督办工作簿。本系统未配置邮件服务器，审批通知已存入督查室的发件箱，${FORWARDED}分管领导`);
    expect(asked).toContain('审批结果由督查室转告');
    expect(asked).not.toMatch(UNTRUE);
    const decided = await said(await post(f, await forwardedLink(dir), { decision: '同意', opinion: '同意' }));
    expect(decided).toContain('告知承办单位的邮件已存入督查室的发件箱，由督查室转告承办单位');
    expect(decided).not.toMatch(UNTRUE);
  });

  it('调整: the same, at each leader of the chain', async () => {
    const { f, dir } = outboxFixture();
    const t = await f.token('adjust', { task: ITEM, person: LIAISON });
    const asked = await said(await post(f, f.path('adjust', t, ITEM), { kind: '调出', reason: '职能划转' }));
    expect(asked).toContain(`${FORWARDED}分管领导`);
    expect(asked).not.toMatch(UNTRUE);
    const first = await said(await post(f, await forwardedLink(dir), { decision: '同意', opinion: '拟同意' }));
    expect(first).toContain(`${FORWARDED}主要领导`);
    expect(first).not.toMatch(UNTRUE);
    const last = await said(await post(f, await forwardedLink(dir), { decision: '同意', opinion: '' }));
    expect(last).toContain('由督查室转告承办单位');
    expect(last).not.toMatch(UNTRUE);
  });

  it('办结: the next signer is reached through the 督查室, and so is the unit', async () => {
    const { f, dir } = outboxFixture();
    const t = await f.token('complete', { task: ITEM, person: HEAD });
    const applied = await said(await post(f, f.path('complete', t, ITEM), { opinion: '年度目标已全部完成' }));
    expect(applied).toContain(`签批通知已存入督查室的发件箱，${FORWARDED}督查室核实签批`);
    expect(applied).not.toMatch(UNTRUE);
    const signed = await said(await post(f, await forwardedLink(dir), { decision: '同意', opinion: '属实' }));
    expect(signed).toContain(`${FORWARDED}办公室分管副主任签批`);
    expect(signed).not.toMatch(UNTRUE);
    const back = await said(await post(f, await forwardedLink(dir), { decision: '退回', opinion: '材料不全' }));
    expect(back).toContain('由督查室转告承办单位');
    expect(back).not.toMatch(UNTRUE);
  });
});
