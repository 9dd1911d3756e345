import type { SendResult } from '../mail/port';
import { copyKey, type JournalState } from '../store/journal/port';
import { REJECTED, STORED } from '../workbook/schema/lists';
import type { NoticeCopy } from './notice-message';
import type { ScanDeps } from './types';

/** What became of one mail of a notice: sent now (`result`), or by an earlier scan, as the journal says (`before`). */
export type CopySend =
  { copy: NoticeCopy; result: SendResult } | { copy: NoticeCopy; before: 'sent' | 'stored' };

/**
 * Send a notice's mails in turn, each between its own `sending` and result marks in the journal: the one mail of a
 * notice without personal links under its 去重键 (its result is marked on the register rows, send-each.ts), each
 * recipient's copy under (去重键, recipient) — `copyKey` — so a copy the journal says went out is skipped, never
 * sent twice. A failure that may pass (server away, 4xx) stops the notice: its other copies wait for the next scan;
 * a recipient refused for good (5xx) does not keep the others from theirs.
 */
export async function sendCopies(
  deps: Pick<ScanDeps, 'mailer' | 'journal'>,
  notice: { key: string; docNo: string; stamp: string },
  copies: NoticeCopy[],
  sentBefore: ReadonlyMap<string, 'sent' | 'stored'>,
): Promise<CopySend[]> {
  const { key, docNo, stamp } = notice;
  const out: CopySend[] = [];
  for (const copy of copies) {
    const mark = copy.for ? copyKey(key, copy.for) : key;
    const before = copy.for ? sentBefore.get(mark) : undefined;
    if (before) {
      out.push({ copy, before });
      continue;
    }
    await deps.journal?.append([{ key: mark, docNo, state: 'sending', at: stamp }]);
    const result = await deps.mailer.send(copy.message);
    if (copy.for) await deps.journal?.append([{ key: mark, docNo, state: journalState(result), at: stamp }]);
    out.push({ copy, result });
    if (!result.ok && !result.permanent) break;
  }
  return out;
}

/**
 * The notice's result from its mails' (`before`: every copy went out in earlier scans): a failure that may pass keeps
 * it 待发送, else a refusal makes it 发送失败, else it is sent — 已存入发件箱 when any copy only reached the outbox.
 */
export function overallOf(sends: CopySend[]): { result: SendResult } | { before: 'sent' | 'stored' } {
  const now = sends.flatMap((s) => ('result' in s ? [s.result] : []));
  const stored = sends.some((s) => ('result' in s ? s.result.ok && s.result.stored : s.before === 'stored'));
  if (!now.length) return { before: stored ? 'stored' : 'sent' };
  const failed = now.find((r) => !r.ok && !r.permanent) ?? now.find((r) => !r.ok);
  if (failed) return { result: failed };
  const locations = now.flatMap((r) => (r.ok && r.location ? [r.location] : []));
  const refused = now.flatMap((r) => (r.ok && r.refused ? r.refused : []));
  const last = now.at(-1) as Extract<SendResult, { ok: true }>;
  return {
    result: {
      ok: true,
      messageId: last.messageId,
      ...(locations.length ? { location: locations.join('、') } : {}),
      ...(stored ? { stored } : {}),
      ...(refused.length ? { refused } : {}),
    },
  };
}

/** The addresses a notice's mails reached (now or before), and those refused for good. */
export function reachOf(sends: CopySend[]): { delivered: string[]; refused: string[] } {
  const addresses = (s: CopySend) => s.copy.message.to.map((a) => a.address);
  return {
    delivered: sends.filter((s) => !('result' in s) || s.result.ok).flatMap(addresses),
    refused: sends.filter((s) => 'result' in s && !s.result.ok && s.result.permanent).flatMap(addresses),
  };
}

/** The journal's record of one send. */
export function journalState(result: SendResult): JournalState {
  if (result.ok) return result.stored ? 'stored' : 'sent';
  return result.permanent ? 'rejected' : 'failed';
}

/** 文书登记 发送状态 after one send. */
export function sendState(result: SendResult): string {
  if (result.ok) return result.stored ? STORED : '已发送';
  return result.permanent ? REJECTED : '待发送';
}
