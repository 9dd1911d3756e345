import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeEml } from '../../src/mail/compose';
import { plainMessage, SCAN_INSTANT } from './fixtures';

describe('the composed message', () => {
  it('is dated in Beijing time (+0800), the instant unchanged, as a clerk reads the header of an outbox file', async () => {
    const eml = await composeEml(plainMessage());
    const head = eml.subarray(0, eml.indexOf('\r\n\r\n')).toString('utf8');
    expect(/^Date: (.*)$/m.exec(head)?.[1]).toBe('Sat, 21 Mar 2026 08:30:00 +0800');
    expect((await simpleParser(eml)).date?.getTime()).toBe(SCAN_INSTANT.getTime());
  });
});
