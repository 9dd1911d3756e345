/**
 * Test controls for the local Sheets server: injected failures (429 with Retry-After, 500, 503, 403…), latency, and
 * hooks that run between two calls ("staff edits" landing between the driver's read and its write).
 */

/** One API call as the server saw it. */
export interface CallInfo {
  /** 1-based index among Sheets API calls (token requests are not counted). */
  n: number;
  /** API method name, e.g. `spreadsheets.values.batchGet`, `spreadsheets.batchUpdate`. */
  method: string;
  httpMethod: string;
  path: string;
  spreadsheetId?: string;
  query: Record<string, string[]>;
  body: unknown;
  /** Who called: the service-account e-mail behind a token from /token, else the raw bearer token. */
  principal?: string;
  /** Status the server answered (set after the call completes). */
  status?: number;
}

export interface FaultSpec {
  status: number;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
  message?: string;
}

type Matcher = { nth?: number; when?: (call: CallInfo) => boolean };

interface Armed<T> {
  match: Matcher;
  remaining: number;
  value: T;
}

const STATUS_NAMES: Record<number, [string, string]> = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
  401: ['UNAUTHENTICATED', 'Request had invalid authentication credentials.'],
  403: ['PERMISSION_DENIED', 'The caller does not have permission'],
  404: ['NOT_FOUND', 'Requested entity was not found.'],
  429: [
    'RESOURCE_EXHAUSTED',
    "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.",
  ],
  500: ['INTERNAL', 'Internal error encountered.'],
  502: ['UNAVAILABLE', 'Bad gateway.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
};

/** Google's status name and default message for an HTTP code. */
export function statusOf(code: number): [string, string] {
  return STATUS_NAMES[code] ?? ['UNKNOWN', `HTTP ${code}`];
}

function matches(m: Matcher, call: CallInfo): boolean {
  if (m.nth !== undefined && m.nth !== call.n) return false;
  if (m.when && !m.when(call)) return false;
  return true;
}

/** The fault and hook registry a server consults on every API call. */
export class Faults {
  private failures: Array<Armed<FaultSpec>> = [];
  private hooks: Array<Armed<(call: CallInfo) => void | Promise<void>>> = [];
  /** Milliseconds added before every API call, or a function of the call. */
  latency: number | ((call: CallInfo) => number) = 0;

  /**
   * Fail matching calls with `spec.status`, `times` times (default 1; Infinity for a permanent failure).
   * @example faults.fail({ when: (c) => c.method === 'spreadsheets.batchUpdate' }, { status: 500 })
   */
  fail(match: Matcher, spec: FaultSpec, times = 1): void {
    this.failures.push({ match, remaining: times, value: spec });
  }

  /** Run `hook` (e.g. a staff edit) just before matching calls are processed, `times` times (default 1). */
  before(match: Matcher, hook: (call: CallInfo) => void | Promise<void>, times = 1): void {
    this.hooks.push({ match, remaining: times, value: hook });
  }

  clear(): void {
    this.failures = [];
    this.hooks = [];
    this.latency = 0;
  }

  /** @internal the first armed failure for this call, consumed. */
  takeFailure(call: CallInfo): FaultSpec | undefined {
    return take(this.failures, call);
  }

  /** @internal run and consume the hooks for this call. */
  async runHooks(call: CallInfo): Promise<void> {
    for (const armed of [...this.hooks]) {
      if (armed.remaining <= 0 || !matches(armed.match, call)) continue;
      armed.remaining--;
      await armed.value(call);
    }
  }

  /** @internal */
  delayFor(call: CallInfo): number {
    return typeof this.latency === 'function' ? this.latency(call) : this.latency;
  }
}

function take<T>(list: Array<Armed<T>>, call: CallInfo): T | undefined {
  const armed = list.find((a) => a.remaining > 0 && matches(a.match, call));
  if (!armed) return undefined;
  armed.remaining--;
  return armed.value;
}
