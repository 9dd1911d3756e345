import { describe, expect, it } from 'vitest';
import { packageGrid } from '../../src/store/drivers/xlsx-package/package-grid';
import { SheetXml } from '../../src/store/drivers/xlsx-package/sheet-xml';
import { parseStyles } from '../../src/store/drivers/xlsx-package/styles';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/>' +
  '<fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="0" borderId="0"/></cellXfs></styleSheet>';

/** A worksheet whose row 2 carries style 3 for its empty cells, its customFormat written as `flag`. */
function sheetWithRowStyle(flag: string): SheetXml {
  const xml =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row>' +
    `<row r="2" s="3" customFormat="${flag}" ht="20" customHeight="true"><c r="A2" s="3" t="inlineStr"><is><t>DB-1</t></is></c></row>` +
    '</sheetData></worksheet>';
  return new SheetXml(Buffer.from(xml, 'utf8'), 'xl/worksheets/sheet1.xml');
}

const ctx = { shared: () => ({ text: '', runs: null }), isDate: () => false, isPercent: () => false, date1904: false };

describe('a new cell in a row that carries a style', () => {
  // OOXML booleans are "1" / "0" as Excel writes them, or "true" / "false" as LibreOffice (and WPS on Linux) write them.
  it.each(['1', 'true'])('gets the row style when customFormat="%s"', (flag) => {
    const sheet = sheetWithRowStyle(flag);
    packageGrid('督办台账', sheet, parseStyles(STYLES), ctx).setValue(2, 3, '正常推进');
    expect(sheet.cellStyle(2, 3)).toBe(3);
  });

  it.each(['0', 'false'])('keeps the default style when customFormat="%s"', (flag) => {
    const sheet = sheetWithRowStyle(flag);
    packageGrid('督办台账', sheet, parseStyles(STYLES), ctx).setValue(2, 3, '正常推进');
    expect(sheet.cellStyle(2, 3)).toBeLessThanOrEqual(0);
  });
});
