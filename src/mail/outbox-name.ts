import { beijingTime } from '../calendar/beijing-clock';
import type { MailMessage } from './port';

/**
 * The outbox file name of a message: `<stamp>-<seq>-<kind>[-<year>-<number>]-<hash>.eml`, all ASCII.
 * - stamp: the message `date` as Asia/Shanghai wall time `YYYYMMDDTHHmmss` (what the clerk reads), so names sort by time;
 * - seq: 4 digits, the send order within one stamp (a scan sends many messages with the same instant);
 * - kind: the ASCII `X-Duban-Kind` header set by the notice templates (`cuiban` for a 催办单), else `mail`;
 * - year/number: from `X-Duban-Doc-No` (`临政督〔2026〕15号` → `2026-015`), when the notice has a 文号;
 * - hash: 8 hex digits of the message bytes, telling two messages apart at a glance.
 *
 * @example
 * outboxFileName(message, 1, 'a1b2c3d4'); // '20260321T083000-0001-cuiban-2026-015-a1b2c3d4.eml'
 */
export function outboxFileName(message: MailMessage, seq: number, hash: string): string {
  const parts = [shanghaiStamp(message.date), String(seq).padStart(4, '0'), kindSlug(message)];
  const docNo = docNumberSlug(header(message, 'X-Duban-Doc-No'));
  if (docNo) parts.push(docNo);
  parts.push(hash.replace(/[^0-9a-f]/gi, '').slice(0, 8));
  return `${parts.join('-')}.eml`;
}

/** `YYYYMMDDTHHmmss` in Asia/Shanghai. */
export function shanghaiStamp(date: Date): string {
  return beijingTime(date, 'YYYYMMDD[T]HHmmss');
}

function kindSlug(message: MailMessage): string {
  const kind = header(message, 'X-Duban-Kind');
  if (!kind) return 'mail';
  const ascii = kind.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return ascii.slice(0, 16) || 'mail';
}

/** `临政督〔2026〕15号` → `2026-015`; null when no year and number can be read. */
function docNumberSlug(docNo: string | undefined): string | null {
  if (!docNo) return null;
  const m = /(\d{4})\D+(\d+)\D*$/.exec(docNo);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(3, '0')}`;
}

function header(message: MailMessage, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(message.headers ?? {}))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}
