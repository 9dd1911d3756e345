/**
 * One place where the driver calls the Sheets API: retry with backoff, then one rewrite of the final error.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { describeGoogleError, isProtectedEdit, toStoreError } from './google-errors';
import { withRetry, type RetryOptions } from './google-retry';

export interface GoogleCaller {
  spreadsheetId: string;
  sheets(): Promise<sheets_v4.Sheets>;
  /**
   * Run one API call with retries; `repeatable` = safe to send twice (reads, atomic batchUpdate).
   * A final failure becomes a StoreError naming `operation`.
   */
  call<T>(
    operation: string,
    repeatable: boolean,
    run: (sheets: sheets_v4.Sheets) => Promise<{ data: T }>,
  ): Promise<T>;
}

export interface CallerOptions {
  spreadsheetId: string;
  sheets: () => Promise<sheets_v4.Sheets>;
  retry?: RetryOptions;
  /** Resolves the service-account e-mail for a 403 or protected-range message (only asked then). */
  clientEmail: () => Promise<string | undefined>;
}

/** Per-request gaxios options: the driver does its own retrying, so gaxios must not retry too. */
export const NO_GAXIOS_RETRY = { retry: false } as const;

/** @example const caller = googleCaller({ spreadsheetId, sheets: async () => client, clientEmail: async () => email }); */
export function googleCaller(opts: CallerOptions): GoogleCaller {
  return {
    spreadsheetId: opts.spreadsheetId,
    sheets: opts.sheets,
    async call(operation, repeatable, run) {
      const sheets = await opts.sheets();
      try {
        const res = await withRetry(() => run(sheets), { ...opts.retry, repeatable });
        return res.data;
      } catch (error) {
        const failure = describeGoogleError(error);
        // The account is named only where the fix is to share with it or add it to a protection.
        const named = failure.status === 403 || isProtectedEdit(failure);
        const clientEmail = named ? await opts.clientEmail().catch(() => undefined) : undefined;
        throw toStoreError(error, operation, { spreadsheetId: opts.spreadsheetId, clientEmail });
      }
    },
  };
}

/** True for Google's answer to a range naming a tab that does not exist. */
export function isMissingTabError(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const e = cause as { response?: { status?: number; data?: { error?: { message?: string } } } };
  return e?.response?.status === 400 && /Unable to parse range/i.test(e.response.data?.error?.message ?? '');
}
