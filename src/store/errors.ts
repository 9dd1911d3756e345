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
  return isChineseSentence(own) ? own : null;
}

/**
 * Is this a message written in Chinese for a user, not an English log line? An English line may name a Chinese path
 * (`cannot open /srv/督办.xlsx`) and a Chinese one may open with a file name (`2026督办.xlsx 正在 Excel 中打开，…`):
 * Chinese punctuation, or a Chinese first word, tells them apart.
 * @example isChineseSentence('cannot open /srv/督办.xlsx: ENOENT') // false
 */
export function isChineseSentence(text: string): boolean {
  return /^[\u4e00-\u9fff]/.test(text) || /[，。：；！？、（）「」]/.test(text);
}
