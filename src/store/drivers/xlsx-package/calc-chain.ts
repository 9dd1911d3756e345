/**
 * Excel's calculation chain lists every formula cell; a chain that names a cell which no longer holds a formula makes
 * Excel offer to "repair" the workbook. When a write replaced a formula cell with a value, the chain is dropped — the
 * part, its relationship and its content-type override — and Excel rebuilds it on the next calculation, as it does
 * for any workbook without one. A write that replaced no formula leaves the chain byte for byte.
 */
import { relsOf, type PartText, type WorkbookParts } from './workbook-part';

/**
 * The part to leave out and the new texts of the workbook's relationships and [Content_Types].xml; null when the
 * package has no calculation chain.
 * @example withoutCalcChain(parts, text) // { drop: 'xl/calcChain.xml', edits: { 'xl/_rels/workbook.xml.rels': … } }
 */
export function withoutCalcChain(
  parts: WorkbookParts,
  text: PartText,
): { drop: string; edits: Record<string, string> } | null {
  const chain = parts.calcChain;
  if (!chain) return null;
  const relsPart = relsOf(parts.workbookPart);
  const edits: Record<string, string> = {};
  const rels = text(relsPart);
  if (rels !== null) edits[relsPart] = rels.replace(/<(?:\w+:)?Relationship\b[^>]*\/calcChain"[^>]*\/>/, '');
  const types = text('[Content_Types].xml');
  if (types !== null)
    edits['[Content_Types].xml'] = types.replace(
      new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${chain.replace(/[.]/g, '\\.')}"[^>]*/>`),
      '',
    );
  return { drop: chain, edits };
}
