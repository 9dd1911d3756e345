/**
 * spreadsheets.batchUpdate: every request kind the driver, the template creator and the "staff edit" tests use.
 * All or nothing: requests run on a copy, and the first bad one rejects the whole batch with
 * `Invalid requests[i].<kind>: …` and nothing applied.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { copyPath, maskPaths, parseMask } from './field-mask';
import { allMetadata, matchesLookup } from './metadata';
import {
  ApiError,
  boundsOf,
  cellFor,
  findSheetById,
  invalid,
  newSheet,
  widestRow,
  type CellRec,
  type GridRange,
  type SpreadsheetRec,
} from './model';
import { deleteDimension, insertDimension, moveDimension, sortRange } from './dimensions';

type Request = sheets_v4.Schema$Request;
type Handler = (ss: SpreadsheetRec, body: any) => object | void;

const WRITABLE_CELL_FIELDS = [
  'userEnteredValue',
  'userEnteredFormat',
  'note',
  'dataValidation',
  'textFormatRuns',
  'hyperlink',
];

/** Proto3 JSON drops zero colour components; so do we, so readers must treat a missing component as 0. */
function normaliseColor(color: Record<string, number> | undefined) {
  if (!color) return;
  for (const k of Object.keys(color)) if (color[k] === 0) delete color[k];
}

function cellPaths(fields: string | undefined | null): string[][] {
  if (!fields) throw invalid('At least one field must be specified.');
  const paths = fields.trim() === '*' ? WRITABLE_CELL_FIELDS.map((f) => [f]) : maskPaths(parseMask(fields));
  for (const p of paths)
    if (!WRITABLE_CELL_FIELDS.includes(p[0]!)) throw invalid(`Invalid field mask: ${p.join('.')}`);
  return paths;
}

/** Apply the masked fields of `source` to a stored cell, keeping backgroundColor and backgroundColorStyle as one property. */
function writeCell(cell: CellRec, source: sheets_v4.Schema$CellData | undefined, paths: string[][]): void {
  const src = (source ?? {}) as Record<string, unknown>;
  for (const path of paths) copyPath(cell as Record<string, unknown>, src, path);
  const touches = (name: string) =>
    paths.some((p) => p[0] === 'userEnteredFormat' && (p.length === 1 || p[1] === name));
  const given = source?.userEnteredFormat;
  const fmt = cell.userEnteredFormat;
  if (touches('backgroundColorStyle') && given?.backgroundColorStyle?.rgbColor) {
    cell.userEnteredFormat = {
      ...fmt,
      backgroundColor: structuredClone(given.backgroundColorStyle.rgbColor),
    };
  } else if (touches('backgroundColor') && given?.backgroundColor) {
    cell.userEnteredFormat = {
      ...fmt,
      backgroundColorStyle: { rgbColor: structuredClone(given.backgroundColor) },
    };
  } else if ((touches('backgroundColorStyle') || touches('backgroundColor')) && fmt) {
    delete fmt.backgroundColor;
    delete fmt.backgroundColorStyle;
  }
  const after = cell.userEnteredFormat;
  if (after) {
    normaliseColor(after.backgroundColor as Record<string, number> | undefined);
    normaliseColor(after.backgroundColorStyle?.rgbColor as Record<string, number> | undefined);
    if (Object.keys(after).length === 0) delete cell.userEnteredFormat;
  }
  const v = cell.userEnteredValue;
  if (v && Object.keys(v).length > 1) throw invalid('Only one value may be set in userEnteredValue.');
}

function checkInGrid(ss: SpreadsheetRec, sheetId: number | null | undefined, r: number, c: number) {
  const sheet = findSheetById(ss, sheetId);
  const g = sheet.properties.gridProperties;
  if (r >= g.rowCount)
    throw invalid(`GridCoordinate.rowIndex[${r}] is after last row in grid[${g.rowCount - 1}]`);
  if (c >= g.columnCount)
    throw invalid(`GridCoordinate.columnIndex[${c}] is after last column in grid[${g.columnCount - 1}]`);
  return sheet;
}

function overlaps(a: GridRange, b: GridRange): boolean {
  const lo = (x?: number | null) => x ?? 0;
  const hi = (x?: number | null) => x ?? Infinity;
  return (
    lo(a.startRowIndex) < hi(b.endRowIndex) &&
    lo(b.startRowIndex) < hi(a.endRowIndex) &&
    lo(a.startColumnIndex) < hi(b.endColumnIndex) &&
    lo(b.startColumnIndex) < hi(a.endColumnIndex)
  );
}

function dimensionArgs(ss: SpreadsheetRec, range: sheets_v4.Schema$DimensionRange | undefined) {
  if (!range) throw invalid('range is required');
  const sheet = findSheetById(ss, range.sheetId);
  const dim = range.dimension as 'ROWS' | 'COLUMNS';
  if (dim !== 'ROWS' && dim !== 'COLUMNS') throw invalid('dimension must be ROWS or COLUMNS');
  const size =
    dim === 'ROWS' ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  return { sheet, dim, start: range.startIndex ?? 0, end: range.endIndex ?? size };
}

/** Google caps developer metadata at 30,000 characters (keys and values) per spreadsheet and per sheet. */
export const METADATA_CHAR_LIMIT = 30_000;

function checkMetadataSize(ss: SpreadsheetRec): void {
  const size = (list: Array<{ metadataKey: string; metadataValue?: string }>) =>
    list.reduce((n, m) => n + m.metadataKey.length + (m.metadataValue?.length ?? 0), 0);
  if (size(ss.metadata) > METADATA_CHAR_LIMIT)
    throw invalid('Developer metadata for the spreadsheet exceeds the 30000 character limit.');
  for (const sheet of ss.sheets) {
    const total =
      size(sheet.metadata) +
      sheet.rows.reduce((n, r) => n + size(r.metadata), 0) +
      sheet.cols.reduce((n, c) => n + size(c.metadata), 0);
    if (total > METADATA_CHAR_LIMIT)
      throw invalid(
        `Developer metadata for sheet ${sheet.properties.sheetId} exceeds the 30000 character limit.`,
      );
  }
}

const handlers: Record<string, Handler> = {
  updateCells(ss, req: sheets_v4.Schema$UpdateCellsRequest) {
    const paths = cellPaths(req.fields);
    const rows = req.rows ?? [];
    if (req.range) {
      const sheet = findSheetById(ss, req.range.sheetId);
      const b = boundsOf(sheet, req.range);
      // with a range, masked fields of cells the rows do not cover are cleared
      for (let r = b.r0; r < b.r1; r++) {
        for (let c = b.c0; c < b.c1; c++)
          writeCell(cellFor(sheet, r, c), rows[r - b.r0]?.values?.[c - b.c0] ?? undefined, paths);
      }
      return;
    }
    if (!req.start) throw invalid('Must specify either start or range.');
    const { sheetId, rowIndex, columnIndex } = req.start;
    const r0 = rowIndex ?? 0;
    const c0 = columnIndex ?? 0;
    rows.forEach((row, i) => {
      (row.values ?? []).forEach((value, j) => {
        const sheet = checkInGrid(ss, sheetId, r0 + i, c0 + j);
        writeCell(cellFor(sheet, r0 + i, c0 + j), value, paths);
      });
    });
    return;
  },

  repeatCell(ss, req: sheets_v4.Schema$RepeatCellRequest) {
    const paths = cellPaths(req.fields);
    if (!req.range) throw invalid('range is required');
    const sheet = findSheetById(ss, req.range.sheetId);
    const b = boundsOf(sheet, req.range);
    for (let r = b.r0; r < b.r1; r++)
      for (let c = b.c0; c < b.c1; c++) writeCell(cellFor(sheet, r, c), req.cell ?? undefined, paths);
    return;
  },

  addSheet(ss, req: sheets_v4.Schema$AddSheetRequest) {
    const p = req.properties ?? {};
    const title = p.title ?? `Sheet${ss.sheets.length + 1}`;
    if (ss.sheets.some((s) => s.properties.title === title))
      throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
    const sheetId = p.sheetId ?? 100_000 + ss.nextId++;
    if (ss.sheets.some((s) => s.properties.sheetId === sheetId))
      throw invalid(`Sheet with id ${sheetId} already exists.`);
    const grid = p.gridProperties ?? {};
    const index = Math.min(p.index ?? ss.sheets.length, ss.sheets.length);
    const sheet = newSheet(sheetId, title, index, grid.rowCount ?? 1000, grid.columnCount ?? 26);
    if (grid.frozenRowCount) sheet.properties.gridProperties.frozenRowCount = grid.frozenRowCount;
    if (grid.frozenColumnCount) sheet.properties.gridProperties.frozenColumnCount = grid.frozenColumnCount;
    if (p.hidden) sheet.properties.hidden = true;
    if (p.tabColorStyle) sheet.properties.tabColorStyle = p.tabColorStyle;
    ss.sheets.splice(index, 0, sheet);
    ss.sheets.forEach((s, i) => (s.properties.index = i));
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },

  deleteSheet(ss, req: sheets_v4.Schema$DeleteSheetRequest) {
    const sheet = findSheetById(ss, req.sheetId);
    if (ss.sheets.length === 1) throw invalid("You can't remove all the sheets in a document.");
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    ss.sheets.forEach((s, i) => (s.properties.index = i));
    return;
  },

  updateSheetProperties(ss, req: sheets_v4.Schema$UpdateSheetPropertiesRequest) {
    const sheet = findSheetById(ss, req.properties?.sheetId);
    if (!req.fields) throw invalid('At least one field must be specified.');
    const paths =
      req.fields.trim() === '*'
        ? [['title'], ['index'], ['gridProperties'], ['hidden'], ['tabColorStyle']]
        : maskPaths(parseMask(req.fields));
    const before = sheet.properties.gridProperties;
    for (const path of paths) {
      if (path[0] === 'sheetId') throw invalid('sheetId cannot be updated');
      if (path[0] === 'title') {
        const title = req.properties?.title;
        if (title && ss.sheets.some((s) => s !== sheet && s.properties.title === title))
          throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
      }
      copyPath(
        sheet.properties as unknown as Record<string, unknown>,
        req.properties as Record<string, unknown>,
        path,
      );
    }
    sheet.properties.gridProperties = {
      ...before,
      ...sheet.properties.gridProperties,
      rowCount: before.rowCount,
      columnCount: before.columnCount,
    };
    return;
  },

  mergeCells(ss, req: sheets_v4.Schema$MergeCellsRequest) {
    if (!req.range) throw invalid('range is required');
    const sheet = findSheetById(ss, req.range.sheetId);
    const b = boundsOf(sheet, req.range);
    const type = req.mergeType ?? 'MERGE_ALL';
    const pieces: GridRange[] = [];
    if (type === 'MERGE_ALL')
      pieces.push({ startRowIndex: b.r0, endRowIndex: b.r1, startColumnIndex: b.c0, endColumnIndex: b.c1 });
    else if (type === 'MERGE_ROWS')
      for (let r = b.r0; r < b.r1; r++)
        pieces.push({ startRowIndex: r, endRowIndex: r + 1, startColumnIndex: b.c0, endColumnIndex: b.c1 });
    else
      for (let c = b.c0; c < b.c1; c++)
        pieces.push({ startRowIndex: b.r0, endRowIndex: b.r1, startColumnIndex: c, endColumnIndex: c + 1 });
    for (const piece of pieces) {
      if (sheet.merges.some((m) => overlaps(m, piece)))
        throw invalid("You can't merge cells that are already partially merged.");
      for (let r = piece.startRowIndex!; r < piece.endRowIndex!; r++)
        for (let c = piece.startColumnIndex!; c < piece.endColumnIndex!; c++)
          if ((r !== piece.startRowIndex || c !== piece.startColumnIndex) && sheet.rows[r]!.cells[c])
            delete sheet.rows[r]!.cells[c]!.userEnteredValue;
      sheet.merges.push(piece);
    }
    return;
  },

  unmergeCells(ss, req: sheets_v4.Schema$UnmergeCellsRequest) {
    if (!req.range) throw invalid('range is required');
    const sheet = findSheetById(ss, req.range.sheetId);
    sheet.merges = sheet.merges.filter((m) => !overlaps(m, req.range!));
    return;
  },

  updateDimensionProperties(ss, req: sheets_v4.Schema$UpdateDimensionPropertiesRequest) {
    const { sheet, dim, start, end } = dimensionArgs(ss, req.range ?? undefined);
    if (!req.fields) throw invalid('At least one field must be specified.');
    const paths =
      req.fields.trim() === '*' ? [['pixelSize'], ['hiddenByUser']] : maskPaths(parseMask(req.fields));
    const list = dim === 'ROWS' ? sheet.rows : sheet.cols;
    if (end > list.length)
      throw invalid(`Invalid dimension range: end index ${end} is beyond the grid (${list.length})`);
    for (let i = start; i < end; i++) {
      for (const path of paths) {
        if (path[0] !== 'pixelSize' && path[0] !== 'hiddenByUser' && path[0] !== 'developerMetadata')
          throw invalid(`Invalid field mask: ${path.join('.')}`);
        if (path[0] === 'developerMetadata') continue;
        copyPath(
          list[i] as unknown as Record<string, unknown>,
          req.properties as Record<string, unknown>,
          path,
        );
      }
    }
    return;
  },

  setDataValidation(ss, req: sheets_v4.Schema$SetDataValidationRequest) {
    if (!req.range) throw invalid('range is required');
    const sheet = findSheetById(ss, req.range.sheetId);
    const b = boundsOf(sheet, req.range);
    const cond = req.rule?.condition;
    if (req.rule && !cond?.type) throw invalid('A data validation rule needs a condition type.');
    if (cond?.type === 'ONE_OF_LIST' && !cond.values?.length)
      throw invalid('ONE_OF_LIST condition requires at least one value');
    for (let r = b.r0; r < b.r1; r++)
      for (let c = b.c0; c < b.c1; c++)
        writeCell(cellFor(sheet, r, c), req.rule ? { dataValidation: req.rule } : {}, [['dataValidation']]);
    return;
  },

  addProtectedRange(ss, req: sheets_v4.Schema$AddProtectedRangeRequest) {
    const p = req.protectedRange;
    if (!p?.range) throw invalid('protectedRange.range is required');
    const sheet = findSheetById(ss, p.range.sheetId);
    boundsOf(sheet, p.range);
    if (
      p.warningOnly &&
      p.editors &&
      (p.editors.users?.length || p.editors.groups?.length || p.editors.domainUsersCanEdit)
    )
      throw invalid('Warning-only protected ranges cannot have editors.');
    const stored = {
      ...structuredClone(p),
      protectedRangeId: p.protectedRangeId ?? ss.nextId++,
      requestingUserCanEdit: true,
    };
    sheet.protectedRanges.push(stored);
    return { addProtectedRange: { protectedRange: structuredClone(stored) } };
  },

  deleteProtectedRange(ss, req: sheets_v4.Schema$DeleteProtectedRangeRequest) {
    for (const sheet of ss.sheets) {
      const i = sheet.protectedRanges.findIndex((p) => p.protectedRangeId === req.protectedRangeId);
      if (i >= 0) {
        sheet.protectedRanges.splice(i, 1);
        return;
      }
    }
    throw invalid(`No protected range with id: ${req.protectedRangeId}`);
  },

  createDeveloperMetadata(ss, req: sheets_v4.Schema$CreateDeveloperMetadataRequest) {
    const m = req.developerMetadata;
    if (!m?.metadataKey) throw invalid('developerMetadata.metadataKey is required');
    if (!m.visibility || m.visibility === 'DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED')
      throw invalid('developerMetadata.visibility is required');
    // ids handed out by nextId are unique by construction; only a caller-chosen id needs checking
    if (m.metadataId != null && allMetadata(ss).some((e) => e.meta.metadataId === m.metadataId))
      throw invalid(`Developer metadata with id ${m.metadataId} already exists.`);
    const id = m.metadataId ?? ss.nextId++;
    const rec = {
      metadataId: id,
      metadataKey: m.metadataKey,
      ...(m.metadataValue != null ? { metadataValue: m.metadataValue } : {}),
      visibility: m.visibility,
    };
    const loc = m.location;
    let location: sheets_v4.Schema$DeveloperMetadataLocation;
    if (!loc) throw invalid('developerMetadata.location is required');
    if (loc.spreadsheet) {
      ss.metadata.push(rec);
      location = { locationType: 'SPREADSHEET', spreadsheet: true };
    } else if (loc.sheetId != null) {
      findSheetById(ss, loc.sheetId).metadata.push(rec);
      location = { locationType: 'SHEET', sheetId: loc.sheetId };
    } else if (loc.dimensionRange) {
      const { sheet, dim, start, end } = dimensionArgs(ss, loc.dimensionRange);
      if (end - start !== 1)
        throw invalid('The local Sheets server only supports developer metadata on a single row or column.');
      const list = dim === 'ROWS' ? sheet.rows : sheet.cols;
      if (start >= list.length)
        throw invalid(`Invalid dimension range: index ${start} is beyond the grid (${list.length})`);
      list[start]!.metadata.push(rec);
      location = {
        locationType: dim === 'ROWS' ? 'ROW' : 'COLUMN',
        dimensionRange: {
          sheetId: sheet.properties.sheetId,
          dimension: dim,
          startIndex: start,
          endIndex: end,
        },
      };
    } else throw invalid('developerMetadata.location must set spreadsheet, sheetId or dimensionRange');
    const out = { ...rec, location };
    return { createDeveloperMetadata: { developerMetadata: out } };
  },

  updateDeveloperMetadata(ss, req: sheets_v4.Schema$UpdateDeveloperMetadataRequest) {
    if (!req.fields) throw invalid('At least one field must be specified.');
    const paths = maskPaths(parseMask(req.fields));
    const hits = allMetadata(ss).filter((e) =>
      (req.dataFilters ?? []).some(
        (f) => f.developerMetadataLookup && matchesLookup(e, f.developerMetadataLookup),
      ),
    );
    for (const hit of hits) {
      for (const path of paths) {
        if (path[0] === 'metadataValue' || path[0] === 'metadataKey' || path[0] === 'visibility')
          copyPath(
            hit.meta as unknown as Record<string, unknown>,
            req.developerMetadata as Record<string, unknown>,
            path,
          );
        else throw invalid(`Updating ${path.join('.')} is not supported by the local Sheets server.`);
      }
    }
    return {
      updateDeveloperMetadata: {
        developerMetadata: allMetadata(ss)
          .filter((e) => hits.some((h) => h.meta === e.meta))
          .map((e) => e.out),
      },
    };
  },

  deleteDeveloperMetadata(ss, req: sheets_v4.Schema$DeleteDeveloperMetadataRequest) {
    const lookup = req.dataFilter?.developerMetadataLookup;
    if (!lookup) throw invalid('dataFilter.developerMetadataLookup is required');
    const hits = allMetadata(ss).filter((e) => matchesLookup(e, lookup));
    const outs = hits.map((h) => h.out);
    for (const hit of hits) hit.remove();
    return { deleteDeveloperMetadata: { deletedDeveloperMetadata: outs } };
  },

  insertDimension(ss, req: sheets_v4.Schema$InsertDimensionRequest) {
    const { sheet, dim, start, end } = dimensionArgs(ss, req.range ?? undefined);
    insertDimension(sheet, dim, start, end - start, req.inheritFromBefore ?? false);
    return;
  },

  /** After the last row with data; rows are added to the grid when it is too short (as Google does). */
  appendCells(ss, req: sheets_v4.Schema$AppendCellsRequest) {
    const sheet = findSheetById(ss, req.sheetId);
    const paths = cellPaths(req.fields);
    let last = sheet.rows.length - 1;
    while (last >= 0 && sheet.rows[last]!.cells.every((c) => c?.userEnteredValue === undefined)) last--;
    const rows = req.rows ?? [];
    const missing = last + 1 + rows.length - sheet.rows.length;
    if (missing > 0) insertDimension(sheet, 'ROWS', sheet.rows.length, missing);
    const width = widestRow(rows.map((r) => r.values ?? []));
    if (width > sheet.cols.length)
      insertDimension(sheet, 'COLUMNS', sheet.cols.length, width - sheet.cols.length);
    rows.forEach((row, i) =>
      (row.values ?? []).forEach((value, j) => writeCell(cellFor(sheet, last + 1 + i, j), value, paths)),
    );
    return;
  },

  appendDimension(ss, req: sheets_v4.Schema$AppendDimensionRequest) {
    const sheet = findSheetById(ss, req.sheetId);
    const dim = req.dimension as 'ROWS' | 'COLUMNS';
    const size = dim === 'ROWS' ? sheet.rows.length : sheet.cols.length;
    insertDimension(sheet, dim, size, req.length ?? 0);
    return;
  },

  deleteDimension(ss, req: sheets_v4.Schema$DeleteDimensionRequest) {
    const { sheet, dim, start, end } = dimensionArgs(ss, req.range ?? undefined);
    deleteDimension(sheet, dim, start, end);
    return;
  },

  moveDimension(ss, req: sheets_v4.Schema$MoveDimensionRequest) {
    const { sheet, dim, start, end } = dimensionArgs(ss, req.source ?? undefined);
    if (req.destinationIndex == null) throw invalid('destinationIndex is required');
    moveDimension(sheet, dim, start, end, req.destinationIndex);
    return;
  },

  sortRange(ss, req: sheets_v4.Schema$SortRangeRequest) {
    if (!req.range) throw invalid('range is required');
    const sheet = findSheetById(ss, req.range.sheetId);
    const b = boundsOf(sheet, req.range);
    if (!req.sortSpecs?.length) throw invalid('At least one sort spec is required.');
    sortRange(sheet, b, req.sortSpecs);
    return;
  },

  updateSpreadsheetProperties(ss, req: sheets_v4.Schema$UpdateSpreadsheetPropertiesRequest) {
    if (!req.fields) throw invalid('At least one field must be specified.');
    for (const path of maskPaths(parseMask(req.fields)))
      copyPath(ss.properties as Record<string, unknown>, req.properties as Record<string, unknown>, path);
    return;
  },
};

/** The request kinds this server understands. */
export const SUPPORTED_REQUESTS = Object.keys(handlers);

/**
 * Run a batch of requests on a copy of `ss`; return the new state and the replies, or throw an ApiError naming
 * the first bad request (the original `ss` is untouched).
 */
export function runBatch(
  ss: SpreadsheetRec,
  requests: Request[] | undefined,
): { next: SpreadsheetRec; replies: object[] } {
  if (!requests?.length) throw invalid('Must specify at least one request.');
  const next = structuredClone(ss);
  const replies = requests.map((request, i) => {
    const kinds = Object.keys(request ?? {}).filter((k) => (request as Record<string, unknown>)[k] != null);
    if (kinds.length !== 1)
      throw invalid(
        kinds.length
          ? `Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`
          : `Invalid requests[${i}]: No request set.`,
      );
    const kind = kinds[0]!;
    const handler = handlers[kind];
    if (!handler)
      throw invalid(
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
    try {
      return handler(next, (request as Record<string, unknown>)[kind]) ?? {};
    } catch (e) {
      if (e instanceof ApiError)
        throw new ApiError(e.code, e.status, `Invalid requests[${i}].${kind}: ${e.message}`);
      throw e;
    }
  });
  // the size cap is checked once per batch (per request it would be quadratic); blamed on the last metadata request
  const last = requests
    .map((r) => Boolean(r.createDeveloperMetadata || r.updateDeveloperMetadata))
    .lastIndexOf(true);
  if (last >= 0) {
    try {
      checkMetadataSize(next);
    } catch (e) {
      const kind = requests[last]!.createDeveloperMetadata
        ? 'createDeveloperMetadata'
        : 'updateDeveloperMetadata';
      throw new ApiError(
        400,
        'INVALID_ARGUMENT',
        `Invalid requests[${last}].${kind}: ${(e as Error).message}`,
      );
    }
  }
  return { next, replies };
}
