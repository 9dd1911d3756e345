/** The fixture of the 改回待发送 tests: a recipient whose mailbox the clerk mistypes, then corrects, in 通讯录. */
import { expect } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { MailMessage, SendResult } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import { scanLinks } from '../../src/web/links/scan-links';
import { parseLinkKeys } from '../../src/web/links/token';
import { at830, demoWorkbook, FROM } from './demo-workbook';

export const DAY = at830('2026-06-15');
export const LINKS = scanLinks(
  {
    keys: parseLinkKeys('k1:first-secret-0123456789'),
    office: 'demo.xlsx',
    publicUrl: 'https://duban.example.gov.cn',
  },
  DAY,
);

/** What the smtp mailer returns for a mailbox the server does not have (a 550 at RCPT TO). */
export const MAILBOX_UNAVAILABLE: SendResult = {
  ok: false,
  permanent: true,
  kind: 'rejected',
  error: '[mail:smtp] 550 5.1.1 Mailbox unavailable',
};

export const keyOf = (m: MailMessage) => m.headers?.['X-Duban-Dedupe-Key'] ?? '';
export const copyOf = (m: MailMessage) => m.headers?.['X-Duban-Copy-For'];
export const reaches = (m: MailMessage, address: string) =>
  [...m.to, ...(m.cc ?? [])].some((a) => a.address.toLowerCase() === address.toLowerCase());

/** A unit contact who, with a colleague, is sent a formal notice (not a digest) on DAY: their address. */
export async function twoRecipientContact(links: boolean): Promise<string> {
  const mailer = createMemoryMailer();
  await runScan({
    store: createMemoryStore(demoWorkbook()),
    mailer,
    from: FROM,
    now: DAY,
    ...(links ? LINKS : {}),
  });
  const mail = mailer.sent.find(
    (m) => m.headers?.['X-Duban-Kind'] !== 'digest' && m.to.length > 1 && !copyOf(m),
  );
  if (mail) return mail.to[1]!.address;
  const copies = mailer.sent.filter((m) => copyOf(m) && copyOf(m) !== 'cc');
  const pair = copies.find((m) => copies.some((o) => o !== m && keyOf(o) === keyOf(m)))!;
  return copies.filter((m) => keyOf(m) === keyOf(pair))[1]!.to[0]!.address;
}

/** The 通讯录 row of `from` gets the address `to`, as a clerk would type it. */
export function retype(store: MemoryStore, from: string, to: string): void {
  store.editTab('通讯录', (grid) => {
    const col = grid.cells[0]!.indexOf('邮箱');
    const rows = grid.cells.filter((r) => r[col] === from);
    expect(rows).toHaveLength(1);
    rows[0]![col] = to;
  });
}
