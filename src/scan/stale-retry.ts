import { StaleSnapshotError } from '../store/port';

/**
 * How many times one write is tried against a workbook that others keep saving (a clerk in WPS, a concurrent scan):
 * each failed attempt re-reads and re-plans, so only a workbook saved again within every attempt's seconds fails.
 */
export const MAX_WRITE_ATTEMPTS = 5;

/**
 * Run `attempt` until it does not throw `StaleSnapshotError`, at most MAX_WRITE_ATTEMPTS times; each try gets its
 * number (1-based) so it can re-read first.
 *
 * @example
 * const result = await retryOnStale(async (n) => store.apply(plan, n === 1 ? snapshot : await store.read(specs)));
 */
export async function retryOnStale<T>(attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof StaleSnapshotError) || n >= MAX_WRITE_ATTEMPTS) throw error;
    }
  }
}
