/** Test helpers over the zip entries of a workbook: which parts differ, which tab each part holds, their text. */
import { readFile } from 'node:fs/promises';
import { readWorkbookParts } from '../../src/store/drivers/xlsx-package/workbook-part';
import { entryBytes, readZip, type ZipEntry } from '../../src/store/drivers/xlsx-package/zip';

export interface PackageParts {
  entries: Map<string, ZipEntry>;
  text(name: string): string;
  /** Part name of each tab, by tab name. */
  tabParts: Map<string, string>;
}

export async function packageParts(file: string): Promise<PackageParts> {
  const entries = new Map(readZip(await readFile(file)).map((e) => [e.name, e]));
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry ? entryBytes(entry).toString('utf8') : '';
  };
  const tabParts = new Map(
    readWorkbookParts((n) => (entries.has(n) ? text(n) : null)).tabs.map((t) => [t.name, t.part]),
  );
  return { entries, text, tabParts };
}

/** Names of the entries that were added, removed, or whose content differs (compared uncompressed). */
export function changedEntries(before: PackageParts, after: PackageParts): string[] {
  const names = new Set([...before.entries.keys(), ...after.entries.keys()]);
  return [...names]
    .filter((name) => {
      const a = before.entries.get(name);
      const b = after.entries.get(name);
      if (!a || !b) return true;
      return !entryBytes(a).equals(entryBytes(b));
    })
    .sort();
}

/** Entries whose stored (compressed) bytes differ: an entry copied as stored has identical bytes here too. */
export function restoredEntries(before: PackageParts, after: PackageParts): string[] {
  return [...before.entries.keys()].filter((name) => {
    const a = before.entries.get(name)!;
    const b = after.entries.get(name);
    return b !== undefined && !Buffer.from(a.raw).equals(Buffer.from(b.raw));
  });
}

/** The sqref of every data validation and conditional format of a worksheet part. */
export function rangesOf(sheetXml: string): { validations: string[]; conditional: string[] } {
  const sq = (re: RegExp) => [...sheetXml.matchAll(re)].map((m) => m[1]!);
  return {
    validations: sq(/<(?:\w+:)?dataValidation\b[^>]*?\bsqref="([^"]*)"/g),
    conditional: sq(/<(?:\w+:)?conditionalFormatting\b[^>]*?\bsqref="([^"]*)"/g),
  };
}
