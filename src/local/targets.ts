import { dirname, join } from 'node:path';
import { beijingInstant } from '../calendar/beijing-clock';
import { toDay } from '../calendar/day';
import { createOutboxMailer } from '../mail/outbox';
import { smtpMailer } from '../runtime/smtp-mailer';
import { parseRuntimeEnv, type RuntimeConfig } from '../runtime/env';
import type { ServiceTargets } from '../runtime/service';
import type { PreviousWorkbookOpener } from '../scan/year-end-reminder';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import { nodePngRuntime } from '../report/resvg-node';
import { createFileJournal } from '../store/journal/file';
import { previousWorkbookOf } from './previous-workbook';

/** The scan's instant for `--date YYYY-MM-DD`: that day at 08:30 Asia/Shanghai (00:30 UTC), as the cron runs. */
export function scanInstant(date: string | undefined, now: () => Date = () => new Date()): Date {
  if (!date) return now();
  return beijingInstant(toDay(date), '08:30');
}

/**
 * What the local runtime reads from duban.env and the environment (DUBAN_SMTP_URL, DUBAN_ADMIN_TOKEN…), checked by
 * the same schemas as Workers and Cloud Functions; every bad setting is a Chinese line naming it, what is accepted,
 * an example and where to change it.
 *
 * @example
 * const env = localEnv(process.env);
 * if (!env.ok) console.error(env.message);
 */
export function localEnv(
  env: Record<string, unknown> = process.env,
): { ok: true; config: RuntimeConfig } | { ok: false; message: string } {
  const parsed = parseRuntimeEnv(env, 'local');
  if (parsed.ok) return parsed;
  return {
    ok: false,
    message: ['设置有误，请修改后重试：', ...parsed.problems.map((p) => `- ${p.message}`)].join('\n'),
  };
}

export interface LocalTargets extends ServiceTargets {
  outboxDir: string;
  previousWorkbook: PreviousWorkbookOpener;
}

/** The scan lease of a workbook (scan-lease.ts): `<workbook>.scan-lease` beside it while a scan runs. */
export const leaseFileOf = (workbook: string): string => `${workbook}.scan-lease`;

/** The notice journal of a workbook: `督办-2026.xlsx` → `督办-2026.xlsx.notices.jsonl` beside it (back it up with it). */
export const journalFileOf = (workbook: string): string => `${workbook}.notices.jsonl`;

/**
 * The embedded default, chosen by the workbook's name: an .xlsx or .xlsm workbook edited in place as an OOXML package
 * (drivers/xlsx-package: every part the scan does not change is kept byte for byte), the notice journal beside it, and
 * the office's SMTP server when DUBAN_SMTP_URL (or DUBAN_SMTP_HOST) is set — else an outbox folder of .eml files, whose
 * notices the register marks 已存入发件箱. (A new local driver is chosen here.)
 */
export function localTargets(
  workbook: string,
  outbox?: string,
  mail?: Pick<RuntimeConfig, 'smtp'>,
): LocalTargets {
  const outboxDir = outbox ?? join(dirname(workbook), 'outbox');
  const smtp = mail?.smtp ? smtpMailer(mail.smtp) : null;
  return {
    store: createXlsxPackageStore(workbook),
    mailer: smtp ?? createOutboxMailer(outboxDir),
    mailTransport: smtp ? 'smtp' : 'outbox',
    journal: createFileJournal(journalFileOf(workbook)),
    png: nodePngRuntime,
    previousWorkbook: previousWorkbookOf(workbook),
    outboxDir,
  };
}
