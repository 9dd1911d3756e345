/** Errors thrown by store drivers. Messages are English, for logs, prefixed with their origin (`[store:xlsx] …`). */

/** The driver's short name, shown in every message: `[store:xlsx] …`. */
export type DriverName = string;

/** A driver failure the caller cannot fix by re-planning (missing tab on append, locked file, unreadable file…). */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly driver: DriverName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[store:${driver}] ${message}`, options);
  }
}

/**
 * The driver's message for a user, without its `[store:…]` prefix, when it is one (Chinese: a damaged, encrypted or
 * full workbook says what to do); null when it is an English line for the log (it may name a path).
 * @example userMessageOf(new StoreError('xlsx', '工作簿「督办.xlsx」已损坏…')) // '工作簿「督办.xlsx」已损坏…'
 */
export function userMessageOf(error: StoreError): string | null {
  const own = error.message.replace(/^\[store:[\w-]+\] /, '');
  // Chinese messages open with a Chinese word (工作簿「…」, 工作表「…」); an English one may still name a Chinese path.
  return /^[\u4e00-\u9fff]/.test(own) ? own : null;
}
