/**
 * A new 督办 Google Sheet from the one template definition, in two API calls whatever the demo's size:
 * spreadsheets.create with every tab (titles, grid sizes, frozen rows and columns), then ONE atomic
 * spreadsheets.batchUpdate with headers, merges, formats, widths, drop-downs, protections, notes, the 规则配置 rows
 * and the demo rows.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { configRows } from '../config-rows';
import {
  GUIDE_TAB,
  TABS,
  type CellValue,
  type DemoData,
  TAB_NAMES,
  type TabDef,
} from '../../src/workbook/schema/tabs';
import { StoreError } from '../../src/store/errors';
import { clientEmailOf } from '../../src/store/drivers/google/google-auth';
import { NO_GAXIOS_RETRY } from '../../src/store/drivers/google/google-call';
import { TEMPLATE_ROWS } from '../template-rows';
import { guideRequests, guideRowCount } from './google-create-guide';
import { tabRequests } from './google-create-requests';
import { toStoreError } from '../../src/store/drivers/google/google-errors';
import { rgbOfFill } from '../../src/store/drivers/google/google-a1';
import { withRetry, type RetryOptions } from '../../src/store/drivers/google/google-retry';

export interface CreateWorkbookOptions {
  /** A ready client; otherwise one is made from `auth` (and `rootUrl`). */
  sheets?: sheets_v4.Sheets;
  auth?: sheets_v4.Options['auth'];
  /** API root, e.g. the local Sheets server in tests. */
  rootUrl?: string;
  /** The new spreadsheet's title as shown in Drive (ignored with `spreadsheetId`). */
  title: string;
  /** Set up the template in this existing spreadsheet (shared with the caller) instead of creating one. */
  spreadsheetId?: string;
  /** Rows per tab (generateDemo); 规则配置 always gets its defaults. */
  demo?: DemoData;
  /** 规则配置 values over the defaults and the demo's (duban init --google: 工作年度). */
  config?: Record<string, string>;
  /** Sole editor of 文书登记 and 审计日志; default: the auth client's e-mail, when it has one. */
  serviceAccountEmail?: string;
  retry?: RetryOptions;
}

export interface CreatedWorkbook {
  spreadsheetId: string;
  url: string;
}

/**
 * The address staff open.
 * @example spreadsheetUrl('1AbC') // 'https://docs.google.com/spreadsheets/d/1AbC/edit'
 */
export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}

/** What a new sheet holds: the demo's rows, and 规则配置 with every key (configRows). */
interface SheetContent {
  demo?: DemoData | undefined;
  config?: Record<string, string> | undefined;
}

function rowsOf(def: TabDef, content: SheetContent): Array<Record<string, CellValue>> {
  if (def.name !== '规则配置') return content.demo?.[def.name] ?? [];
  return configRows(content.demo, content.config);
}

interface PlannedTab {
  def: TabDef;
  sheetId: number;
  rowCount: number;
  rows: Array<Record<string, CellValue>>;
}

function planTabs(content: SheetContent, firstId: number): PlannedTab[] {
  // The guide is firstId; the tabs follow in the definition's order.
  return TABS.map((def, i) => {
    const rows = rowsOf(def, content);
    return {
      def,
      sheetId: firstId + i + 1,
      rows,
      rowCount: Math.max(TEMPLATE_ROWS, def.headerRows + rows.length),
    };
  });
}

/** Properties of the guide and every tab: titles, order, grid sizes, frozen panes, tab colours. */
function sheetProperties(tabs: PlannedTab[], guideId: number): sheets_v4.Schema$SheetProperties[] {
  const grey = { rgbColor: rgbOfFill('808080') };
  return [
    {
      sheetId: guideId,
      title: GUIDE_TAB,
      index: 0,
      gridProperties: { rowCount: Math.max(100, guideRowCount()), columnCount: 2 },
      tabColorStyle: { rgbColor: rgbOfFill('2F75B5') },
    },
    ...tabs.map(({ def, sheetId, rowCount }, i) => ({
      sheetId,
      title: def.name,
      index: i + 1,
      gridProperties: {
        rowCount,
        columnCount: Math.max(26, def.columns.length),
        frozenRowCount: def.headerRows,
        ...(def.frozenColumns ? { frozenColumnCount: def.frozenColumns } : {}),
      },
      ...(def.owner === 'system' ? { tabColorStyle: grey } : {}),
    })),
  ];
}

/**
 * Every batchUpdate request of the new spreadsheet, against the sheet ids Google gave back.
 * @example const requests = templateRequests(new Map([[GUIDE_TAB, 0], ...TABS.map((t, i) => [t.name, i + 1])]), {});
 */
export function templateRequests(
  sheetIds: Map<string, number>,
  opts: SheetContent & { serviceAccountEmail?: string | undefined },
): sheets_v4.Schema$Request[] {
  const tabs = planTabs(opts, 0);
  const idOf = (name: string) => {
    const id = sheetIds.get(name);
    if (id === undefined) throw new StoreError('google', `no sheet id for tab ${name}`);
    return id;
  };
  return [
    ...guideRequests(idOf(GUIDE_TAB)),
    ...tabs.flatMap((t) =>
      tabRequests(t.def, {
        sheetId: idOf(t.def.name),
        rowCount: t.rowCount,
        rows: t.rows,
        serviceAccountEmail: opts.serviceAccountEmail,
      }),
    ),
  ];
}

async function clientOf(opts: CreateWorkbookOptions): Promise<sheets_v4.Sheets> {
  if (opts.sheets) return opts.sheets;
  const { sheets_v4: api } = await import('googleapis/build/src/apis/sheets');
  return new api.Sheets({ auth: opts.auth, ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}) });
}

function failure(error: unknown, operation: string, spreadsheetId: string, clientEmail?: string): StoreError {
  return toStoreError(error, operation, { spreadsheetId, clientEmail });
}

/** spreadsheets.create with the guide and every tab; returns the new id and the sheet ids Google kept. */
async function createSpreadsheet(
  sheets: sheets_v4.Sheets,
  opts: CreateWorkbookOptions,
): Promise<{ spreadsheetId: string; sheetIds: Map<string, number> }> {
  const requestBody: sheets_v4.Schema$Spreadsheet = {
    properties: { title: opts.title, locale: 'zh_CN', timeZone: 'Asia/Shanghai' },
    sheets: sheetProperties(planTabs(opts, 0), 0).map((properties) => ({ properties })),
  };
  // create is not idempotent (a retry after a lost answer would make a second spreadsheet): only 429 is retried.
  const created = await withRetry(
    () =>
      sheets.spreadsheets.create(
        { requestBody, fields: 'spreadsheetId,sheets.properties(sheetId,title)' },
        NO_GAXIOS_RETRY,
      ),
    { ...opts.retry, repeatable: false },
  ).catch((error: unknown) => {
    throw failure(error, 'create', '(new)');
  });
  const spreadsheetId = created.data.spreadsheetId;
  if (!spreadsheetId) throw new StoreError('google', 'create: Google answered without a spreadsheetId');
  const sheetIds = new Map(
    (created.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties?.sheetId ?? 0]),
  );
  return { spreadsheetId, sheetIds };
}

/**
 * addSheet requests for the template tabs in an existing spreadsheet (placed first; its own tabs are kept after
 * them). Refuses, before writing anything, when a template tab already exists.
 */
async function addSheetsTo(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  opts: CreateWorkbookOptions,
  clientEmail: string | undefined,
): Promise<{ requests: sheets_v4.Schema$Request[]; sheetIds: Map<string, number> }> {
  const existing = await withRetry(
    () =>
      sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(sheetId,title)' }, NO_GAXIOS_RETRY),
    { ...opts.retry, repeatable: true },
  ).catch((error: unknown) => {
    throw failure(error, 'read tabs', spreadsheetId, clientEmail);
  });
  const titles = (existing.data.sheets ?? []).map((s) => s.properties?.title ?? '');
  const clash = [GUIDE_TAB, ...TAB_NAMES].find((t) => titles.includes(t));
  if (clash)
    throw new StoreError(
      'google',
      `spreadsheet ${spreadsheetId} already has a tab '${clash}'; only a spreadsheet without the template's tabs is set up`,
    );
  const firstId = 1 + Math.max(0, ...(existing.data.sheets ?? []).map((s) => s.properties?.sheetId ?? 0));
  const properties = sheetProperties(planTabs(opts, firstId), firstId);
  return {
    requests: properties.map((p) => ({ addSheet: { properties: p } })),
    sheetIds: new Map(properties.map((p) => [p.title!, p.sheetId!])),
  };
}

/**
 * Create the 督办 workbook as a Google Sheet (owned by the caller), or with `spreadsheetId` set up the template's
 * tabs in an existing spreadsheet shared with the caller. Two API calls either way, whatever the demo's size.
 * Errors are StoreErrors (`[store:google] create: 403 …`).
 *
 * @example
 * const { spreadsheetId, url } = await createGoogleWorkbook({
 *   auth: serviceAccountAuth(keyJson), title: '督查督办 2026', demo: generateDemo({ year: 2026, asOf: '2026-06-15' }),
 * });
 */
export async function createGoogleWorkbook(opts: CreateWorkbookOptions): Promise<CreatedWorkbook> {
  const sheets = await clientOf(opts);
  const serviceAccountEmail =
    opts.serviceAccountEmail ??
    (opts.auth ? await clientEmailOf(opts.auth).catch(() => undefined) : undefined);

  let spreadsheetId: string;
  let sheetIds: Map<string, number>;
  let requests: sheets_v4.Schema$Request[] = [];
  if (opts.spreadsheetId) {
    spreadsheetId = opts.spreadsheetId;
    ({ requests, sheetIds } = await addSheetsTo(sheets, spreadsheetId, opts, serviceAccountEmail));
  } else {
    ({ spreadsheetId, sheetIds } = await createSpreadsheet(sheets, opts));
  }
  requests.push(...templateRequests(sheetIds, { demo: opts.demo, config: opts.config, serviceAccountEmail }));
  // Atomic, so safe to resend: either everything of the template is there or nothing.
  await withRetry(
    () =>
      sheets.spreadsheets.batchUpdate(
        { spreadsheetId, requestBody: { requests }, fields: 'spreadsheetId' },
        NO_GAXIOS_RETRY,
      ),
    { ...opts.retry, repeatable: true },
  ).catch((error: unknown) => {
    throw failure(error, 'set up the template', spreadsheetId, serviceAccountEmail);
  });
  return { spreadsheetId, url: spreadsheetUrl(spreadsheetId) };
}
