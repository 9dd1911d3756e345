import type { ScanSummary } from '../scan/types';

/** A scheduled scan that did not complete: shown on the status page and the desk until a later scan succeeds. */
export interface ScanFailure {
  /** When it failed (ISO instant). */
  at: string;
  /** Why, in Chinese, for the clerk. */
  reason: string;
  /** When the schedule tries again (ISO instant). */
  retryAt: string;
}

/** What the web app needs from the runtime's scans (src/runtime/service.ts implements it for every runtime). */
export interface ScanService {
  /** Scan now; one scan at a time (a second call waits for the running one). */
  scan(now: Date): Promise<ScanSummary>;
  /** The daily scan: null on a day off by the workbook's own calendar (nothing written or sent). */
  scheduledScan(now: Date): Promise<ScanSummary | null>;
  /** The last scan's summary, if any. */
  lastSummary(): Promise<ScanSummary | null>;
  /** A dry run now: what a scan would write and send (summary.preview), nothing written, sent or kept as the last summary. */
  preview?(now: Date): Promise<ScanSummary>;
  /** Names of the notices in the outbox, newest first (the local runtime only). */
  outbox?(): Promise<string[]>;
  /** The scheduled scan that failed since the last scan that succeeded, if any. */
  lastFailure?(): Promise<ScanFailure | null>;
}
