import { waitUntilClosed, type OpenWaitOptions } from './open-in-editor';
import { removeDeadScanLeftovers } from './scan-leftovers';
import { scanLease } from './scan-lease';
import { leaseFileOf } from './targets';
import { assertScannableWorkbook, corruptWorkbookError } from './workbook-file';

export interface WorkbookGuardOptions extends OpenWaitOptions {
  /** A dry run only reads: a read-only workbook is fine, and no lease is taken. */
  dryRun?: boolean;
  /** Wait settings of the scan lease (tests shorten them). */
  lease?: Parameters<typeof scanLease>[1];
}

/**
 * How every local scan (duban scan, duban serve's schedule and button) runs against a workbook file: the file is
 * checked first (workbook-file.ts), then the scan takes the lease (waiting, and saying so, while another PC scans),
 * waits while a clerk has the file open in an editor (open-in-editor.ts), clears what a killed scan left behind, and
 * runs. Every refusal is a WorkbookFileError with the
 * Chinese answer — nothing read, written or sent; a workbook that turns out corrupt inside is answered the same way.
 *
 * @example
 * const exclusive = workbookGuard('督办-2026.xlsx', { waitMs: 60_000 });
 * const summary = await exclusive(() => runScan(deps));
 */
export function workbookGuard(workbook: string, options: WorkbookGuardOptions = {}) {
  const lease = options.dryRun
    ? null
    : scanLease(leaseFileOf(workbook), {
        ...(options.onWait ? { onWait: options.onWait } : {}),
        ...options.lease,
      });
  return async function guarded<T>(work: () => Promise<T>): Promise<T> {
    await assertScannableWorkbook(workbook, { write: !options.dryRun });
    const run = async () => {
      if (!options.dryRun) {
        await waitUntilClosed(workbook, options);
        await removeDeadScanLeftovers(workbook);
      }
      try {
        return await work();
      } catch (error) {
        throw corruptWorkbookError(workbook, error) ?? error;
      }
    };
    return lease ? lease.exclusive(run) : run();
  };
}
