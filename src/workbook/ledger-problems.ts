/**
 * The rows of the ledgers and reference tabs that the rules cannot use, each reported with its tab, row and a Chinese
 * message — never dropped silently. read-ledgers.ts and read-settings.ts skip exactly these rows; this file says so.
 */
import { normalizeCellText } from '../calendar/normalize-text';
import { cellText, isBlank } from '../store/grid/cell-text';
import type { Cell, TabData } from '../store/port';
import { ACK_MONTH } from './acknowledgement';
import { parseDateCell } from './parse-date-cell';
import type { ScanProblem } from './scan-problem';
import { ROLES } from './schema/lists';
import { signerKeys } from './schema/tabs';

type Cells = Record<string, Cell>;
const textOf = (cells: Cells, key: string) => cellText(cells[key] ?? null).trim();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Every role receives notices or copies of them: without a usable address they cannot go out. */
const RECEIVING_ROLES = new Set<string>(ROLES);

interface Check {
  tab: string;
  row: number;
  cells: Cells;
  out: ScanProblem[];
}

function report(c: Check, cell: string | null, code: string, what: string): void {
  const id = textOf(c.cells, '编号') || null;
  c.out.push({
    tab: c.tab,
    row: c.row,
    id,
    cell,
    code,
    message: `${c.tab}第${c.row}行${cell ? `「${cell}」` : ''}${what}`,
  });
}

/** A date cell that is filled but unreadable (a datetime's time part is ignored, as the ledgers read it). */
function badDate(c: Check, key: string, year: number, required: boolean): void {
  const cell = c.cells[key] ?? null;
  if (isBlank(cell)) {
    if (required) report(c, key, 'missing-value', '未填写，此行未计入；请填写日期，如 2026-03-31');
    return;
  }
  const raw = typeof cell === 'string' ? cell.trim().slice(0, 10) : cell;
  const parsed = parseDateCell(raw, { year, cellRef: key });
  if (!parsed.ok || parsed.kind !== 'date')
    report(
      c,
      key,
      'bad-date',
      `"${cellText(cell).slice(0, 30)}"不是日期，此行未计入；请填写日期，如 2026-03-31`,
    );
}

function taskId(c: Check, ids: Set<string>): void {
  const id = textOf(c.cells, '编号');
  if (!id) report(c, '编号', 'missing-value', '未填写，无法对应到事项，此行未计入');
  else if (!ids.has(id))
    report(
      c,
      '编号',
      'unknown-id',
      `"${id.slice(0, 30)}"不是挂图作战表或督办台账中的编号，此行未计入；请核对编号`,
    );
}

function rows(tabs: Record<string, TabData>, tab: string, out: ScanProblem[]): Check[] {
  return (tabs[tab]?.rows ?? []).map(({ row, cells }) => ({ tab, row, cells, out }));
}

/**
 * @example
 * ledgerProblems(snapshot.tabs, 2026, new Set(['ZD-2026-001'])); // [{ tab: '反馈记录', row: 7, code: 'unknown-id', … }]
 */
export function ledgerProblems(
  tabs: Record<string, TabData>,
  year: number,
  ids: Set<string>,
  approvalChain: string[],
): ScanProblem[] {
  const out: ScanProblem[] = [];
  for (const c of rows(tabs, '反馈记录', out)) {
    taskId(c, ids);
    badDate(c, '时间', year, true);
    const month = normalizeCellText(textOf(c.cells, '月份'));
    if (month && month !== ACK_MONTH && !/^(0?[1-9]|1[0-2])月?(份)?$/.test(month))
      report(c, '月份', 'bad-month', `"${month.slice(0, 10)}"不是月份，应为 1–12 或 6月`);
    const progress = normalizeCellText(textOf(c.cells, '进度(%)'));
    if (progress && !/^\d{1,3}(\.\d+)?%?$/.test(progress))
      report(
        c,
        '进度(%)',
        'bad-progress',
        `"${progress.slice(0, 10)}"不是百分比，按未填报进度处理；请填 0–100 的数字`,
      );
  }
  for (const c of rows(tabs, '延期申请', out)) {
    taskId(c, ids);
    const status = textOf(c.cells, '状态');
    if (!['待审批', '同意', '不同意'].includes(status))
      report(c, '状态', 'bad-status', `"${status.slice(0, 10)}"应为 待审批 / 同意 / 不同意，此申请未计入`);
    badDate(c, '申请完成时限', year, true);
    badDate(c, '原完成时限', year, false);
    if (status === '同意') badDate(c, '审批时间', year, false);
  }
  for (const c of rows(tabs, '办结审批', out)) {
    taskId(c, ids);
    for (const signer of approvalChain) badDate(c, signerKeys(signer).date, year, false);
  }
  for (const c of rows(tabs, '任务清单', out)) {
    taskId(c, ids);
    badDate(c, '完成时限', year, true);
  }
  for (const c of rows(tabs, '节假日', out)) {
    badDate(c, '日期', year, true);
    const kind = textOf(c.cells, '类型');
    if (kind !== '放假' && kind !== '调休上班')
      report(c, '类型', 'bad-holiday-kind', `"${kind.slice(0, 10)}"应为 放假 或 调休上班，此行未计入日历`);
  }
  for (const c of rows(tabs, '通讯录', out)) {
    const email = textOf(c.cells, '邮箱');
    const name = textOf(c.cells, '姓名') || '此人';
    if (email && !EMAIL.test(email))
      report(
        c,
        '邮箱',
        'bad-email',
        `"${email.slice(0, 40)}"不是电子邮箱地址，${name}收不到通知；请填写如 name@example.gov.cn`,
      );
    else if (!email && RECEIVING_ROLES.has(textOf(c.cells, '角色')))
      report(
        c,
        '邮箱',
        'missing-email',
        `未填写，${name}（${textOf(c.cells, '角色')}）收不到通知；请补充邮箱`,
      );
  }
  return out;
}
