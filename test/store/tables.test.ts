import { describe, expect, it } from 'vitest';
import { grownTables } from '../../src/store/drivers/xlsx-package/tables';

const SHEET = 'xl/worksheets/sheet5.xml';
const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

const rels = (target: string, type = TABLE_REL) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>` +
  `<Relationship Id="rId2" Type="${type}" Target="${target}"/></Relationships>`;

const table = (ref: string, extra = '', filter = ref) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="${ref}"${extra} totalsRowShown="0">` +
  `<autoFilter ref="${filter}"/><tableColumns count="3"><tableColumn id="1" name="文号"/><tableColumn id="2" name="类型"/><tableColumn id="3" name="编号"/></tableColumns>` +
  '<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>';

function parts(tableXml: string, target = '../tables/table1.xml'): (name: string) => string | null {
  const files: Record<string, string> = {
    'xl/worksheets/_rels/sheet5.xml.rels': rels(target),
    'xl/tables/table1.xml': tableXml,
  };
  return (name) => files[name] ?? null;
}

describe('grownTables: an Excel table on a worksheet rows were appended to', () => {
  it('grows a table ending just above the appended rows: its ref and its autoFilter, nothing else', () => {
    const before = table('A1:C8');
    const edits = grownTables(SHEET, [[9, 11]], parts(before));
    expect(edits).toEqual({ 'xl/tables/table1.xml': before.replaceAll('A1:C8', 'A1:C11') });
  });

  it('grows over several appends that run on from it in one write', () => {
    const edits = grownTables(SHEET, [[9, 9], [10, 12]], parts(table('A1:C8')));
    expect(edits['xl/tables/table1.xml']).toContain('ref="A1:C12"');
  });

  it('grows a table holding blank rows at its foot to the last appended row past it', () => {
    const edits = grownTables(SHEET, [[6, 9]], parts(table('A1:C8')));
    expect(edits['xl/tables/table1.xml']).toContain('<autoFilter ref="A1:C9"/>');
  });

  it('leaves a table the appended rows are not just below, or that already holds them', () => {
    expect(grownTables(SHEET, [[10, 12]], parts(table('A1:C8')))).toEqual({});
    expect(grownTables(SHEET, [[5, 7]], parts(table('A1:C8')))).toEqual({});
  });

  it('leaves a table with a totals row (the rows went below its totals)', () => {
    expect(grownTables(SHEET, [[9, 11]], parts(table('A1:C9', ' totalsRowCount="1"')))).toEqual({});
  });

  it('keeps a filter narrower than its table where it is; grows one that ends with the table', () => {
    const edits = grownTables(SHEET, [[9, 9]], parts(table('A1:C8', '', 'A1:B5')));
    expect(edits['xl/tables/table1.xml']).toContain('ref="A1:C9"');
    expect(edits['xl/tables/table1.xml']).toContain('<autoFilter ref="A1:B5"/>');
  });

  it('finds a table through an absolute relationship target', () => {
    const edits = grownTables(SHEET, [[9, 9]], parts(table('A1:C8'), '/xl/tables/table1.xml'));
    expect(Object.keys(edits)).toEqual(['xl/tables/table1.xml']);
  });

  it('reads a table part with a namespace prefix', () => {
    const prefixed = table('A1:C8')
      .replace('<table xmlns=', '<x:table xmlns:x=')
      .replaceAll('<autoFilter', '<x:autoFilter')
      .replace('</table>', '</x:table>');
    expect(grownTables(SHEET, [[9, 9]], parts(prefixed))['xl/tables/table1.xml']).toContain(
      '<x:autoFilter ref="A1:C9"/>',
    );
  });

  it('changes nothing on a worksheet with no relationships or no tables', () => {
    expect(grownTables(SHEET, [[9, 9]], () => null)).toEqual({});
    const noTable = (name: string) =>
      name.endsWith('.rels') ? rels('../drawings/drawing1.xml', `${TABLE_REL}x`) : null;
    expect(grownTables(SHEET, [[9, 9]], noTable)).toEqual({});
  });
});
