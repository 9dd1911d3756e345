/**
 * The 编号 cell: a stable id staff type once (or the scan fills). An error value (#REF!, #N/A) or a formula there is
 * not an id — a formula's result changes when rows move, an error names nothing — and two rows with one 编号 (on one
 * tab or across 挂图作战表 and 督办台账, trailing spaces and merged cells included) would share notices, ledgers and
 * writes. Each such row is 数据有误 with a 系统提示 saying which rows and what to do; none is guessed.
 */
import type { RowProblem, TaskRecord } from '../domain/types';
import type { Cell } from '../store/port';

/** Codes of an 编号 that is not a usable id; such a row is never numbered over (plan.ts numberNewRows). */
export const BAD_ID_CODES = new Set(['id-error', 'id-formula']);

/** The problem of an 编号 cell that holds an error value or a formula, or null. */
export function idCellProblem(cell: Cell, where: string): RowProblem | null {
  if (cell && typeof cell === 'object' && 'error' in cell)
    return {
      cell: '编号',
      code: 'id-error',
      message: `${where}是错误值（${cell.error}），不是编号；请填写编号（如 ZD-2026-001），或清空由系统编号`,
      blocking: true,
    };
  if (cell && typeof cell === 'object' && 'formula' in cell)
    return {
      cell: '编号',
      code: 'id-formula',
      message:
        `${where}是公式（=${cell.formula.slice(0, 40)}），编号须是固定文字，排序或插行后公式结果会变；` +
        '请改为直接填写编号（复制后“粘贴为数值”），或清空由系统编号',
      blocking: true,
    };
  return null;
}

/**
 * Mark every task whose 编号 another task also has (compared without surrounding spaces, across both task tabs).
 *
 * @example
 * markDuplicateIds(tasks); // ZD-2026-001 on 挂图作战表 rows 3 and 9 → both get a blocking duplicate-id problem
 */
export function markDuplicateIds(tasks: TaskRecord[]): void {
  const holders = new Map<string, TaskRecord[]>();
  for (const task of tasks) {
    const id = task.id.trim();
    if (!id) continue;
    const list = holders.get(id);
    if (list) list.push(task);
    else holders.set(id, [task]);
  }
  for (const [id, list] of holders) {
    if (list.length < 2) continue;
    const places = list.map((t) => `${t.tab}第${t.row}行`);
    for (const task of list)
      task.problems.push({
        cell: '编号',
        code: 'duplicate-id',
        message:
          `编号"${id}"重复（${places.join('、')}），同一编号的事项无法区分，均未计算状态、未发通知；` +
          '请保留一行的编号，把其他行的编号改为新编号或清空（清空后由系统编号）',
        blocking: true,
      });
  }
}
