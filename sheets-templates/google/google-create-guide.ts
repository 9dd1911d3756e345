/**
 * The `使用说明` tab of the Google Sheet: the same lines as the .xlsx guide (sheets-templates/guide.ts), a narrow
 * label column and a wide wrapped text column.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { guideLines, type GuideLine } from '../guide';
import { TEMPLATE_FILLS, TEMPLATE_FONT } from './google-create-cells';
import { rgbOfFill } from '../../src/store/drivers/google/google-a1';
import { pixelsOfWidth } from './google-create-requests';

type CellData = sheets_v4.Schema$CellData;

function text(value: string | undefined, format: sheets_v4.Schema$CellFormat): CellData {
  return { ...(value ? { userEnteredValue: { stringValue: value } } : {}), userEnteredFormat: format };
}

function cellsOf(line: GuideLine): CellData[] {
  const font = (fontSize: number, bold: boolean) => ({ fontFamily: TEMPLATE_FONT, fontSize, bold });
  if (line.style === 'title') return [text(line.text, { textFormat: font(16, true) })];
  if (line.style === 'heading') {
    const rgb = rgbOfFill(TEMPLATE_FILLS.header);
    const fill = { backgroundColor: rgb, backgroundColorStyle: { rgbColor: rgb } };
    return [text(line.text, { textFormat: font(12, true), ...fill }), text(undefined, fill)];
  }
  const swatch = line.fill
    ? { backgroundColorStyle: { rgbColor: rgbOfFill(line.fill) }, horizontalAlignment: 'CENTER' as const }
    : {};
  return [
    text(line.tab, { textFormat: font(10, true), verticalAlignment: 'TOP', ...swatch }),
    text(line.text, { textFormat: font(10, false), verticalAlignment: 'TOP', wrapStrategy: 'WRAP' }),
  ];
}

/** Number of rows the guide needs. */
export const guideRowCount = (): number => guideLines().length;

/**
 * The guide's requests: its lines in one updateCells and the two column widths.
 * @example const requests = guideRequests(0);
 */
export function guideRequests(sheetId: number): sheets_v4.Schema$Request[] {
  const widths = [12, 100].map((width, i) => ({
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
      properties: { pixelSize: pixelsOfWidth(width) },
      fields: 'pixelSize',
    },
  }));
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: guideLines().map((line) => ({ values: cellsOf(line) })),
        fields: 'userEnteredValue,userEnteredFormat',
      },
    },
    ...widths,
  ];
}
