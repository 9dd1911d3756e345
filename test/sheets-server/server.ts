/**
 * A local Google Sheets API v4 server for tests: the REST surface the google driver and the template creator use,
 * in memory, with Google's request and response shapes and errors, plus test controls (faults, latency, hooks
 * between calls, call counts, sharing) and an OAuth token endpoint for service-account JWT clients.
 *
 * @example
 * const server = await startSheetsServer();
 * const sheets = new sheets_v4.Sheets({ rootUrl: server.url + '/', auth: offlineAuth() });
 * const id = server.seed({ sheets: [{ title: '挂图作战表', rows: [['编号'], ['ZD-2026-001']] }] });
 * await server.close();
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch } from './batch-update';
import { Faults, statusOf, type CallInfo } from './faults';
import { searchMetadata } from './metadata';
import { ApiError, invalid, type SpreadsheetRec } from './model';
import { insertDimension } from './dimensions';
import { seedSpreadsheet, type SeedSpreadsheet } from './seed';
import { createSpreadsheet, getSpreadsheet } from './spreadsheet-api';
import { StaffEditor } from './staff';
import { appendValues, clearValues, readRange, writeValues } from './values-api';
import { applyMask, parseMask } from './field-mask';

export interface SheetsServerOptions {
  port?: number;
  /** Accept only tokens issued by /token (default false: any Bearer token is accepted). */
  requireIssuedTokens?: boolean;
}

export interface SheetsServerState {
  spreadsheets: Map<string, SpreadsheetRec>;
  /** access token → service-account e-mail (the JWT `iss`) for tokens issued by /token. */
  tokens: Map<string, string>;
}

export interface SheetsServer {
  url: string;
  port: number;
  state: SheetsServerState;
  faults: Faults;
  /** Every Sheets API call so far, in order. */
  calls: CallInfo[];
  /** Token requests seen by /token: the decoded JWT claims. */
  tokenRequests: Array<Record<string, unknown>>;
  /** Number of calls per API method, e.g. `{ 'spreadsheets.values.batchGet': 1 }`. */
  countByMethod(): Record<string, number>;
  resetCalls(): void;
  /** Create a spreadsheet from plain rows (values typed as a user would, or exact cells). Returns its id. */
  seed(spec: SeedSpreadsheet): string;
  /** Edit a spreadsheet the way staff would in the browser (type, sort, insert, delete). */
  staff(spreadsheetId: string): StaffEditor;
  close(): Promise<void>;
}

const METHODS: Array<[string, RegExp, string]> = [
  ['POST', /^\/v4\/spreadsheets$/, 'spreadsheets.create'],
  ['GET', /^\/v4\/spreadsheets\/([^/:]+)$/, 'spreadsheets.get'],
  ['POST', /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/, 'spreadsheets.batchUpdate'],
  ['GET', /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/, 'spreadsheets.values.batchGet'],
  ['POST', /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/, 'spreadsheets.values.batchUpdate'],
  ['POST', /^\/v4\/spreadsheets\/([^/:]+)\/values:batchClear$/, 'spreadsheets.values.batchClear'],
  ['POST', /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+):append$/, 'spreadsheets.values.append'],
  ['POST', /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+):clear$/, 'spreadsheets.values.clear'],
  ['GET', /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+)$/, 'spreadsheets.values.get'],
  ['PUT', /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+)$/, 'spreadsheets.values.update'],
  [
    'POST',
    /^\/v4\/spreadsheets\/([^/:]+)\/developerMetadata:search$/,
    'spreadsheets.developerMetadata.search',
  ],
  ['GET', /^\/v4\/spreadsheets\/([^/:]+)\/developerMetadata\/(\d+)$/, 'spreadsheets.developerMetadata.get'],
];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body, null, 2));
}

function sendError(
  res: ServerResponse,
  code: number,
  status: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  send(res, code, { error: { code, message, status } }, headers);
}

function queryOf(url: URL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (out[k] ??= []).push(v);
  return out;
}

function decodeJwtClaims(assertion: string): Record<string, unknown> {
  const payload = assertion.split('.')[1];
  if (!payload) throw invalid('Invalid JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Start the server on 127.0.0.1 (a free port unless `opts.port`).
 * @example const server = await startSheetsServer(); // server.url === 'http://127.0.0.1:PORT'
 */
export async function startSheetsServer(opts: SheetsServerOptions = {}): Promise<SheetsServer> {
  const state: SheetsServerState = { spreadsheets: new Map(), tokens: new Map() };
  const faults = new Faults();
  const calls: CallInfo[] = [];
  const tokenRequests: Array<Record<string, unknown>> = [];
  let url = '';

  function spreadsheetOf(id: string | undefined): SpreadsheetRec {
    const ss = id ? state.spreadsheets.get(id) : undefined;
    if (!ss) throw new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
    return ss;
  }

  function checkAccess(ss: SpreadsheetRec, principal: string | undefined): void {
    if (ss.sharedWith && (!principal || !ss.sharedWith.includes(principal)))
      throw new ApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  }

  function handleToken(body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const assertion = form.get('assertion');
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || !assertion) {
      send(res, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' });
      return;
    }
    const claims = decodeJwtClaims(assertion);
    tokenRequests.push(claims);
    const token = `local-${randomUUID()}`;
    state.tokens.set(token, String(claims.iss ?? ''));
    send(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
  }

  function dispatch(method: string, call: CallInfo, m: RegExpExecArray, body: any): unknown {
    const q = call.query;
    const one = (k: string) => q[k]?.[0];
    if (method === 'spreadsheets.create') {
      const id = randomUUID().replace(/-/g, '');
      const ss = createSpreadsheet(id, body);
      state.spreadsheets.set(id, ss);
      return getSpreadsheet(ss, {}, url);
    }
    const ss = spreadsheetOf(call.spreadsheetId);
    checkAccess(ss, call.principal);
    const range = m[2] ? decodeURIComponent(m[2]) : '';
    switch (method) {
      case 'spreadsheets.get':
        return getSpreadsheet(
          ss,
          { ranges: q.ranges, includeGridData: one('includeGridData') === 'true', fields: one('fields') },
          url,
        );
      case 'spreadsheets.batchUpdate': {
        const { next, replies } = runBatch(ss, body?.requests);
        state.spreadsheets.set(ss.spreadsheetId, next);
        return {
          spreadsheetId: ss.spreadsheetId,
          replies,
          ...(body?.includeSpreadsheetInResponse
            ? { updatedSpreadsheet: getSpreadsheet(next, {}, url) }
            : {}),
        };
      }
      case 'spreadsheets.values.get':
        return readRange(ss, range, {
          valueRenderOption: one('valueRenderOption'),
          dateTimeRenderOption: one('dateTimeRenderOption'),
          majorDimension: one('majorDimension'),
        });
      case 'spreadsheets.values.batchGet':
        return {
          spreadsheetId: ss.spreadsheetId,
          valueRanges: (q.ranges ?? []).map((r) =>
            readRange(ss, r, {
              valueRenderOption: one('valueRenderOption'),
              dateTimeRenderOption: one('dateTimeRenderOption'),
              majorDimension: one('majorDimension'),
            }),
          ),
        };
      case 'spreadsheets.values.update':
        return mutate(ss, (copy) =>
          writeValues(copy, range, body?.values, one('valueInputOption'), body?.majorDimension),
        );
      case 'spreadsheets.values.batchUpdate':
        return mutate(ss, (copy) => {
          const responses = (body?.data ?? []).map((d: any) =>
            writeValues(copy, d.range, d.values, body?.valueInputOption, d.majorDimension),
          );
          const sum = (k: string) => responses.reduce((a: number, r: any) => a + (r[k] ?? 0), 0);
          return {
            spreadsheetId: ss.spreadsheetId,
            totalUpdatedRows: sum('updatedRows'),
            totalUpdatedColumns: sum('updatedColumns'),
            totalUpdatedCells: sum('updatedCells'),
            totalUpdatedSheets: new Set(responses.map((r: any) => String(r.updatedRange).split('!')[0])).size,
            responses,
          };
        });
      case 'spreadsheets.values.append':
        return mutate(ss, (copy) =>
          appendValues(
            copy,
            range,
            body?.values,
            one('valueInputOption'),
            one('insertDataOption'),
            body?.majorDimension,
            (sheet, at, count) => insertDimension(sheet, 'ROWS', at, count),
          ),
        );
      case 'spreadsheets.values.clear':
        return mutate(ss, (copy) => clearValues(copy, range));
      case 'spreadsheets.values.batchClear':
        return mutate(ss, (copy) => ({
          spreadsheetId: ss.spreadsheetId,
          clearedRanges: (body?.ranges ?? []).map((r: string) => clearValues(copy, r).clearedRange),
        }));
      case 'spreadsheets.developerMetadata.search':
        return searchMetadata(ss, body?.dataFilters);
      case 'spreadsheets.developerMetadata.get': {
        const found = (searchMetadata(ss, [{ developerMetadataLookup: { metadataId: Number(m[2]) } }]) as any)
          .matchedDeveloperMetadata?.[0];
        if (!found) throw new ApiError(404, 'NOT_FOUND', `No developer metadata with ID: ${m[2]}`);
        return found.developerMetadata;
      }
    }
    throw new ApiError(404, 'NOT_FOUND', 'Method not found.');
  }

  /** Values writes are all-or-nothing too: run on a copy, swap in on success. */
  function mutate<T>(ss: SpreadsheetRec, fn: (copy: SpreadsheetRec) => T): T {
    const copy = structuredClone(ss);
    const out = fn(copy);
    state.spreadsheets.set(ss.spreadsheetId, copy);
    return out;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    if (req.method === 'POST' && parsed.pathname === '/token') return handleToken(raw, res);
    const route = METHODS.map(([verb, re, name]) =>
      verb === req.method ? ([re.exec(parsed.pathname), name] as const) : undefined,
    ).find((x) => x?.[0]);
    if (!route)
      return sendError(
        res,
        404,
        'NOT_FOUND',
        `The requested URL ${parsed.pathname} was not found on this server.`,
      );
    const [match, method] = route as [RegExpExecArray, string];
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? parsed.searchParams.get('access_token') ?? undefined;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return sendError(res, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    }
    const call: CallInfo = {
      n: calls.length + 1,
      method,
      httpMethod: req.method ?? 'GET',
      path: parsed.pathname,
      spreadsheetId: match[1] ? decodeURIComponent(match[1]) : undefined,
      query: queryOf(parsed),
      body,
      principal: bearer ? (state.tokens.get(bearer) ?? bearer) : undefined,
    };
    calls.push(call);
    const finish = (status: number) => (call.status = status);
    if (!bearer && !parsed.searchParams.get('key')) {
      finish(401);
      return sendError(
        res,
        401,
        'UNAUTHENTICATED',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    }
    if (bearer && opts.requireIssuedTokens && !state.tokens.has(bearer)) {
      finish(401);
      return sendError(
        res,
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    }
    const delay = faults.delayFor(call);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    await faults.runHooks(call);
    const fault = faults.takeFailure(call);
    if (fault) {
      const [status, message] = statusOf(fault.status);
      finish(fault.status);
      return sendError(
        res,
        fault.status,
        status,
        fault.message ?? message,
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
    }
    try {
      let out = dispatch(method, call, match, body);
      const fields = call.query.fields?.[0];
      if (fields && method !== 'spreadsheets.get') out = applyMask(out, parseMask(fields));
      finish(200);
      send(res, 200, out ?? {});
    } catch (e) {
      if (e instanceof ApiError) {
        finish(e.code);
        return sendError(res, e.code, e.status, e.message);
      }
      finish(500);
      sendError(res, 500, 'INTERNAL', `Internal error encountered. (${(e as Error).message})`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => sendError(res, 500, 'INTERNAL', e.message));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    state,
    faults,
    calls,
    tokenRequests,
    countByMethod() {
      const out: Record<string, number> = {};
      for (const c of calls) out[c.method] = (out[c.method] ?? 0) + 1;
      return out;
    },
    resetCalls() {
      calls.length = 0;
    },
    seed(spec) {
      const ss = seedSpreadsheet(spec);
      state.spreadsheets.set(ss.spreadsheetId, ss);
      return ss.spreadsheetId;
    },
    staff(spreadsheetId) {
      return new StaffEditor(state, spreadsheetId);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

export type { CallInfo, FaultSpec } from './faults';
export { Faults } from './faults';
