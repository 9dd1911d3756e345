/**
 * Bounded exponential backoff with full jitter for Sheets API calls, honouring Retry-After.
 * Quota errors (429) are always safe to retry: Google refused the call before doing anything. 5xx are retried only
 * for calls that are safe to repeat (reads, and batchUpdate which is atomic and idempotent for our requests).
 */

export interface RetryOptions {
  /** Total attempts, first one included (default 5). */
  tries?: number;
  /** First backoff step in ms (default 500); step n waits up to base·2ⁿ. */
  baseMs?: number;
  /** Ceiling of one wait in ms, Retry-After included (default 32 000). */
  maxMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests: a number in [0, 1). */
  random?: () => number;
}

/** What the retry loop needs to know about a failed call. */
export interface FailureInfo {
  status?: number;
  /** Seconds from a Retry-After header. */
  retryAfter?: number;
  /** Network failure without an HTTP answer (reset, timeout). */
  network: boolean;
}

const RETRYABLE_5XX = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** Status, Retry-After and network-ness of an error thrown by googleapis (gaxios). */
export function failureOf(error: unknown): FailureInfo {
  const e = error as {
    status?: number;
    code?: string | number;
    response?: { status?: number; headers?: unknown };
    cause?: { code?: string };
  };
  const status = e?.response?.status ?? (typeof e?.status === 'number' ? e.status : undefined);
  const headers = e?.response?.headers as
    { get?: (k: string) => string | null } | Record<string, string> | undefined;
  const raw =
    typeof (headers as { get?: unknown })?.get === 'function'
      ? (headers as { get: (k: string) => string | null }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = raw != null && /^\d+(\.\d+)?$/.test(String(raw).trim()) ? Number(raw) : undefined;
  const code = String(e?.code ?? e?.cause?.code ?? '');
  return { status, retryAfter: seconds, network: status === undefined && NETWORK_CODES.has(code) };
}

/** Whether a failure is worth another try; `repeatable` says the call may safely run twice. */
export function isRetryable(info: FailureInfo, repeatable: boolean): boolean {
  if (info.status === 429) return true;
  if (!repeatable) return false;
  return info.network || (info.status !== undefined && RETRYABLE_5XX.has(info.status));
}

/** The wait before attempt `attempt + 1` (attempt is 0-based): Retry-After when given, else full jitter. */
export function backoffMs(attempt: number, info: FailureInfo, opts: RetryOptions = {}): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 32_000;
  const random = opts.random ?? Math.random;
  if (info.retryAfter !== undefined) return Math.min(max, info.retryAfter * 1000);
  return Math.floor(random() * Math.min(max, base * 2 ** attempt));
}

/**
 * Run `call`, retrying retryable failures with backoff; the last error is rethrown unchanged.
 * @example
 * const res = await withRetry(() => sheets.spreadsheets.values.batchGet(params), { repeatable: true });
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  { repeatable, ...opts }: RetryOptions & { repeatable: boolean },
): Promise<T> {
  const tries = Math.max(1, opts.tries ?? 5);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const info = failureOf(error);
      if (attempt + 1 >= tries || !isRetryable(info, repeatable)) throw error;
      await sleep(backoffMs(attempt, info, opts));
    }
  }
}
