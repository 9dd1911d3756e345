import { RUN_SPECS } from '../../workbook/schema/tabs';
import type { SheetStore } from '../../store/port';
import { bulletinSection } from './board-charts';
import { boardData } from './board-data';
import { type RenderedBoard, renderBoard } from './board-page';

/** The board's rendered snapshot, shared by every request until the next scan (or `maxAgeMs`, for staff edits). */
export interface BoardSource {
  get(): Promise<RenderedBoard>;
  /** A scan finished: drop the snapshot; the next request renders the new one. */
  invalidate(): void;
  /** Render now in the background (after a scan on `duban serve`), so the first viewer does not wait. */
  warm(): void;
}

/**
 * One rendered snapshot per scan: read the workbook once, compute every task's 状态 and 预警, render the rows, the
 * charts and the 红黑榜 — then every /board request only filters and joins strings. `maxAgeMs` (default 10 minutes)
 * bounds how stale it gets on runtimes where the scan runs in another instance (Workers, Cloud Functions).
 *
 * @example
 * const board = boardSource(store, () => new Date());
 * (await board.get()).rows.length; // tasks on the board
 */
export function boardSource(store: SheetStore, clock: () => Date, maxAgeMs = 600_000): BoardSource {
  let current: { at: number; value: Promise<RenderedBoard> } | null = null;
  function load(): Promise<RenderedBoard> {
    const now = clock();
    const value = (async function renderSnapshot() {
      const data = boardData(await store.read([...RUN_SPECS]), now);
      return renderBoard(data, bulletinSection(data.bulletin));
    })();
    const entry = { at: now.getTime(), value };
    current = entry;
    value.catch(() => {
      if (current === entry) current = null;
    });
    return value;
  }
  return {
    get: () => (current && clock().getTime() - current.at < maxAgeMs ? current.value : load()),
    invalidate() {
      current = null;
    },
    warm() {
      if (!current) load().catch((error: Error) => console.error(`[board] render failed: ${error.message}`));
    },
  };
}
