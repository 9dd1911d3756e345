/** The Hono app every runtime serves, through `app.request`, over the one service on the memory store. */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { createService } from '../../src/runtime/service';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { createScheduledApp } from '../../src/web/scheduled-app';
import { StoreError } from '../../src/store/errors';
import { linkFixture } from './links/fixture';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

const TOKEN = 'admin-token-0123456789';

function demoService(now = at830('2026-06-15')) {
  const store = createMemoryStore(demoWorkbook());
  const mailer = createMemoryMailer();
  const service = createService({
    name: 'test',
    targets: { store, mailer, mailTransport: 'smtp' },
    from: FROM,
    adminToken: TOKEN,
    clock: () => now,
  });
  return { service, store, mailer };
}

const post = (headers: Record<string, string> = {}) => ({ method: 'POST', headers });

describe('the web app', () => {
  it('answers /health', async () => {
    const { service } = demoService();
    const res = await service.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses a scan without the admin token, with a wrong one or a malformed header, in Chinese, and scans nothing', async () => {
    const { service, store } = demoService();
    const refusals: Array<[Record<string, string>, number]> = [
      [{}, 401],
      [{ authorization: 'Bearer wrong-token-0123456789' }, 401],
      [{ 'x-duban-token': 'nope' }, 401],
      // Not a bearer token at all: 400 invalid_request (RFC 6750), same message.
      [{ authorization: 'Basic abc' }, 400],
    ];
    for (const [headers, status] of refusals) {
      const res = await service.app.request('/api/scan', post(headers));
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toContain('需要管理令牌');
    }
    expect(store.calls).toEqual({ read: 0, apply: 0, append: 0 });
  });

  it('scans with the bearer token or X-Duban-Token, and the page shows the last scan', async () => {
    const { service, mailer } = demoService();
    expect(await (await service.app.request('/')).text()).toContain('尚未扫描');
    const res = await service.app.request('/api/scan', post({ authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(200);
    const summary = (await res.json()) as { date: string; tasks: number; notices: { sent: number } };
    expect(summary.date).toBe('2026-06-15');
    // Every numbered notice mailed is counted; the 5月通报 mail to the leaders (issue 11) goes along once.
    const bulletin = mailer.sent.filter((m) => m.headers?.['X-Duban-Kind'] === 'bulletin');
    expect(bulletin).toHaveLength(1);
    expect(summary.notices.sent).toBe(mailer.sent.length - bulletin.length);
    expect(await (await service.app.request('/')).text()).toContain(
      `最近一次扫描：2026-06-15（${summary.tasks}项）`,
    );
    const again = await service.app.request('/api/scan', post({ 'x-duban-token': TOKEN }));
    expect(again.status).toBe(200);
  });

  it('answers an unexpected failure with a Chinese 500 and no stack', async () => {
    const { service, store } = demoService();
    store.read = async () => {
      throw new Error('disk on fire at /secret/path');
    };
    const res = await service.app.request('/api/scan', post({ authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('服务器内部错误');
    expect(text).not.toContain('/secret/path');
  });
});

describe('a workbook that cannot be read', () => {
  const away = new StoreError('xlsx', "cannot open /srv/share/督办.xlsx: ENOENT: no such file or directory");

  it("a unit's link page says so in Chinese: a 503 page that names no path", async () => {
    const f = linkFixture();
    const t = await f.token('ack');
    f.store.read = async () => {
      throw away;
    };
    const res = await f.app.request(f.path('ack', t), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('暂时读不到工作簿');
    expect(page).not.toContain('/srv/share');
    // The driver's own message names the office's sheet and account: not for a unit's page.
    f.store.read = async () => {
      throw new StoreError('google', '表格 1AbC 没有共享给服务账号 duban@proj.iam.gserviceaccount.com：…');
    };
    const google = await (await f.app.request(f.path('ack', t), { headers: { accept: 'text/html' } })).text();
    expect(google).toContain('暂时读不到工作簿');
    expect(google).not.toContain('gserviceaccount');
  });

  it('the API answers 503 JSON; a damaged workbook gives its own Chinese message', async () => {
    const { service, store } = demoService();
    store.read = async () => {
      throw away;
    };
    const res = await service.app.request('/api/scan', post({ authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toContain('暂时读不到工作簿');
    store.read = async () => {
      throw new StoreError('xlsx', '工作簿「督办.xlsx」已损坏，无法读取（bad zip）。文件未作任何改动。');
    };
    const damaged = await service.app.request('/api/scan', post({ authorization: `Bearer ${TOKEN}` }));
    expect(((await damaged.json()) as { error: string }).error).toBe('工作簿「督办.xlsx」已损坏，无法读取（bad zip）。文件未作任何改动。');
  });
});

describe('the scheduler’s app (Cloud Scheduler → Cloud Functions)', () => {
  it('takes POST only, with the admin token, dated by the scheduler', async () => {
    const { service, store } = demoService();
    const app = createScheduledApp(service, TOKEN, () => at830('2026-06-15'));
    expect((await app.request('/')).status).toBe(405);
    expect((await app.request('/', post())).status).toBe(401);
    const bad = await app.request(
      '/',
      post({ 'x-duban-token': TOKEN, 'x-cloudscheduler-scheduletime': 'soon' }),
    );
    expect(bad.status).toBe(400);
    const sunday = await app.request(
      '/',
      post({ 'x-duban-token': TOKEN, 'x-cloudscheduler-scheduletime': '2026-06-14T00:30:00Z' }),
    );
    expect(await sunday.json()).toEqual({ scanned: false, reason: expect.stringContaining('不是工作日') });
    expect(store.calls.apply).toBe(0);
    const monday = await app.request('/', post({ authorization: `Bearer ${TOKEN}` }));
    expect(((await monday.json()) as { date: string }).date).toBe('2026-06-15');
    expect(store.calls.apply).toBeGreaterThan(0);
  });
});

describe('the status page', () => {
  it('is in Chinese, fits a phone, and a rescan with nothing to do keeps the summary of what was done', async () => {
    const { service } = demoService();
    const auth = post({ authorization: `Bearer ${TOKEN}` });
    const first = (await (await service.app.request('/api/scan', auth)).json()) as {
      notices: { sent: number };
    };
    const idle = (await (await service.app.request('/api/scan', auth)).json()) as {
      notices: { sent: number };
    };
    expect(first.notices.sent).toBeGreaterThan(0);
    expect(idle.notices.sent).toBe(0);
    const page = await (await service.app.request('/')).text();
    expect(page).toContain('name="viewport"');
    expect(page).toContain(`<th>已发送</th><td>${first.notices.sent}</td>`);
    expect(page).not.toMatch(/<th>(created|sent|failed|duplicateSkipped)<\/th>/);
  });
});
