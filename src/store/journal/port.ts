/**
 * The notice journal: an append-only record, outside the workbook, of every notice registered and sent. The register
 * tab (文书登记) is its readable copy; the journal is what a crash, a missing tab or a clerk saving an old copy over
 * the workbook cannot erase. A scan writes a notice's `sending` before it hands it to the mail server and its `sent`
 * right after the server accepts it, so a kill can repeat at most the one notice in flight.
 */
import type { CellWrite } from '../port';

/**
 * `stored`: written to the outbox folder, no mail server set (已存入发件箱); `rejected`: refused for good by the mail
 * server (5xx), 发送失败 in the register.
 */
export type JournalState = 'registered' | 'sending' | 'sent' | 'stored' | 'failed' | 'rejected';

export interface JournalEntry {
  /** The notice's 去重键 (文书登记), or one recipient's copy of it (`copyKey`). */
  key: string;
  /** Its final 文号 ('' for kinds without one). */
  docNo: string;
  state: JournalState;
  /** Beijing time of the entry, `YYYY-MM-DD HH:mm:ss`. */
  at: string;
  /** The register row as first written (`registered` only): what a rolled-back workbook gets back. */
  row?: Record<string, CellWrite>;
}

export interface NoticeJournal {
  /** Every entry so far, oldest first. */
  read(): Promise<JournalEntry[]>;
  /** Append entries durably (the file driver fsyncs before it returns). */
  append(entries: JournalEntry[]): Promise<void>;
}

/**
 * The last state of each key; `sent` is final. A notice registered again after it went out (a workbook rolled back to
 * before its register row, twice) is still sent: reading the later `registered` as its state would send it again.
 */
export function lastStates(entries: JournalEntry[]): Map<string, JournalState> {
  const out = new Map<string, JournalState>();
  for (const e of entries) if (out.get(e.key) !== 'sent') out.set(e.key, e.state);
  return out;
}

/**
 * The journal key of one recipient's copy of a notice sent one mail per recipient (each with only its own signed
 * links), e.g. `ZD-2026-003|催办单|1|反馈@2026-03 → wangwu@example.cn` (`… → cc` for the 抄送 copy): its `sending` / `sent` marks say who has theirs,
 * so a scan stopped between two copies sends only the rest. The notice's own key gets its state once all are done.
 * Journals written before copies existed hold no such key and read as they did; older versions never ask for one.
 */
export function copyKey(key: string, recipient: string): string {
  return `${key} → ${recipient.trim().toLowerCase()}`;
}
