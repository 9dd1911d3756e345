import { HTTPException } from 'hono/http-exception';
import { CARDS, STATUSES, type Card, type Status } from '../../domain/glossary';
import type { BoardData, BoardTask } from './board-data';

/** The board's query: every filter optional; `card` = 无 means no card. */
export interface BoardFilters {
  leader?: string;
  unit?: string;
  status?: Status;
  card?: Card | '无';
  q?: string;
  /** 1-based page of PAGE_SIZE rows; `all` shows every row (for printing). */
  page: number | 'all';
}

export const PAGE_SIZE = 200;
const CARD_CHOICES = [...CARDS, '无'] as const;

/**
 * Read the filters from the query string. A value the board does not know is a 400 that says what is accepted
 * (a leader or unit not on the board is not an error: it just matches nothing).
 *
 * @example parseBoardFilters({ status: '逾期', q: '供暖' }) // { status: '逾期', q: '供暖', page: 1 }
 */
export function parseBoardFilters(query: Record<string, string | undefined>): BoardFilters {
  const text = (k: string) => query[k]?.trim() || undefined;
  const filters: BoardFilters = { page: 1 };
  const leader = text('leader');
  const unit = text('unit');
  const q = text('q');
  if (leader) filters.leader = leader;
  if (unit) filters.unit = unit;
  if (q) filters.q = q;
  const status = text('status');
  if (status) {
    if (!(STATUSES as readonly string[]).includes(status))
      throw bad(`状态"${status}"无法识别，可选：${STATUSES.join('、')}`);
    filters.status = status as Status;
  }
  const card = text('card');
  if (card) {
    if (!(CARD_CHOICES as readonly string[]).includes(card))
      throw bad(`预警"${card}"无法识别，可选：${CARD_CHOICES.join('、')}`);
    filters.card = card as Card | '无';
  }
  const page = text('p');
  if (page === 'all') filters.page = 'all';
  else if (page) {
    if (!/^[1-9]\d{0,5}$/.test(page)) throw bad(`页码"${page}"无效，请填写正整数，或 all 显示全部`);
    filters.page = Number(page);
  }
  return filters;
}

/** The indexes of the tasks the filters keep, in sheet order. */
export function filterTasks(data: BoardData, f: BoardFilters): number[] {
  const q = f.q?.toLowerCase();
  const out: number[] = [];
  data.tasks.forEach((t, i) => {
    if (matches(t, f, q)) out.push(i);
  });
  return out;
}

function matches(t: BoardTask, f: BoardFilters, q: string | undefined): boolean {
  if (f.leader && t.leader !== f.leader) return false;
  if (f.unit && t.unit !== f.unit) return false;
  if (f.status && t.status !== f.status) return false;
  if (f.card && (t.card ?? '无') !== f.card) return false;
  if (q && !`${t.id} ${t.title} ${t.unit} ${t.leader}`.toLowerCase().includes(q)) return false;
  return true;
}

/** The query string of `f` with `change` applied, for links that keep the other filters. */
export function queryOf(
  f: BoardFilters,
  change: Partial<Record<'leader' | 'unit' | 'status' | 'card' | 'q' | 'p', string | undefined>>,
): string {
  const params = new URLSearchParams();
  const all = {
    leader: f.leader,
    unit: f.unit,
    status: f.status,
    card: f.card,
    q: f.q,
    p: f.page === 1 ? undefined : String(f.page),
    ...change,
  };
  for (const [k, v] of Object.entries(all)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '?';
}

function bad(message: string): HTTPException {
  return new HTTPException(400, {
    res: new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
  });
}
