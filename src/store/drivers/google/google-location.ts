/** Where the spreadsheet is: its id and each tab's gid (sheetId), from one spreadsheets.get of the tabs' properties. */
import type { SheetLocation } from '../../port';
import { type GoogleCaller, NO_GAXIOS_RETRY } from './google-call';

/** @example await googleLocation(caller); // { id: '1AbC…', gids: { 挂图作战表: 0, 督办台账: 1187354 } } */
export async function googleLocation(caller: GoogleCaller): Promise<SheetLocation> {
  const data = await caller.call('location', true, (s) =>
    s.spreadsheets.get(
      { spreadsheetId: caller.spreadsheetId, fields: 'sheets(properties(sheetId,title))' },
      NO_GAXIOS_RETRY,
    ),
  );
  const gids: Record<string, number> = {};
  for (const sheet of data.sheets ?? []) {
    const { title, sheetId } = sheet.properties ?? {};
    if (title && typeof sheetId === 'number') gids[title] = sheetId;
  }
  return { id: caller.spreadsheetId, gids };
}
