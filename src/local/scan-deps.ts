import { dirname, join } from 'node:path';
import { toDay } from '../calendar/day';
import { createOutboxMailer } from '../mail/outbox';
import type { Address, Mailer } from '../mail/port';
import type { SheetStore } from '../store/port';
import { createXlsxStore } from '../store/drivers/xlsx/xlsx';

/** Default sender; override with DUBAN_MAIL_FROM (`县政府督查室 <duban@example.gov.cn>`). */
export function senderFromEnv(env: NodeJS.ProcessEnv = process.env): Address {
  const raw = env.DUBAN_MAIL_FROM?.trim();
  const m = raw ? /^(.*?)\s*<([^>]+)>$/.exec(raw) : null;
  if (m) return { name: m[1]!, address: m[2]! };
  return raw ? { address: raw } : { name: '督查室', address: 'duban@localhost' };
}

/** The scan's instant for `--date YYYY-MM-DD`: that day at 08:30 Asia/Shanghai (00:30 UTC), as the cron runs. */
export function scanInstant(date: string | undefined, now: () => Date = () => new Date()): Date {
  if (!date) return now();
  return new Date(toDay(date) * 86_400_000 + 30 * 60_000);
}

export interface LocalTargets {
  store: SheetStore;
  mailer: Mailer;
  outboxDir: string;
}

/** The embedded default: an .xlsx workbook and an outbox folder of .eml files beside it. */
export function localTargets(workbook: string, outbox?: string): LocalTargets {
  const outboxDir = outbox ?? join(dirname(workbook), 'outbox');
  return { store: createXlsxStore(workbook), mailer: createOutboxMailer(outboxDir), outboxDir };
}
