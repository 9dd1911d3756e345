/**
 * 签发 (seed 004 §五.2, SPEC §4.4): "《催辦單》、《督辦單》由縣政府辦公室分管副主任提出、報縣政府分管領導同意後，由縣政府辦公室主任
 * 簽發". A kind listed in 规则配置 需签发文书 is first registered as a draft — 发送状态 待签发, no 文号, its 去重键 marked
 * `|待签发` — and staff sign it in `文书登记` (同意人, then 签发人 and 签发日期; the system never fills them). The first
 * scan after signing registers the notice itself on a new row, numbered then (so a draft never signed leaves no gap
 * in the sequence), and sends it.
 */
import type { DigestItem } from '../mail/notices';
import { entryIndexOf } from './entry-index';
import type { Address } from '../mail/port';
import { cellText } from '../store/grid/cell-text';
import { addressesOf } from '../workbook/directory';
import type { TaskVerdict } from '../domain/types';
import type { WorkbookModel } from '../workbook/read-workbook';
import { recipientsFor } from './recipients';
import { standing } from './task-standing';
import type { RegisterRow } from '../workbook/read-ledgers';
import { AWAITING_SIGNATURE } from '../workbook/schema/lists';

const DRAFT = '|待签发';

/** The 去重键 of a notice's draft. */
export const draftKey = (key: string): string => `${key}${DRAFT}`;

/** A draft row's notice key, or null for other rows. */
export const draftOf = (key: string): string | null =>
  key.endsWith(DRAFT) ? key.slice(0, -DRAFT.length) : null;

/** Where a draft waits: the 分管领导's consent, the 办公室主任's signature, or nothing (signed). */
export type DraftStep = '同意' | '签发' | null;

export function draftStep(row: RegisterRow): DraftStep {
  const filled = (k: string) => cellText(row.cells[k] ?? null).trim() !== '';
  if (!filled('同意人')) return '同意';
  if (!filled('签发人') || !filled('签发日期')) return '签发';
  return null;
}

/** The drafts still waiting (待签发), by notice key. */
export function draftsByKey(register: RegisterRow[]): Map<string, RegisterRow> {
  const out = new Map<string, RegisterRow>();
  for (const row of register) {
    const key = draftOf(row.key);
    if (key && row.status === AWAITING_SIGNATURE) out.set(key, row);
  }
  return out;
}

/** A draft as the signers' briefs list it. */
export interface WaitingDraft {
  /** The notice's 去重键 (the draft's without `|待签发`). */
  key: string;
  id: string;
  type: string;
  reasons: string;
  step: Exclude<DraftStep, null>;
}

/**
 * What waits for each signer (SPEC §4.4 "A leader gets one daily brief holding everything for them (…signatures
 * waiting)"): the task's 分管领导 for consent, then the 办公室主任 for the signature, as items of their daily digest.
 * With the scan's `verdicts`, an item shows its task as it stands (逾期, 红牌 …); without (a digest resent from
 * 文书登记) it says 待签发.
 */
export function waitingBySigner(
  model: WorkbookModel,
  drafts: WaitingDraft[],
  verdicts?: TaskVerdict[],
): Map<string, { recipient: Address; items: DigestItem[] }> {
  const out = new Map<string, { recipient: Address; items: DigestItem[] }>();
  for (const d of drafts) {
    const i = entryIndexOf(model, d.id);
    const entry = model.entries[i];
    if (!entry) continue;
    const v = verdicts?.[i];
    const signer = d.step === '同意' ? '分管领导' : '办公室主任';
    const people = recipientsFor('审批提醒', signer, entry.task, model.directory).to;
    for (const recipient of addressesOf(people)) {
      const list = out.get(recipient.address) ?? { recipient, items: [] };
      list.items.push({
        id: d.id,
        title: entry.task.title,
        ...standing(v, '待签发'),
        draft: { step: d.step, key: d.key },
        notice: `《${d.type}》（待签发，未编号）`,
        due:
          d.step === '同意'
            ? `请审核同意（在文书登记该行填写同意人）：${d.reasons}`
            : `请签发（在文书登记该行填写签发人、签发日期）：${d.reasons}`,
      });
      out.set(recipient.address, list);
    }
  }
  return out;
}

/** The drafts of the register still waiting, with their step. */
export function waitingDrafts(register: RegisterRow[]): WaitingDraft[] {
  const out: WaitingDraft[] = [];
  for (const [key, row] of draftsByKey(register)) {
    const step = draftStep(row);
    if (step)
      out.push({ key, id: row.id, type: row.type, reasons: cellText(row.cells['事由'] ?? null), step });
  }
  return out;
}
