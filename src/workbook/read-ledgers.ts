import { parseDateCell } from './parse-date-cell';
import type { Day } from '../calendar/day';
import type { RulesConfig } from '../domain/config';
import { NOTICE_TYPES, type EvaluationLevel, type NoticeType } from '../domain/glossary';
import { classifyCompletion } from '../domain/completion-text';
import { noFacts, type CompletionEntry, type TaskFacts } from '../domain/types';
import { cellText } from '../store/grid/cell-text';
import type { Cell, TabData } from '../store/port';
import { signerKeys } from './schema/tabs';
import { EVALUATION_LEVELS, SIGNERS, STORED } from './schema/lists';
import { readCompletionCard, type SignerCells } from '../domain/completion-card';
import { parseDedupeKey } from './dedupe-key';
import { normalizeCellText } from '../calendar/normalize-text';
import { ACK_MONTH, readAck } from './acknowledgement';

type Cells = Record<string, Cell>;

const textOf = (cells: Cells, key: string) => cellText(cells[key] ?? null).trim();

/** A date or date-time cell of a ledger row, or null (ledgers are written by the system and by staff). */
export function dayIn(cells: Cells, key: string, year: number): Day | null {
  const cell = cells[key] ?? null;
  const raw = typeof cell === 'string' ? cell.trim().slice(0, 10) : cell;
  const parsed = parseDateCell(raw, { year, cellRef: key });
  return parsed.ok && parsed.kind === 'date' ? parsed.day : null;
}

export interface RegisterRow {
  row: number;
  docNo: string;
  type: string;
  id: string;
  key: string;
  status: string;
  day: Day | null;
  cells: Cells;
}

export interface Ledgers {
  facts: Map<string, TaskFacts>;
  register: RegisterRow[];
}

/**
 * Everything the ledgers say, grouped by 编号: feedback, extensions, completion cards, adjustments, notices issued,
 * and which sub-items (任务清单) are late.
 */
export function readLedgers(
  tabs: Record<string, TabData>,
  year: number,
  today: Day,
  config: RulesConfig,
  keyItems: Map<string, boolean>,
): Ledgers {
  const facts = new Map<string, TaskFacts>();
  const of = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = noFacts()));
    return f;
  };
  for (const { cells } of tabs['反馈记录']?.rows ?? []) {
    const id = textOf(cells, '编号');
    const day = dayIn(cells, '时间', year);
    if (!id || day === null) continue;
    if (textOf(cells, '月份') === ACK_MONTH) {
      // 签收 is not a report on the work: it only shows in 当前节点.
      const f = of(id);
      (f.acknowledgements ??= []).push({ day, ...readAck(textOf(cells, '完成情况')) });
      continue;
    }
    // ６月 and ６０% typed with a Chinese input method read like 6月 and 60% (ledger-problems.ts reports the rest).
    const month = /^(0?[1-9]|1[0-2])月?份?$/.exec(normalizeCellText(textOf(cells, '月份')));
    const progress = Number.parseFloat(normalizeCellText(textOf(cells, '进度(%)')));
    of(id).feedback.push({
      day,
      month: month ? Number(month[1]) : null,
      progress: Number.isFinite(progress) ? Math.max(0, Math.min(100, progress)) : null,
      text: textOf(cells, '完成情况'),
    });
  }
  for (const { cells } of tabs['延期申请']?.rows ?? []) {
    const id = textOf(cells, '编号');
    const status = textOf(cells, '状态');
    if (!id || !['待审批', '同意', '不同意'].includes(status)) continue;
    of(id).extensions.push({
      requestNo: textOf(cells, '申请号'),
      original: dayIn(cells, '原完成时限', year),
      requested: dayIn(cells, '申请完成时限', year),
      status: status as '待审批' | '同意' | '不同意',
      decided: dayIn(cells, '审批时间', year),
      asked: dayIn(cells, '申请时间', year),
      approver: textOf(cells, '审批人'),
      opinion: textOf(cells, '审批意见'),
    });
  }
  for (const { cells } of tabs['办结审批']?.rows ?? []) {
    const id = textOf(cells, '编号');
    if (id) of(id).completion = completionOf(cells, year, config, keyItems.get(id) ?? true);
  }
  for (const { cells } of tabs['调整记录']?.rows ?? []) {
    const id = textOf(cells, '编号');
    const kind = textOf(cells, '类型');
    if (id && (kind === '调整时限' || kind === '调整目标')) {
      (of(id).adjustments ??= []).push({
        kind,
        day: dayIn(cells, '日期', year),
        approved: textOf(cells, '状态') === '同意',
        leaderOpinion: textOf(cells, '分管领导意见'),
        chiefOpinion: textOf(cells, '主要领导意见'),
        newDeadline: dayIn(cells, '调整后完成时限', year),
        newTarget: textOf(cells, '调整后目标'),
      });
    }
    const agreed = (k: string) => /同意/.test(textOf(cells, k)) && !/不同意/.test(textOf(cells, k));
    if (
      id &&
      textOf(cells, '类型') === '调出' &&
      textOf(cells, '状态') === '同意' &&
      agreed('分管领导意见') &&
      agreed('主要领导意见')
    ) {
      of(id).transferredOut = true;
    }
  }
  const register = readRegister(tabs['文书登记'], year);
  for (const entry of register) {
    if (entry.status === DUPLICATE) continue;
    const parsed = parseDedupeKey(entry.key);
    if (!entry.id || !parsed || !(NOTICE_TYPES as readonly string[]).includes(entry.type)) continue;
    of(entry.id).notices.push({
      type: entry.type as NoticeType,
      docNo: entry.docNo,
      day: entry.day ?? today,
      period: parsed.period,
      level: parsed.level,
      sent: entry.status === '已发送' || entry.status === STORED,
    });
  }
  for (const { cells } of tabs['任务清单']?.rows ?? []) {
    const parent = textOf(cells, '编号');
    const deadline = dayIn(cells, '完成时限', year);
    if (!parent || deadline === null || classifyCompletion(textOf(cells, '时序进度')) === 'done') continue;
    const sub = textOf(cells, '子项编号') || textOf(cells, '工作子项');
    const facts = of(parent);
    (facts.openSubItems ??= []).push({ id: sub, deadline });
    if (today > deadline) facts.lateSubItems.push(sub);
  }
  return { facts, register };
}

/** 发送状态 of a register row that lost a race with a concurrent scan: never sent, never numbered. */
export const DUPLICATE = '重复作废';

/** The rows of `文书登记`, in sheet order. */
export function readRegister(tab: TabData | undefined, year: number): RegisterRow[] {
  return (tab?.rows ?? []).map(({ row, cells }) => ({
    row,
    docNo: textOf(cells, '文号'),
    type: textOf(cells, '类型'),
    id: textOf(cells, '编号'),
    key: textOf(cells, '去重键'),
    status: textOf(cells, '发送状态'),
    day: dayIn(cells, '生成时间', year),
    cells,
  }));
}

/** The completion card's cells, read by src/domain/completion-card.ts. */
function completionOf(cells: Cells, year: number, config: RulesConfig, keyItem: boolean): CompletionEntry {
  const levelText = textOf(cells, '评价等级');
  const signers: SignerCells[] = SIGNERS.map((signer) => {
    const k = signerKeys(signer);
    return {
      signer,
      opinion: textOf(cells, k.opinion),
      signature: textOf(cells, k.signature),
      date: dayIn(cells, k.date, year),
    };
  });
  return readCompletionCard(
    signers,
    {
      status: textOf(cells, '状态'),
      level: (EVALUATION_LEVELS as readonly string[]).includes(levelText)
        ? (levelText as EvaluationLevel)
        : null,
      keyItem,
    },
    config,
  );
}
