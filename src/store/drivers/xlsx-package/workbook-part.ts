/**
 * The workbook's table of contents: xl/workbook.xml (tabs by name), its relationships (which part holds each tab,
 * the styles and the shared strings) and [Content_Types].xml — and the three edits that add a tab.
 */
import { posix } from 'node:path';
import { attr, escapeXml, isTrue, xmlElements } from './xml-text';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface TabEntry {
  name: string;
  /** Part name inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookParts {
  workbookPart: string;
  tabs: TabEntry[];
  date1904: boolean;
  styles: string | null;
  sharedStrings: string | null;
  /** Excel's calculation chain (`xl/calcChain.xml`), when the package has one. */
  calcChain: string | null;
}

/** Reads one part's text; throws when the part is missing. */
export type PartText = (name: string) => string | null;

/** Where a relationship target points, resolved against the part that holds the relationship. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), target));
}

export function relsOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/**
 * The tabs and shared parts of a package.
 * @example readWorkbookParts((name) => text(name)).tabs // [{ name: '挂图作战表', part: 'xl/worksheets/sheet1.xml' }]
 */
export function readWorkbookParts(text: PartText): WorkbookParts {
  const root = text('_rels/.rels');
  if (root === null) throw new Error('no _rels/.rels');
  const office = xmlElements(root, '_rels/.rels', ['Relationship']).find((r) =>
    r.attributes.Type?.endsWith('/officeDocument'),
  );
  const workbookPart = office ? resolve('', office.attributes.Target ?? '') : 'xl/workbook.xml';
  const workbook = text(workbookPart);
  if (workbook === null) throw new Error(`no ${workbookPart}`);
  const rels = text(relsOf(workbookPart)) ?? '';
  const byId = new Map<string, { type: string; target: string }>();
  for (const r of xmlElements(rels, relsOf(workbookPart), ['Relationship']))
    byId.set(r.attributes.Id ?? '', {
      type: r.attributes.Type ?? '',
      target: resolve(workbookPart, r.attributes.Target ?? ''),
    });
  const elements = xmlElements(workbook, workbookPart, ['sheet', 'workbookPr']);
  const tabs: TabEntry[] = [];
  for (const el of elements.filter((e) => e.name === 'sheet')) {
    const id = Object.entries(el.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const rel = id ? byId.get(id) : undefined;
    if (rel?.type.endsWith('/worksheet')) tabs.push({ name: el.attributes.name ?? '', part: rel.target });
  }
  const pr = elements.find((e) => e.name === 'workbookPr');
  const target = (suffix: string) => [...byId.values()].find((r) => r.type.endsWith(suffix))?.target ?? null;
  return {
    workbookPart,
    tabs,
    date1904: isTrue(pr?.attributes.date1904),
    styles: target('/styles'),
    sharedStrings: target('/sharedStrings'),
    calcChain: target('/calcChain'),
  };
}

/**
 * The edits that add a tab named `name` held by `part`: the new texts of workbook.xml, its rels and
 * [Content_Types].xml (each an insertion; nothing else in them changes).
 */
export function addTabEdits(
  parts: WorkbookParts,
  text: PartText,
  name: string,
  part: string,
): Record<string, string> {
  const workbook = text(parts.workbookPart)!;
  const relsPart = relsOf(parts.workbookPart);
  const rels = text(relsPart)!;
  const types = text('[Content_Types].xml')!;
  const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rId = `rId${Math.max(0, ...ids) + 1}`;
  const sheetIds = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) =>
    Number(attr(m[0], 'sheetId') ?? 0),
  );
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const relPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(workbook)?.[1];
  const nsDecl = relPrefix ? '' : ` xmlns:r="${REL_NS}"`;
  const prefix = /<(\w+:)?sheets\b/.exec(workbook)?.[1] ?? '';
  const sheet = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relPrefix ?? 'r'}:id="${rId}"${nsDecl}/>`;
  const close = `</${prefix}sheets>`;
  const target = posix.relative(posix.dirname(parts.workbookPart), part);
  return {
    [parts.workbookPart]: workbook.replace(close, `${sheet}${close}`),
    [relsPart]: rels.replace(
      '</Relationships>',
      `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${target}"/></Relationships>`,
    ),
    '[Content_Types].xml': types.replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`,
    ),
  };
}
