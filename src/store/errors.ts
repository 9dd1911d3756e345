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
