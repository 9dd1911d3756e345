import { describe, expect, it } from 'vitest';
import { grownFilterName, grownSheetFilter } from '../../src/store/drivers/xlsx-package/sheet-filter';

const tail = (ref: string) =>
  `</sheetData><autoFilter ref="${ref}"><filterColumn colId="1"><filters><filter val="催办单"/></filters></filterColumn></autoFilter><mergeCells count="1"><mergeCell ref="A30:B30"/></mergeCells>`;

const workbook = (names: string) =>
  `<workbook><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="文书登记" sheetId="2" r:id="rId2"/></sheets><definedNames>${names}</definedNames></workbook>`;
const filterName = (sheet: number, value: string) =>
  `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheet}" hidden="1">${value}</definedName>`;

describe('grownSheetFilter: the filter of a sheet rows were appended to', () => {
  it('grows a filter ending just above the appended rows; only its ref changes', () => {
    const grown = grownSheetFilter(tail('A1:N20'), [[21, 23]]);
    expect(grown).toEqual({ tail: tail('A1:N23'), from: 20, to: 23 });
  });

  it('grows over several appends that run on from it', () => {
    expect(grownSheetFilter(tail('A1:N20'), [[21, 21], [22, 25]])?.to).toBe(25);
  });

  it('grows a filter set on the header row of an empty ledger', () => {
    expect(grownSheetFilter(tail('A1:N1'), [[2, 4]])?.tail).toContain('<autoFilter ref="A1:N4">');
  });

  it('leaves a filter the rows are not just below, one that holds them, whole columns and a sheet without one', () => {
    expect(grownSheetFilter(tail('A1:N20'), [[22, 23]])).toBeNull();
    expect(grownSheetFilter(tail('A1:N1000'), [[21, 23]])).toBeNull();
    expect(grownSheetFilter(tail('A:N'), [[21, 23]])).toBeNull();
    expect(grownSheetFilter('</sheetData><mergeCells count="0"/>', [[21, 23]])).toBeNull();
  });

  it('reads a prefixed worksheet', () => {
    const prefixed = '</x:sheetData><x:autoFilter ref="B2:D9"/>';
    expect(grownSheetFilter(prefixed, [[10, 10]])?.tail).toBe('</x:sheetData><x:autoFilter ref="B2:D10"/>');
  });
});

describe('grownFilterName: the hidden _xlnm._FilterDatabase name of that sheet', () => {
  it('moves the bottom row of the name of that sheet only', () => {
    const before = workbook(filterName(0, '说明!$A$1:$B$5') + filterName(1, "'文书登记'!$A$1:$N$20"));
    expect(grownFilterName(before, 1, 20, 23)).toBe(
      workbook(filterName(0, '说明!$A$1:$B$5') + filterName(1, "'文书登记'!$A$1:$N$23")),
    );
  });

  it('leaves a workbook whose name ends elsewhere, or that has none', () => {
    expect(grownFilterName(workbook(filterName(1, '文书登记!$A$1:$N$30')), 1, 20, 23)).toBeNull();
    expect(grownFilterName(workbook(''), 1, 20, 23)).toBeNull();
  });
});
