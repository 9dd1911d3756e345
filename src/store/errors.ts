/** Errors thrown by store drivers. Messages are English, for logs, prefixed with their origin (`[store:xlsx] …`). */

/** The driver's short name, shown in every message: `[store:xlsx] …`. */
export type DriverName = string;

/** A driver failure the caller cannot fix by re-planning (missing tab on append, locked file, unreadable file…). */
export class StoreError extends Error {
  override name = 'StoreError';
  /** What to tell the user in Chinese, when the English message is for the log (a Google answer: share, check the id). */
  readonly userMessage: string | undefined;
  constructor(
    readonly driver: DriverName,
    message: string,
    options?: { cause?: unknown; userMessage?: string },
  ) {
    super(`[store:${driver}] ${message}`, options);
    this.userMessage = options?.userMessage;
  }
}

/**
 * The driver's message for a user: its Chinese userMessage, or its own message without the `[store:…]` prefix when
 * that is Chinese (a damaged, encrypted or full workbook says what to do); null when it is only an English line for
 * the log (it may name a path).
 * @example userMessageOf(new StoreError('xlsx', '工作簿「督办.xlsx」已损坏…')) // '工作簿「督办.xlsx」已损坏…'
 */
export function userMessageOf(error: StoreError): string | null {
  if (error.userMessage) return error.userMessage;
  const own = error.message.replace(/^\[store:[\w-]+\] /, '');
  // Chinese messages open with a Chinese word (工作簿「…」, 工作表「…」); an English one may still name a Chinese path.
  return /^[\u4e00-\u9fff]/.test(own) ? own : null;
}
