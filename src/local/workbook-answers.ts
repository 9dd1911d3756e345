import { basename } from 'node:path';
import type { Mailer } from '../mail/port';
import type { RuntimeConfig } from '../runtime/env';
import type { SheetStore } from '../store/port';
import { drainHeld } from '../web/links/held-drain';
import { heldAnswersFile } from './held-answers-file';
import { localLinkKeys } from './link-secret';

/**
 * Before `duban scan --workbook`: write the link answers `duban serve` held while the workbook was open, so the scan
 * counts them. Only when DUBAN_PUBLIC_URL says where links point (a written 延期申请 mails its approver a link);
 * otherwise they wait for `duban serve`, which writes them within half a minute. Returns how many still wait.
 *
 * @example
 * const waiting = await writeHeldAnswers('督办-2026.xlsx', env.config, targets);
 */
export async function writeHeldAnswers(
  workbook: string,
  config: Pick<RuntimeConfig, 'linkKeys' | 'publicUrl' | 'from'>,
  targets: { store: SheetStore; mailer: Mailer },
): Promise<number> {
  const held = heldAnswersFile(workbook);
  const waiting = (await held.list()).length;
  if (!waiting || !config.publicUrl) return waiting;
  const { keys } = await localLinkKeys(workbook, config.linkKeys);
  await drainHeld(
    { ...targets, keys, from: config.from, office: basename(workbook), publicUrl: config.publicUrl, clock: () => new Date() },
    held,
  );
  return (await held.list()).length;
}
