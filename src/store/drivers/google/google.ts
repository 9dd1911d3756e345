/**
 * The google driver: a SheetStore on a Google Sheets spreadsheet through the Sheets API v4.
 * - read: one values.batchGet + one spreadsheets.get, whatever the row count;
 * - apply: one spreadsheets.get (re-find rows by 编号) + ONE atomic batchUpdate with every value, fill and row tag;
 * - append: one spreadsheets.get (headers, merges) + one values.append (RAW, INSERT_ROWS).
 * 429 and 5xx are retried with jittered backoff honouring Retry-After; final errors read `[store:google] …`.
 * Only the Sheets API module of googleapis is loaded, lazily.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { applyGooglePlan } from './google-apply';
import { appendGoogleRows } from './google-append';
import { clientEmailOf } from './google-auth';
import { googleCaller } from './google-call';
import { googleLocation } from './google-location';
import { readGoogleTabs } from './google-read';
import type { RetryOptions } from './google-retry';
import type { SheetStore } from '../../port';
import { tabOpener } from '../../grid/open-tab';

export interface GoogleStoreOptions {
  spreadsheetId: string;
  /** An auth client: `serviceAccountAuth(key)`, `applicationDefaultAuth()`, or any googleapis auth (OAuth2Client…). */
  auth: sheets_v4.Options['auth'];
  /** API root, e.g. a local Sheets server in tests (`http://127.0.0.1:PORT/`). Default Google's. */
  rootUrl?: string;
  retry?: RetryOptions;
  /** The e-mail to name when the spreadsheet is not shared with the caller; default: taken from `auth`. */
  clientEmail?: string;
}

/**
 * Create a SheetStore on a Google spreadsheet.
 * @example
 * const store = createGoogleStore({ spreadsheetId, auth: serviceAccountAuth(parseServiceAccountKey(keyJson)) });
 * const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2, required: ['编号', '完成时限'] }]);
 */
export function createGoogleStore(opts: GoogleStoreOptions): SheetStore {
  let client: Promise<sheets_v4.Sheets> | undefined;
  const sheets = () =>
    (client ??= import('googleapis/build/src/apis/sheets').then(
      ({ sheets_v4: api }) =>
        new api.Sheets({ auth: opts.auth, ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}) }),
    ));
  const caller = googleCaller({
    spreadsheetId: opts.spreadsheetId,
    sheets,
    retry: opts.retry,
    clientEmail: async () => opts.clientEmail ?? (await clientEmailOf(opts.auth)),
  });
  const tabs = tabOpener();

  return {
    async read(specs) {
      tabs.remember(specs);
      return readGoogleTabs(caller, specs);
    },
    apply: (plan) => applyGooglePlan(caller, plan, tabs),
    append: (tab, rows) => appendGoogleRows(caller, tab, rows, tabs),
    location: () => googleLocation(caller),
  };
}
