import { describe, expect, it } from 'vitest';
import { backoffMs, failureOf, withRetry } from '../../src/store/drivers/google/google-retry';

/** An error shaped like the ones googleapis (gaxios) throws. */
const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, headers: new Headers(headers), data: {} },
  });

describe('retry policy for Sheets calls', () => {
  it('waits what Retry-After says, capped, and otherwise a jittered doubling step', () => {
    expect(backoffMs(0, { status: 429, retryAfter: 7, network: false })).toBe(7000);
    expect(backoffMs(0, { status: 429, retryAfter: 600, network: false }, { maxMs: 30_000 })).toBe(30_000);
    const step = (attempt: number, r: number) =>
      backoffMs(attempt, { status: 503, network: false }, { baseMs: 500, random: () => r });
    expect([step(0, 0.999), step(1, 0.999), step(3, 0.999)]).toEqual([499, 999, 3996]);
    expect(step(3, 0)).toBe(0);
  });

  it('reads Retry-After from a fetch Headers object or a plain header map', () => {
    expect(failureOf(httpError(429, { 'retry-after': '3' }))).toEqual({
      status: 429,
      retryAfter: 3,
      network: false,
    });
    expect(failureOf({ response: { status: 503, headers: { 'retry-after': '1' } } })).toMatchObject({
      retryAfter: 1,
    });
  });

  it('gives up after the configured tries and rethrows the last error', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const run = withRetry(
      async () => {
        calls++;
        throw httpError(500);
      },
      { repeatable: true, tries: 4, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    );
    await expect(run).rejects.toThrow('HTTP 500');
    expect(calls).toBe(4);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('never retries a 400 or 403, and retries a 5xx only when the call is safe to repeat', async () => {
    for (const [status, repeatable, expected] of [
      [400, true, 1],
      [403, true, 1],
      [500, false, 1],
      [429, false, 3],
    ] as const) {
      let calls = 0;
      await withRetry(
        async () => {
          calls++;
          throw httpError(status);
        },
        { repeatable, tries: 3, sleep: async () => undefined },
      ).catch(() => undefined);
      expect([status, repeatable, calls]).toEqual([status, repeatable, expected]);
    }
  });
});
