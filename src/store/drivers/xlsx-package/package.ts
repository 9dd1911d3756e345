/**
 * An .xlsx / .xlsm file as the OOXML package it is: parts are read on first use, the worksheets the driver opens
 * are indexed, and `toBytes()` writes back only the parts that changed — every other zip entry is copied as stored.
 */
import { basename, posix } from 'node:path';
import { StoreError } from '../../errors';
import type { SheetGrid } from '../../grid/sheet-grid';
import type { TabWrite } from '../../port';
import type { CellContext } from './cell-xml';
import { withoutCalcChain } from './calc-chain';
import { packageGrid } from './package-grid';
import { PartWriter } from './part-writer';
import { sharedStrings } from './shared-strings';
import { SheetXml } from './sheet-xml';
import { parseStyles, type Styles } from './styles';
import { grownSheetFilter, grownFilterName } from './sheet-filter';
import { grownTables, type AppendedRows } from './tables';
import { tabXml } from './tab-xml';
import { addTabEdits, readWorkbookParts, type WorkbookParts } from './workbook-part';
import { xmlElements } from './xml-text';
import {
  FAST_DEFLATE_ABOVE,
  entryBytes,
  newEntry,
  readZip,
  streamedEntry,
  writeZip,
  type ZipEntry,
} from './zip';

/**
 * The Chinese message for a file that cannot be read as a workbook package. Nothing was written when it is thrown.
 * @example corruptError('督办.xlsx', error)
 */
export function corruptError(file: string, error: unknown): StoreError {
  const detail = (error as Error).message;
  return new StoreError(
    'xlsx',
    `工作簿「${basename(file)}」已损坏，无法读取（${detail}）。文件未作任何改动。请用 Excel 或 WPS 打开它并“另存为” .xlsx 后再试，或换用备份。`,
    { cause: error },
  );
}

/**
 * Excel's "Strict Open XML Spreadsheet" (its namespaces under purl.oclc.org): refused with how to save it as a
 * plain workbook, before anything is read or written.
 */
function strictError(file: string): StoreError {
  return new StoreError(
    'xlsx',
    `工作簿「${basename(file)}」是“Strict Open XML 电子表格”（严格 OOXML）格式，duban 只读写常规 .xlsx / .xlsm。文件未作任何改动。` +
      '请用 Excel 打开它，“文件 → 另存为”，保存类型选“Excel 工作簿(*.xlsx)”（WPS：另存为 .xlsx）后再扫描。',
  );
}

/**
 * The zip entry of a changed worksheet; its bytes are `newEntry` of the whole rewrite. The rewrite is made in buffers
 * of FAST_DEFLATE_ABOVE (1 MB), each deflated on the thread pool while the next is made and then filled again
 * (part-writer.ts), so the level is known once a second buffer starts: a part that fits in one is deflated in one
 * call at the small parts' level. Smaller buffers cost more in round trips to the deflate than they save in memory:
 * on the 10,000-task battle map (9.8 MB) 256 KB buffers took 1.5–2× as long as 1 MB ones.
 */
async function sheetEntry(name: string, sheet: SheetXml, like: ZipEntry): Promise<ZipEntry> {
  const writer = new PartWriter(sheet.xml, FAST_DEFLATE_ABOVE);
  const buffers = sheet.serialize(writer);
  const first = buffers.next();
  const second = first.done ? first : buffers.next();
  if (first.done || second.done) return newEntry(name, first.done ? Buffer.alloc(0) : first.value, like);
  return streamedEntry(
    name,
    prefixed([first.value, second.value], buffers),
    sheet.xml.length,
    like,
    (buffer) => writer.recycle(buffer),
  );
}

/** The buffers already taken from a generator, then the rest of it. */
function* prefixed(taken: Buffer[], rest: Generator<Buffer>): Generator<Buffer> {
  yield* taken;
  yield* rest;
}

const STRICT_NAMESPACE = 'http://purl.oclc.org/ooxml/';

export class XlsxPackage {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  /** New text of changed or added parts, by part name. */
  private readonly changedParts = new Map<string, Buffer>();
  private readonly sheets = new Map<string, SheetXml>();
  private readonly parts: WorkbookParts;
  private stylesCache: Styles | null = null;
  /** A write replaced a formula cell: Excel's calculation chain is dropped on save (calc-chain.ts). */
  private formulaReplaced = false;
  /** Rows appended to each worksheet part by this write: the Excel tables just above them grow (tables.ts). */
  private readonly appended = new Map<string, AppendedRows>();
  private ctxCache: CellContext | null = null;

  constructor(
    bytes: Uint8Array,
    private readonly file: string,
  ) {
    try {
      this.entries = readZip(bytes);
      for (const e of this.entries) this.byName.set(e.name, e);
      if (this.text('_rels/.rels')?.includes(STRICT_NAMESPACE)) throw strictError(file);
      this.parts = readWorkbookParts((name) => this.text(name));
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw corruptError(file, error);
    }
  }

  /** Tab names in workbook order. */
  tabNames(): string[] {
    return this.parts.tabs.map((t) => t.name);
  }

  /** The text of a part (its new text when changed), or null when the package has no such part. */
  text(name: string): string | null {
    const changed = this.changedParts.get(name);
    if (changed !== undefined) return changed.toString('utf8');
    let text = this.texts.get(name);
    if (text === undefined) {
      const entry = this.byName.get(name);
      if (!entry) return null;
      text = entryBytes(entry).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.texts.set(name, text);
    }
    return text;
  }

  /** A part's bytes (its new bytes when changed) without a byte-order mark; worksheets and shared strings are read from them. */
  private partBytes(name: string): Buffer | null {
    const entry = this.byName.get(name);
    const bytes = this.changedParts.get(name) ?? (entry ? entryBytes(entry) : null);
    if (!bytes) return null;
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw corruptError(this.file, error);
    }
  }

  private get styles(): Styles {
    return (this.stylesCache ??= this.guard(() => {
      const xml = this.parts.styles ? this.text(this.parts.styles) : null;
      if (xml === null) throw new Error('the package has no styles part');
      return parseStyles(xml);
    }));
  }

  private get ctx(): CellContext {
    if (!this.ctxCache) {
      const part = this.parts.sharedStrings;
      const xml = part ? this.partBytes(part) : null;
      const shared =
        xml === null ? () => ({ text: '', runs: null }) : this.guard(() => sharedStrings(xml, part!));
      const styles = this.styles;
      this.ctxCache = {
        shared,
        isDate: (s) => styles.isDate(s),
        isPercent: (s) => styles.isPercent(s),
        date1904: this.parts.date1904,
      };
    }
    return this.ctxCache;
  }

  /**
   * The grid of a tab matched by name with surrounding spaces ignored (a trailing space typed by staff is invisible),
   * or null when there is no such tab.
   */
  grid(name: string): SheetGrid | null {
    const tab = this.parts.tabs.find((t) => t.name.trim() === name.trim());
    if (!tab) return null;
    const sheet = this.sheet(tab.part);
    return packageGrid(tab.name, sheet, this.styles, this.ctx, {
      formulaReplaced: () => {
        this.formulaReplaced = true;
      },
      rowsAppended: (first, last) => {
        const rows = this.appended.get(tab.part) ?? [];
        rows.push([first, last]);
        this.appended.set(tab.part, rows);
      },
    });
  }

  private sheet(part: string): SheetXml {
    let sheet = this.sheets.get(part);
    if (!sheet) {
      sheet = this.guard(() => {
        const xml = this.partBytes(part);
        if (xml === null) throw new Error(`missing part ${part}`);
        return new SheetXml(xml, part);
      });
      this.sheets.set(part, sheet);
    }
    return sheet;
  }

  /** Write a whole system-owned tab: its part replaced when the tab exists, else a new part and tab at the end. */
  writeTab(tab: TabWrite): void {
    const existing = this.parts.tabs.find((t) => t.name.trim() === tab.name.trim());
    if (existing) {
      this.sheets.delete(existing.part);
      this.changedParts.set(existing.part, Buffer.from(tabXml(tab, this.styles), 'latin1'));
      return;
    }
    let n = this.parts.tabs.length + 1;
    const dir = posix.dirname(this.parts.tabs[0]?.part ?? 'xl/worksheets/sheet1.xml');
    while (this.byName.has(`${dir}/sheet${n}.xml`) || this.changedParts.has(`${dir}/sheet${n}.xml`)) n++;
    const part = `${dir}/sheet${n}.xml`;
    const edits = addTabEdits(this.parts, (name) => this.text(name), tab.name, part);
    for (const [name, text] of Object.entries(edits)) this.changedParts.set(name, Buffer.from(text, 'utf8'));
    this.changedParts.set(part, Buffer.from(tabXml(tab, this.styles), 'latin1'));
    this.parts.tabs.push({ name: tab.name, part });
  }

  /** Grow the sheet's own filter, and its `_xlnm._FilterDatabase` name, over rows appended just below it. */
  private growSheetFilter(part: string, rows: AppendedRows): void {
    const sheet = this.sheets.get(part);
    const grown = sheet ? grownSheetFilter(sheet.tail(), rows) : null;
    if (!sheet || !grown) return;
    sheet.setTail(grown.tail);
    const { workbookPart } = this.parts;
    const workbook = this.text(workbookPart)!;
    const name = this.parts.tabs.find((t) => t.part === part)?.name;
    // localSheetId counts every <sheet> of the workbook (chart sheets too), in order.
    const index = xmlElements(workbook, workbookPart, ['sheet']).findIndex((e) => e.attributes.name === name);
    const named = index < 0 ? null : grownFilterName(workbook, index, grown.from, grown.to);
    if (named !== null) this.changedParts.set(workbookPart, Buffer.from(named, 'utf8'));
  }

  /** The package with every changed part rewritten and every other entry copied as stored. */
  async toBytes(): Promise<Buffer> {
    const text = (name: string) => this.text(name);
    const chain = this.formulaReplaced ? withoutCalcChain(this.parts, text) : null;
    const tables = [...this.appended].map(([part, rows]) => this.guard(() => grownTables(part, rows, text)));
    const edits = [chain?.edits ?? {}, ...tables];
    for (const [name, xml] of edits.flatMap((e) => Object.entries(e)))
      this.changedParts.set(name, Buffer.from(xml, 'utf8'));
    for (const [part, rows] of this.appended) this.growSheetFilter(part, rows);
    const out: ZipEntry[] = [];
    // Each changed part is made, deflated and let go in turn; a worksheet streams through the deflate in pieces.
    for (const e of this.entries) {
      if (e.name === chain?.drop) continue;
      const sheet = this.sheets.get(e.name);
      if (sheet?.isChanged) out.push(await sheetEntry(e.name, sheet, e));
      else if (e.name === this.parts.styles && this.stylesCache?.changed)
        out.push(newEntry(e.name, Buffer.from(this.stylesCache.xml(), 'utf8'), e));
      else {
        const bytes = this.changedParts.get(e.name);
        out.push(bytes === undefined ? e : newEntry(e.name, bytes, e));
      }
    }
    const known = new Set(this.entries.map((e) => e.name));
    for (const [name, bytes] of this.changedParts) if (!known.has(name)) out.push(newEntry(name, bytes));
    return writeZip(out);
  }
}
