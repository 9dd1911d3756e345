import type { WorkbookModel } from '../workbook/read-workbook';

const indexes = new WeakMap<WorkbookModel['entries'], Map<string, number>>();

/**
 * The place in `model.entries` of the first task of a 编号 (-1 when none), from a map built once per list of
 * entries: a search of every entry per register row or draft made a city's plan take minutes.
 * @example const i = entryIndexOf(model, 'ZD-2026-001'); model.entries[i]?.task.title
 */
export function entryIndexOf(model: WorkbookModel, id: string): number {
  let index = indexes.get(model.entries);
  if (!index) {
    const built = new Map<string, number>();
    model.entries.forEach((e, i) => {
      if (!built.has(e.task.id)) built.set(e.task.id, i);
    });
    indexes.set(model.entries, built);
    index = built;
  }
  return index.get(id) ?? -1;
}
