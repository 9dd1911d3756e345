/**
 * Developer metadata: where each entry lives (derived from the row / column / sheet record that holds it) and
 * spreadsheets.developerMetadata.search with DeveloperMetadataLookup data filters.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { invalid, type MetaRec, type SpreadsheetRec } from './model';

export interface Located {
  meta: MetaRec;
  out: sheets_v4.Schema$DeveloperMetadata;
  /** Remove this entry from where it lives. */
  remove: () => void;
}

/** Every developer metadata entry of the spreadsheet with its current location. */
export function allMetadata(ss: SpreadsheetRec): Located[] {
  const found: Located[] = [];
  const add = (list: MetaRec[], location: sheets_v4.Schema$DeveloperMetadataLocation) => {
    for (const meta of list) {
      found.push({
        meta,
        out: { ...meta, location },
        remove: () => list.splice(list.indexOf(meta), 1),
      });
    }
  };
  add(ss.metadata, { locationType: 'SPREADSHEET', spreadsheet: true });
  for (const sheet of ss.sheets) {
    const sheetId = sheet.properties.sheetId;
    add(sheet.metadata, { locationType: 'SHEET', sheetId });
    sheet.rows.forEach((row, i) => {
      if (row.metadata.length)
        add(row.metadata, {
          locationType: 'ROW',
          dimensionRange: { sheetId, dimension: 'ROWS', startIndex: i, endIndex: i + 1 },
        });
    });
    sheet.cols.forEach((col, i) => {
      if (col.metadata.length)
        add(col.metadata, {
          locationType: 'COLUMN',
          dimensionRange: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        });
    });
  }
  return found;
}

/** Does a metadata entry match a DeveloperMetadataLookup? */
export function matchesLookup(entry: Located, lookup: sheets_v4.Schema$DeveloperMetadataLookup): boolean {
  const { meta, out } = entry;
  if (lookup.metadataId != null && lookup.metadataId !== meta.metadataId) return false;
  if (lookup.metadataKey != null && lookup.metadataKey !== meta.metadataKey) return false;
  if (lookup.metadataValue != null && lookup.metadataValue !== meta.metadataValue) return false;
  if (lookup.visibility != null && lookup.visibility !== meta.visibility) return false;
  if (lookup.locationType != null && lookup.locationType !== out.location?.locationType) return false;
  const where = lookup.metadataLocation;
  if (where) {
    const loc = out.location!;
    if (where.sheetId != null && where.sheetId !== (loc.sheetId ?? loc.dimensionRange?.sheetId)) return false;
    if (where.dimensionRange) {
      const want = where.dimensionRange;
      const have = loc.dimensionRange;
      if (!have || have.sheetId !== want.sheetId || have.dimension !== want.dimension) return false;
      const s = want.startIndex ?? 0;
      const e = want.endIndex ?? Infinity;
      const exact = lookup.locationMatchingStrategy === 'EXACT_LOCATION';
      const hit = exact
        ? have.startIndex === s && have.endIndex === e
        : have.startIndex! < e && have.endIndex! > s;
      if (!hit) return false;
    }
  }
  return true;
}

/** developerMetadata.search: entries matching any filter, each with the filters it matched. */
export function searchMetadata(ss: SpreadsheetRec, filters: sheets_v4.Schema$DataFilter[] | undefined) {
  if (!filters?.length) throw invalid('Must specify at least one data filter.');
  const all = allMetadata(ss);
  const matched: sheets_v4.Schema$MatchedDeveloperMetadata[] = [];
  for (const entry of all) {
    const hits = filters.filter((f) => {
      if (f.developerMetadataLookup) return matchesLookup(entry, f.developerMetadataLookup);
      throw invalid('Only developerMetadataLookup data filters are supported by the local Sheets server.');
    });
    if (hits.length) matched.push({ developerMetadata: entry.out, dataFilters: hits });
  }
  return matched.length ? { matchedDeveloperMetadata: matched } : {};
}
