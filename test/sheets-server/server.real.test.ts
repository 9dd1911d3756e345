import { OAuth2Client } from 'google-auth-library';
import { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSheetsServer, type SheetsServer } from './server';

let server: SheetsServer;
let sheets: sheets_v4.Sheets;

beforeAll(async () => {
  server = await startSheetsServer();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.UTC(2100, 0, 1) });
  sheets = new sheets_v4.Sheets({ rootUrl: `${server.url}/`, auth });
});
afterAll(() => server.close());

const NO_RETRY = { retry: false } as const;
const MAP = '挂图作战表';

/** The error body Google sends, from a rejected googleapis call. */
async function googleError(p: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await p;
  } catch (e: any) {
    return { status: e.response?.status, body: e.response?.data };
  }
  throw new Error('expected the call to fail');
}

function seedMap(rows: any[][] = []) {
  return server.seed({
    sheets: [
      {
        title: MAP,
        rows: [['序号', '编号', '牵头单位', '完成时限', '状态'], ...rows],
      },
      { title: "it's", rows: [['a']] },
    ],
  });
}

describe('local Sheets server through the googleapis client', () => {
  it('creates a spreadsheet and builds a template: tabs, frozen rows, merges, widths, drop-downs, warning-only protection', async () => {
    const created = await sheets.spreadsheets.create({
      requestBody: { properties: { title: '督查督办2026' }, sheets: [{ properties: { title: MAP } }] },
    });
    const spreadsheetId = created.data.spreadsheetId!;
    const mapId = created.data.sheets![0]!.properties!.sheetId!;
    const res = await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { addSheet: { properties: { title: '文书登记', gridProperties: { frozenRowCount: 1 } } } },
          {
            updateSheetProperties: {
              properties: { sheetId: mapId, gridProperties: { frozenRowCount: 2 } },
              fields: 'gridProperties.frozenRowCount',
            },
          },
          {
            mergeCells: {
              range: {
                sheetId: mapId,
                startRowIndex: 0,
                endRowIndex: 1,
                startColumnIndex: 5,
                endColumnIndex: 7,
              },
              mergeType: 'MERGE_ALL',
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: mapId, dimension: 'COLUMNS', startIndex: 4, endIndex: 5 },
              properties: { pixelSize: 160 },
              fields: 'pixelSize',
            },
          },
          {
            setDataValidation: {
              range: { sheetId: mapId, startRowIndex: 2, startColumnIndex: 2, endColumnIndex: 3 },
              rule: {
                condition: {
                  type: 'ONE_OF_LIST',
                  values: [{ userEnteredValue: '一般' }, { userEnteredValue: '复杂' }],
                },
                strict: true,
                showCustomUi: true,
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: mapId, startColumnIndex: 9, endColumnIndex: 12 },
                description: '系统列',
                warningOnly: true,
              },
            },
          },
        ],
      },
    });
    expect(res.data.replies![0]!.addSheet!.properties!.title).toBe('文书登记');
    expect(res.data.replies![5]!.addProtectedRange!.protectedRange!.warningOnly).toBe(true);
    const got = await sheets.spreadsheets.get({
      spreadsheetId,
      fields:
        'properties.title,sheets(properties(title,gridProperties.frozenRowCount),merges,protectedRanges(description,warningOnly))',
    });
    expect(got.data).toEqual({
      properties: { title: '督查督办2026' },
      sheets: [
        {
          properties: { title: MAP, gridProperties: { frozenRowCount: 2 } },
          merges: [
            { sheetId: mapId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 5, endColumnIndex: 7 },
          ],
          protectedRanges: [{ description: '系统列', warningOnly: true }],
        },
        { properties: { title: '文书登记', gridProperties: { frozenRowCount: 1 } } },
      ],
    });
    const grid = await sheets.spreadsheets.get({
      spreadsheetId,
      ranges: [`'${MAP}'!C3:E3`],
      fields: 'sheets(data(rowData(values(dataValidation/condition/type)),columnMetadata/pixelSize))',
    });
    const data = grid.data.sheets![0]!.data![0]!;
    expect(data.rowData![0]!.values![0]!.dataValidation!.condition!.type).toBe('ONE_OF_LIST');
    expect(data.columnMetadata!.map((c) => c.pixelSize)).toEqual([100, 100, 160]);
  });

  it('reads values like Google: render options, serial dates, trailing blanks trimmed, quoted tab names, open ranges', async () => {
    const spreadsheetId = server.seed({
      sheets: [
        {
          title: MAP,
          rows: [
            ['编号', '完成时限', '备注', null],
            ['ZD-1', { date: '2026-06-30' }, { formula: '=B2+1' }, null],
            [],
            ['ZD-3', 12.5],
          ],
        },
        { title: "it's", rows: [['x', null, 'z']] },
      ],
    });
    const res = await sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: [`'${MAP}'`, `'${MAP}'!B2:Z`, "'it''s'!A:C", `${MAP}!A1`],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    expect(res.data.valueRanges!.map((v) => [v.range, v.values])).toEqual([
      // the server keeps formulas unevaluated (no value), so a trailing formula cell trims like an empty one
      [`'${MAP}'!A1:Z1000`, [['编号', '完成时限', '备注'], ['ZD-1', 46203], [], ['ZD-3', 12.5]]],
      [`'${MAP}'!B2:Z1000`, [[46203], [], [12.5]]],
      ["'it''s'!A1:C1000", [['x', '', 'z']]],
      [`'${MAP}'!A1`, [['编号']]],
    ]);
    const formatted = await sheets.spreadsheets.values.get({
      spreadsheetId,
      range: `'${MAP}'!A2:C2`,
      valueRenderOption: 'FORMATTED_VALUE',
    });
    expect(formatted.data.values).toEqual([['ZD-1', '2026-06-30']]);
    const formulas = await sheets.spreadsheets.values.get({
      spreadsheetId,
      range: `'${MAP}'!A2:C2`,
      valueRenderOption: 'FORMULA',
    });
    expect(formulas.data.values).toEqual([['ZD-1', 46203, '=B2+1']]);
    const outside = await googleError(
      sheets.spreadsheets.values.get({ spreadsheetId, range: `'${MAP}'!A1:AB2` }, NO_RETRY),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/exceeds grid limits/);
    const noTab = await googleError(
      sheets.spreadsheets.values.get({ spreadsheetId, range: "'督办台账'!A1" }, NO_RETRY),
    );
    expect(noTab.body.error).toEqual({
      code: 400,
      message: "Unable to parse range: '督办台账'!A1",
      status: 'INVALID_ARGUMENT',
    });
  });

  it('keeps RAW text starting with = as text and turns USER_ENTERED =… into a formula', async () => {
    const spreadsheetId = seedMap();
    await sheets.spreadsheets.values.update({
      spreadsheetId,
      range: `'${MAP}'!A2`,
      valueInputOption: 'RAW',
      requestBody: { values: [['=HYPERLINK("http://evil.example")', '2026-03-31', 42]] },
    });
    await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: [{ range: `'${MAP}'!A3`, values: [['=1+1', '2026-03-31', '42', "'007"]] }],
      },
    });
    const asFormula = await sheets.spreadsheets.values.get({
      spreadsheetId,
      range: `'${MAP}'!A2:D3`,
      valueRenderOption: 'FORMULA',
    });
    expect(asFormula.data.values).toEqual([
      ['=HYPERLINK("http://evil.example")', '2026-03-31', 42],
      ['=1+1', 46112, 42, '007'],
    ]);
  });

  it('appends after the table found at the range, inserting rows, and says where they landed', async () => {
    const spreadsheetId = server.seed({
      sheets: [
        {
          title: '文书登记',
          rows: [['文号', '类型'], ['1号', '催办单'], ['2号', '督办单'], [], ['说明', '表格下方的备注']],
        },
      ],
    });
    const res = await sheets.spreadsheets.values.append({
      spreadsheetId,
      range: "'文书登记'!A1:B",
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: {
        values: [
          ['3号', '=SUM(1,2)'],
          ['4号', null],
        ],
      },
    });
    expect(res.data.tableRange).toBe("'文书登记'!A1:B3");
    expect(res.data.updates!.updatedRange).toBe("'文书登记'!A4:B5");
    expect(server.staff(spreadsheetId).values('文书登记')).toEqual([
      ['文号', '类型'],
      ['1号', '催办单'],
      ['2号', '督办单'],
      ['3号', '=SUM(1,2)'],
      ['4号'],
      [],
      ['说明', '表格下方的备注'],
    ]);
  });

  it('applies a batchUpdate all or nothing: one bad request leaves the sheet untouched and names the request', async () => {
    const spreadsheetId = seedMap([[1, 'ZD-1', '发改局', '2026-06-30', '正常推进']]);
    const before = structuredClone(server.state.spreadsheets.get(spreadsheetId));
    const cell = (text: string) => ({ values: [{ userEnteredValue: { stringValue: text } }] });
    const failed = await googleError(
      sheets.spreadsheets.batchUpdate(
        {
          spreadsheetId,
          requestBody: {
            requests: [
              {
                updateCells: {
                  start: { sheetId: 0, rowIndex: 1, columnIndex: 4 },
                  rows: [cell('逾期')],
                  fields: 'userEnteredValue',
                },
              },
              { addSheet: { properties: { title: '新表' } } },
              { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
              {
                updateCells: {
                  start: { sheetId: 0, rowIndex: 5000, columnIndex: 0 },
                  rows: [cell('x')],
                  fields: 'userEnteredValue',
                },
              },
            ],
          },
        },
        NO_RETRY,
      ),
    );
    expect(failed.status).toBe(400);
    expect(failed.body.error.status).toBe('INVALID_ARGUMENT');
    expect(failed.body.error.message).toMatch(/^Invalid requests\[3\]\.updateCells: /);
    expect(server.state.spreadsheets.get(spreadsheetId)).toEqual(before);
  });

  it('writes only the fields in the mask: a fill leaves the value, a value leaves the fill', async () => {
    const spreadsheetId = seedMap([
      [1, 'ZD-1', '发改局', '2026-06-30', { value: '正常推进', fill: '00B050' }],
    ]);
    await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 1, columnIndex: 3 },
              rows: [
                {
                  values: [
                    {
                      userEnteredFormat: { backgroundColorStyle: { rgbColor: { red: 1 } } },
                      userEnteredValue: { stringValue: 'ignored' },
                    },
                  ],
                },
              ],
              fields: 'userEnteredFormat.backgroundColorStyle',
            },
          },
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 1, columnIndex: 4 },
              rows: [{ values: [{ userEnteredValue: { stringValue: '逾期' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    const got = await sheets.spreadsheets.get({
      spreadsheetId,
      ranges: [`'${MAP}'!D2:E2`],
      fields:
        'sheets.data.rowData.values(formattedValue,userEnteredFormat(backgroundColor,backgroundColorStyle))',
    });
    expect(got.data.sheets![0]!.data![0]!.rowData![0]!.values).toEqual([
      {
        formattedValue: '2026-06-30',
        userEnteredFormat: { backgroundColor: { red: 1 }, backgroundColorStyle: { rgbColor: { red: 1 } } },
      },
      {
        formattedValue: '逾期',
        userEnteredFormat: {
          backgroundColor: { green: 176 / 255, blue: 80 / 255 },
          backgroundColorStyle: { rgbColor: { green: 176 / 255, blue: 80 / 255 } },
        },
      },
    ]);
  });

  it('keeps row developer metadata on its row through sort, insert and delete, and finds it by search', async () => {
    const spreadsheetId = seedMap([
      [1, 'ZD-3', '甲'],
      [2, 'ZD-1', '乙'],
      [3, 'ZD-2', '丙'],
    ]);
    const tag = (row: number, id: string) => ({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'duban.id',
          metadataValue: id,
          visibility: 'DOCUMENT',
          location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: row - 1, endIndex: row } },
        },
      },
    });
    const created = await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [tag(2, 'ZD-3'), tag(3, 'ZD-1'), tag(4, 'ZD-2')] },
    });
    expect(created.data.replies![0]!.createDeveloperMetadata!.developerMetadata!.location).toEqual({
      locationType: 'ROW',
      dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
    });
    const staff = server.staff(spreadsheetId);
    staff.sortRows(MAP, 'B', 2);
    staff.insertRow(MAP, 2, ['新', 'ZD-0']);
    staff.deleteRow(MAP, 4); // ZD-2 (rows now: header, ZD-0, ZD-1, ZD-2, ZD-3)
    const search = await sheets.spreadsheets.developerMetadata.search({
      spreadsheetId,
      requestBody: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: 'duban.id', locationType: 'ROW' } }],
      },
    });
    const where = search.data.matchedDeveloperMetadata!.map((m) => [
      m.developerMetadata!.metadataValue,
      m.developerMetadata!.location!.dimensionRange!.startIndex! + 1,
    ]);
    expect(where).toEqual([
      ['ZD-1', 3],
      ['ZD-3', 4],
    ]);
    expect(staff.values(MAP, 'B2:B4')).toEqual([['ZD-0'], ['ZD-1'], ['ZD-3']]);
    const none = await sheets.spreadsheets.developerMetadata.search({
      spreadsheetId,
      requestBody: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: 'duban.id', metadataValue: 'ZD-2' } }],
      },
    });
    expect(none.data.matchedDeveloperMetadata).toBeUndefined();
  });
});

describe('test controls', () => {
  it('injects 429 with Retry-After, 500 and 503, counts calls by method and runs hooks between calls', async () => {
    const spreadsheetId = seedMap([[1, 'ZD-1']]);
    server.resetCalls();
    server.faults.fail({ nth: 1 }, { status: 429, retryAfter: 7 });
    server.faults.fail({ when: (c) => c.method === 'spreadsheets.batchUpdate' }, { status: 503 });
    server.faults.before({ when: (c) => c.method === 'spreadsheets.values.get' }, () =>
      server.staff(spreadsheetId).type(MAP, 'C2', '人工填写'),
    );
    try {
      const quota = await googleError(sheets.spreadsheets.get({ spreadsheetId }, NO_RETRY));
      expect(quota.status).toBe(429);
      expect(quota.body.error.status).toBe('RESOURCE_EXHAUSTED');
      const unavailable = await googleError(
        sheets.spreadsheets.batchUpdate(
          { spreadsheetId, requestBody: { requests: [{ addSheet: {} }] } },
          NO_RETRY,
        ),
      );
      expect(unavailable.body.error).toMatchObject({ code: 503, status: 'UNAVAILABLE' });
      const read = await sheets.spreadsheets.values.get({ spreadsheetId, range: `'${MAP}'!C2` });
      expect(read.data.values).toEqual([['人工填写']]);
      expect(server.countByMethod()).toEqual({
        'spreadsheets.get': 1,
        'spreadsheets.batchUpdate': 1,
        'spreadsheets.values.get': 1,
      });
      expect(server.calls.map((c) => c.status)).toEqual([429, 503, 200]);
    } finally {
      server.faults.clear();
    }
  });

  it('sends Retry-After on an injected 429', async () => {
    const spreadsheetId = seedMap();
    server.faults.fail({ when: () => true }, { status: 429, retryAfter: 3 });
    try {
      const res = await fetch(`${server.url}/v4/spreadsheets/${spreadsheetId}`, {
        headers: { authorization: 'Bearer t' },
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
    } finally {
      server.faults.clear();
    }
  });

  it('refuses a spreadsheet not shared with the caller with Google’s 403 PERMISSION_DENIED, and a call without a token with 401', async () => {
    const spreadsheetId = server.seed({
      sheets: [{ title: MAP }],
      sharedWith: ['someone-else@example.iam.gserviceaccount.com'],
    });
    const denied = await googleError(sheets.spreadsheets.get({ spreadsheetId }, NO_RETRY));
    expect(denied.body.error).toEqual({
      code: 403,
      message: 'The caller does not have permission',
      status: 'PERMISSION_DENIED',
    });
    const anonymous = await fetch(`${server.url}/v4/spreadsheets/${spreadsheetId}`);
    expect(anonymous.status).toBe(401);
  });
});

describe('limits', () => {
  it('refuses developer metadata beyond 30,000 characters on a sheet, applying nothing', async () => {
    const spreadsheetId = server.seed({ sheets: [{ title: MAP, rows: [['编号']] }] });
    const requests = Array.from({ length: 1600 }, (_, i) => ({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'duban.id',
          metadataValue: `ZD-2026-${String(i).padStart(4, '0')}`,
          visibility: 'DOCUMENT',
          location: {
            dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: i % 1000, endIndex: (i % 1000) + 1 },
          },
        },
      },
    }));
    const failed = await googleError(
      sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }, NO_RETRY),
    );
    expect(failed.body.error.message).toMatch(
      /^Invalid requests\[1599\]\.createDeveloperMetadata: .*30000 character limit/,
    );
    expect(server.staff(spreadsheetId).rowMetadata(MAP, 'duban.id')).toEqual({});
  });
});
