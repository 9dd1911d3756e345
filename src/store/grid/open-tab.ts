import { detectHeaderRows, mapHeaders, type HeaderLayout } from './headers';
import type { SheetGrid } from './sheet-grid';
import type { TabSpec } from '../port';

/** A tab opened for writing: its grid and the header layout found in it at write time. */
export interface OpenTab<G extends SheetGrid = SheetGrid> {
  grid: G;
  layout: HeaderLayout;
}

/** Opens tabs for writing with the header rows a store's reads saw (see `tabOpener`). */
export interface TabOpener {
  remember(specs: Iterable<Pick<TabSpec, 'name' | 'headerRows'>>): void;
  open<G extends SheetGrid>(grid: G, name: string): OpenTab<G>;
}

/**
 * The one way every driver opens a tab for writing: the header rows the last read of the tab said (a store's reads
 * are remembered), or detected from the grid when this store never read it; headers mapped at write time, so columns
 * staff moved since the read are found where they are now.
 *
 * @example
 * const tabs = tabOpener();
 * tabs.remember(specs);                            // in read()
 * const opened = tabs.open(grid, '挂图作战表');     // in apply() / append()
 */
export function tabOpener(): TabOpener {
  const headerRows = new Map<string, 1 | 2>();
  return {
    remember(specs: Iterable<Pick<TabSpec, 'name' | 'headerRows'>>): void {
      for (const spec of specs) headerRows.set(spec.name.trim(), spec.headerRows);
    },
    open<G extends SheetGrid>(grid: G, name: string): OpenTab<G> {
      const tab = name.trim();
      return { grid, layout: mapHeaders(grid, tab, headerRows.get(tab) ?? detectHeaderRows(grid)) };
    },
  };
}
