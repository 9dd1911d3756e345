import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/mail/notices';
import { toMailMessage } from '../../src/mail/to-mail-message';
import { cuibanDoc, OFFICE, SCAN_INSTANT } from './fixtures';

describe('toMailMessage', () => {
  const rendered = renderNotice(cuibanDoc());
  const from = { name: OFFICE, address: 'duban@linyi.example.cn' };
  const to = [{ name: '赵六', address: 'zhaoliu@zrzy.example.cn' }];

  it('addresses and dates a rendered notice, keeping its headers and adding the caller’s', () => {
    const message = toMailMessage(rendered, {
      from,
      to,
      cc: [{ name: '李四', address: 'lisi@linyi.example.cn' }],
      date: SCAN_INSTANT,
      headers: { 'X-Duban-Dedupe-Key': 'ZD-2026-001|催办单|1|2026-03' },
    });
    expect(message).toMatchObject({
      from,
      to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    });
    expect(message.cc).toEqual([{ name: '李四', address: 'lisi@linyi.example.cn' }]);
    expect(message.date).toBe(SCAN_INSTANT);
    expect(message.headers).toEqual({
      'X-Duban-Kind': 'cuiban',
      'X-Duban-Item-Id': 'ZD-2026-001',
      'X-Duban-Doc-No': '临政督〔2026〕15号',
      'X-Duban-Dedupe-Key': 'ZD-2026-001|催办单|1|2026-03',
    });
  });

  it('lets the caller override a template header and leaves out an empty cc', () => {
    const message = toMailMessage(rendered, {
      from,
      to,
      cc: [],
      date: SCAN_INSTANT,
      headers: { 'X-Duban-Kind': 'test' },
    });
    expect(message.headers?.['X-Duban-Kind']).toBe('test');
    expect(message).not.toHaveProperty('cc');
  });
});
