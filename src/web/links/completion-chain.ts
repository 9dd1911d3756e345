/**
 * The completion card (办结审批, seed 000 attachment 3) as the link pages read it: the chain of signers for a task
 * (a minor item stops at 规则配置 一般事项审批止于; a key item goes up to the 主要领导), the task's live card (the latest
 * 办结审批 row of its 编号: ledgers are append-only), who signs next, and who may hold each signer's link.
 */
import type { RulesConfig } from '../../domain/config';
import { cellText } from '../../store/grid/cell-text';
import type { SheetRow, Snapshot } from '../../store/port';
import type { Person } from '../../workbook/directory';
import type { TaskEntry, WorkbookModel } from '../../workbook/read-workbook';
import { signerKeys } from '../../workbook/schema/tabs';

export const CARD_TAB = '办结审批';
export const UNIT_SIGNER = '承办单位主要负责人';

const text = (row: SheetRow, key: string) => cellText(row.cells[key] ?? null).trim();

/** The signers of a task's card, in order. */
export function chainOf(config: RulesConfig, stars: number | null): string[] {
  const chain = [...config.approvalChain];
  const stop = chain.indexOf(config.minorChainEnd);
  const key = (stars ?? 0) >= config.keyItemStars;
  return !key && stop >= 0 ? chain.slice(0, stop + 1) : chain;
}

/** The task's live card: its latest 办结审批 row, if any. */
export function cardOf(snapshot: Snapshot, id: string): SheetRow | undefined {
  return snapshot.tabs[CARD_TAB]?.rows.filter((r) => text(r, '编号') === id).at(-1);
}

export const cardState = (card: SheetRow | undefined) => (card ? text(card, '状态') : '');
export const signedBy = (card: SheetRow, signer: string) => text(card, signerKeys(signer).signature);
export const cardText = text;

/** The next signer of an open card (审批中), or null when every signer of the chain has signed. */
export function nextSigner(card: SheetRow, chain: string[]): string | null {
  return chain.find((s) => !signedBy(card, s)) ?? null;
}

/** Who may sign as `signer` for this task, from 通讯录. */
export function signersFor(model: WorkbookModel, entry: TaskEntry, signer: string): Person[] {
  const d = model.directory;
  const { leadUnit, leader } = entry.task;
  switch (signer) {
    case UNIT_SIGNER:
      return d.unitContacts(leadUnit).filter((p) => p.role === '单位负责人');
    case '督查室核实':
      return d.byRole('督查室');
    case '办公室分管副主任':
      return d.byRole('办公室分管副主任');
    case '办公室主任':
      return d.byRole('办公室主任');
    case '分管领导':
      return d.leaderOf(leader, leadUnit);
    case '主要领导':
      return d.byRole('主要领导');
    default:
      return [];
  }
}
