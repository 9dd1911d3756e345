import type { Day } from '../calendar/day';
import type { RulesConfig } from './config';
import type { EvaluationLevel } from './glossary';
import { readOpinion } from './opinions';
import type { CompletionEntry } from './types';

/** One signer's three cells on the 办结审批 card. */
export interface SignerCells {
  signer: string;
  opinion: string;
  signature: string;
  date: Day | null;
}

/** The signers an item's card needs: the whole chain for a key item, else up to 规则配置 一般事项审批止于. */
export function chainFor(config: RulesConfig, keyItem: boolean): string[] {
  const chain = config.approvalChain;
  const stop = chain.indexOf(config.minorChainEnd);
  return !keyItem && stop >= 0 ? chain.slice(0, stop + 1) : chain;
}

/**
 * The completion card read signer by signer, in order: a signature with a consenting (or blank) 意见 moves the card
 * on; a refusal (不同意, 退回, 不予办结, 暂缓 …) anywhere returns it; an 意见 that says neither stops the card at that
 * signer and is reported (never read as consent). Approved when every signer needed signed, or 状态 = 已办结 with no
 * refusal on the card.
 */
export function readCompletionCard(
  cells: SignerCells[],
  card: { status: string; level: EvaluationLevel | null; keyItem: boolean },
  config: RulesConfig,
): CompletionEntry {
  const chain = chainFor(config, card.keyItem);
  const bySigner = new Map(cells.map((c) => [c.signer, c]));
  const problems: string[] = [];
  let refused: CompletionEntry['refused'] = null;
  for (const c of cells) {
    if (readOpinion(c.opinion) === 'refusal') {
      refused = { signer: c.signer, opinion: c.opinion };
      break;
    }
  }
  if (!refused && card.status === '退回') refused = { signer: '办结审批', opinion: '状态为退回' };
  let pendingSigner: string | null = null;
  let since: Day | null = null;
  let signedAll = true;
  for (const [i, signer] of chain.entries()) {
    const c = bySigner.get(signer);
    // The first signer is the unit applying (申请销号): its 意见 is the application, consent unless it refuses.
    const read = readOpinion(c?.opinion ?? '');
    const reading = i === 0 && read === 'unclear' ? 'consent' : read;
    const signed = (c?.signature ?? '') !== '' && (reading === 'consent' || reading === 'blank');
    if (c && c.signature !== '' && reading === 'unclear') {
      problems.push(
        `办结审批卡"${signer}意见"为"${c.opinion}"，无法判断是否同意办结：请写明"同意办结"或"不同意（退回）"及理由`,
      );
    }
    if (!signed) {
      signedAll = false;
      pendingSigner = signer;
      break;
    }
    if (c?.date != null) since = c.date;
  }
  const first = bySigner.get(chain[0] ?? '');
  const dates = chain.map((s) => bySigner.get(s)?.date ?? null).filter((d): d is Day => d !== null);
  const verifier = bySigner.get('督查室核实');
  return {
    approved: refused === null && (card.status === '已办结' || signedAll),
    submitted: first && first.signature !== '' ? first.date : null,
    closed: dates.length ? Math.max(...dates) : null,
    level: card.level,
    verified:
      verifier !== undefined &&
      verifier.signature !== '' &&
      ['consent', 'blank'].includes(readOpinion(verifier.opinion)),
    refused,
    pendingSigner: refused === null ? pendingSigner : null,
    pendingSince: since,
    underway: card.status === '审批中',
    keyItem: card.keyItem,
    problems,
  };
}
