/** Issue 11: the weekly brief on Cloud Scheduler (POST /weekly-brief, admin token) and on the Workers cron. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { onCron, WEEKLY_BRIEF_CRON } from '../../src/runtime/crons';
import { createService } from '../../src/runtime/service';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { createScheduledApp } from '../../src/web/scheduled-app';
import { demoWorkbook, FROM } from '../scan/demo-workbook';

const TOKEN = 'test-admin-token-0123456789';

function setup() {
  const store = createMemoryStore(demoWorkbook('2026-06-15'));
  const mailer = createMemoryMailer();
  const service = createService({
    name: 't',
    targets: { store, mailer, mailTransport: 'outbox' },
    from: FROM,
    adminToken: TOKEN,
  });
  return { store, mailer, service, app: createScheduledApp(service, TOKEN) };
}

const post = (headers: Record<string, string>) => ({ method: 'POST', headers });

describe('POST /weekly-brief (Cloud Scheduler)', () => {
  it('needs the admin token', async () => {
    const { app, mailer } = setup();
    const res = await app.request(
      '/weekly-brief',
      post({ 'x-cloudscheduler-scheduletime': '2026-06-15T00:00:00Z' }),
    );
    expect(res.status).toBe(401);
    expect(mailer.sent).toHaveLength(0);
  });

  it('sends the briefs at the schedule time once, and answers why not otherwise', async () => {
    const { app, mailer, store } = setup();
    const at = (time: string) =>
      app.request('/weekly-brief', post({ 'x-duban-token': TOKEN, 'x-cloudscheduler-scheduletime': time }));
    expect(await (await at('2026-06-14T00:00:00Z')).json()).toMatchObject({
      due: false,
      reason: 'not-brief-day',
    });
    expect(await (await at('2026-06-15T00:00:00Z')).json()).toMatchObject({ due: true, sent: 4 });
    expect(await (await at('2026-06-15T01:00:00Z')).json()).toMatchObject({
      due: true,
      sent: 0,
      alreadySent: 4,
    });
    expect(mailer.sent).toHaveLength(4);
    // The daily scan is still POST / on the same app, and writes no brief.
    const scan = await app.request(
      '/',
      post({ 'x-duban-token': TOKEN, 'x-cloudscheduler-scheduletime': '2026-06-15T00:30:00Z' }),
    );
    expect(scan.status).toBe(200);
    expect(store.tab('审计日志')!.rows.filter((r) => r[2] === '发送周报')).toHaveLength(4);
  });

  it('refuses an unreadable schedule time', async () => {
    const { app } = setup();
    const res = await app.request(
      '/weekly-brief',
      post({ 'x-duban-token': TOKEN, 'x-cloudscheduler-scheduletime': 'monday' }),
    );
    expect(res.status).toBe(400);
  });
});

describe('the Workers cron triggers', () => {
  it('wrangler.toml has the daily scan and the weekly brief, and each cron runs its own job', async () => {
    const toml = readFileSync('wrangler.toml', 'utf8');
    expect(toml).toContain(`crons = ["30 0 * * *", "${WEEKLY_BRIEF_CRON}"]`);
    const { service, mailer, store } = setup();
    const monday8 = new Date('2026-06-15T00:00:00Z');
    expect(await onCron(service, WEEKLY_BRIEF_CRON, monday8)).toMatchObject({ sent: 4 });
    expect(mailer.sent.every((m) => m.headers?.['X-Duban-Kind'] === 'weekly')).toBe(true);
    const scan = (await onCron(service, '30 0 * * *', new Date('2026-06-15T00:30:00Z'))) as { tasks: number };
    expect(scan.tasks).toBeGreaterThan(0);
    expect(store.tab('审计日志')!.rows.filter((r) => r[2] === '发送周报')).toHaveLength(4);
  });
});
