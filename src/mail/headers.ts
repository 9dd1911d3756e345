/** The headers the system sets on its mails, named once (compose.ts reads them; the scan sets them). */

/** The header that makes a notice idempotent; also the seed of a stable Message-ID. */
export const DEDUPE_HEADER = 'X-Duban-Dedupe-Key';

/**
 * Whose copy of a notice sent one mail per recipient this is (the recipient's address, or `cc` for the 抄送 copy):
 * each copy gets a Message-ID of its own, the same on every retry.
 */
export const COPY_HEADER = 'X-Duban-Copy-For';
