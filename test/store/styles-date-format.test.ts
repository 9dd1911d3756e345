import { describe, expect, it } from 'vitest';
import { parseStyles } from '../../src/store/drivers/xlsx-package/styles';

const stylesXml = (formats: string, xfs: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  formats +
  '<fonts count="1"><font><sz val="11"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  `<cellXfs count="${xfs.match(/<xf\b/g)!.length}">${xfs}</cellXfs>` +
  '</styleSheet>';

describe('styles.xml: the date-time format of a time the system writes', () => {
  it('adds <numFmts> first in a part without one, and one style per base style, reused', () => {
    const styles = parseStyles(stylesXml('', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'));
    const style = styles.withDateFormat(0, 'yyyy-mm-dd hh:mm');
    expect(style).toBe(1);
    expect(styles.withDateFormat(0, 'yyyy-mm-dd hh:mm')).toBe(1);
    expect(styles.isDate(style)).toBe(true);
    const xml = styles.xml();
    expect(xml).toContain(
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts',
    );
    const again = parseStyles(xml);
    expect(again.isDate(1)).toBe(true);
    expect(again.withDateFormat(1, 'yyyy-mm-dd hh:mm')).toBe(1);
    expect(again.changed).toBe(false);
  });

  it('keeps a format that already shows the day and time; replaces text, time-only and day-only ones', () => {
    const styles = parseStyles(
      stylesXml(
        '<numFmts count="2"><numFmt numFmtId="170" formatCode="yyyy/m/d h:mm"/><numFmt numFmtId="171" formatCode="@"/></numFmts>',
        '<xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="14"/>',
      ),
    );
    expect(styles.withDateFormat(0, 'yyyy-mm-dd hh:mm')).toBe(0);
    expect(styles.withDateFormat(2, 'yyyy-mm-dd hh:mm')).toBe(2);
    expect(styles.withDateFormat(4, 'yyyy-mm-dd')).toBe(4);
    const fromText = styles.withDateFormat(1, 'yyyy-mm-dd hh:mm');
    expect([
      fromText,
      styles.withDateFormat(3, 'yyyy-mm-dd hh:mm'),
      styles.withDateFormat(4, 'yyyy-mm-dd hh:mm'),
    ]).toEqual([5, 6, 7]);
    expect(styles.withDateFormat(0, 'yyyy-mm-dd')).toBe(8);
    const xml = styles.xml();
    expect(xml).toContain(
      '<numFmts count="4"><numFmt numFmtId="170" formatCode="yyyy/m/d h:mm"/><numFmt numFmtId="171" formatCode="@"/><numFmt numFmtId="172" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="173" formatCode="yyyy-mm-dd"/></numFmts>',
    );
    expect(xml).toContain('<xf numFmtId="172" applyNumberFormat="1"/>');
  });
});
