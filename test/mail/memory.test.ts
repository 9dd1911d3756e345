import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { plainMessage } from './fixtures';

describe('memory mailer', () => {
  it('keeps every accepted message in send order', async () => {
    const mailer = createMemoryMailer();
    const first = await mailer.send(plainMessage({ subject: '一' }));
    const second = await mailer.send(plainMessage({ subject: '二' }));
    expect(mailer.sent.map((m) => m.subject)).toEqual(['一', '二']);
    expect(first).toEqual({ ok: true, messageId: '<memory-1@duban.local>' });
    expect(second).toEqual({ ok: true, messageId: '<memory-2@duban.local>' });
  });

  it('fails exactly the next N sends and records none of them, so a retry test can see 待发送 kept', async () => {
    const mailer = createMemoryMailer();
    mailer.failNext(2, '[mail:memory] server down');
    const results = [];
    for (const subject of ['一', '二', '三']) results.push(await mailer.send(plainMessage({ subject })));
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    expect(results[0]).toEqual({ ok: false, error: '[mail:memory] server down' });
    expect(mailer.sent.map((m) => m.subject)).toEqual(['三']);
  });

  it('uses an English default error', async () => {
    const mailer = createMemoryMailer();
    mailer.failNext(1);
    expect(await mailer.send(plainMessage())).toEqual({
      ok: false,
      error: '[mail:memory] simulated failure',
    });
  });
});
