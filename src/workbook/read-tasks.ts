import { parseDateCell } from './parse-date-cell';
import type { Day } from '../calendar/day';
import type { Deadline, MonthCell, RowProblem, TaskKind, TaskRecord } from '../domain/types';
import { cellText } from '../store/grid/cell-text';
import type { Cell, SheetRow } from '../store/port';
import { MONTH_KEYS } from './schema/tabs';
import { ITEM_TYPES, SOURCE_CATEGORIES } from './schema/lists';
import type { Directory } from './directory';
import { splitList } from './directory';
import { idCellProblem } from './id-cell';
import { redFlagOf } from './red-flag';

/** Longer staff text is kept in the sheet but clipped in what the system repeats (hints, notices). */
export const MAX_TEXT = 2000;

interface RowReader {
  tab: string;
  row: SheetRow;
  year: number;
  problems: RowProblem[];
}

function text(r: RowReader, key: string): string {
  const cell = r.row.cells[key] ?? null;
  const value = cellText(cell).trim();
  if (value.length > MAX_TEXT) {
    r.problems.push({
      cell: key,
      code: 'too-long',
      message: `「${key}」内容超过${MAX_TEXT}字（${value.length}字），系统仅读取前${MAX_TEXT}字`,
      blocking: false,
    });
    return value.slice(0, MAX_TEXT);
  }
  return value;
}

function where(r: RowReader, key: string): string {
  return `${r.tab}第${r.row.row}行「${key}」`;
}

function date(r: RowReader, key: string, required: boolean): Deadline {
  const cell: Cell = r.row.cells[key] ?? null;
  if (cell && typeof cell === 'object' && 'formula' in cell && (cell.result === null || cell.result === '')) {
    const message = `${where(r, key)}是公式（=${cell.formula.slice(0, 40)}），没有可用的计算结果；请直接填写日期，如 2026-03-31、3月底、年底`;
    r.problems.push({ cell: key, code: 'bad-date', message, blocking: true });
    return { kind: 'bad' };
  }
  const parsed = parseDateCell(cell, { year: r.year, cellRef: where(r, key) });
  if (!parsed.ok) {
    r.problems.push({
      cell: key,
      code: parsed.problem.code,
      message: parsed.problem.message,
      blocking: true,
    });
    return { kind: 'bad' };
  }
  if (parsed.kind === 'blank') {
    if (required) {
      r.problems.push({
        cell: key,
        code: 'missing-value',
        message: `${where(r, key)}未填写`,
        blocking: true,
      });
      return { kind: 'bad' };
    }
    return { kind: 'blank' };
  }
  return parsed.kind === 'date' ? { kind: 'date', day: parsed.day } : { kind: 'ongoing' };
}

function dayOrNull(d: Deadline): Day | null {
  return d.kind === 'date' ? d.day : null;
}

function stars(r: RowReader): number | null {
  const t = text(r, '星级');
  if (!t) return null;
  const count = /^[★☆]{1,5}$/.test(t) ? t.length : /^[1-5]$/.test(t) ? Number(t) : null;
  if (count === null) {
    r.problems.push({
      cell: '星级',
      code: 'bad-stars',
      message: `${where(r, '星级')}"${t}"无法识别，请填 ★ 至 ★★★★★ 或 1–5`,
      blocking: false,
    });
  }
  return count;
}

function source(r: RowReader): string {
  const t = text(r, '事项来源');
  if (t && !(SOURCE_CATEGORIES as readonly string[]).includes(t)) {
    r.problems.push({
      cell: '事项来源',
      code: 'unknown-source',
      message: `${where(r, '事项来源')}"${t.slice(0, 30)}"不在可选范围（${SOURCE_CATEGORIES.join('、')}），按"其他"处理`,
      blocking: false,
    });
    return '其他';
  }
  return t || '其他';
}

function leadUnit(r: RowReader, directory: Directory): string {
  const unit = text(r, '牵头单位');
  if (!unit) {
    r.problems.push({
      cell: '牵头单位',
      code: 'missing-value',
      message: `${where(r, '牵头单位')}未填写，无法确定责任单位`,
      blocking: true,
    });
  } else if (!directory.hasUnit(unit)) {
    r.problems.push({
      cell: '牵头单位',
      code: 'unknown-unit',
      message: `牵头单位"${unit.slice(0, 30)}"不在通讯录中，无法发送通知；请在通讯录中补充该单位的负责人和联络员`,
      blocking: false,
    });
  }
  return unit;
}

function formulaNotes(r: RowReader, keys: string[]): void {
  for (const key of keys) {
    const cell = r.row.cells[key];
    if (cell && typeof cell === 'object' && 'error' in cell) {
      r.problems.push({
        cell: key,
        code: 'error-cell',
        message: `${where(r, key)}是错误值（${cell.error}），按空白处理`,
        blocking: false,
      });
    }
  }
}

/** A 挂图作战表 row as a task. */
export function readBattleRow(row: SheetRow, tab: string, year: number, directory: Directory): TaskRecord {
  const r: RowReader = { tab, row, year, problems: [] };
  const months: MonthCell[] = MONTH_KEYS.map((k) => ({
    month: k.month,
    planned: text(r, k.plan),
    done: text(r, k.done),
  }));
  formulaNotes(r, ['完成时限', ...MONTH_KEYS.flatMap((k) => [k.plan, k.done])]);
  return base(r, 'battle', directory, {
    title: text(r, '工作任务'),
    target: text(r, '年度目标'),
    deadline: date(r, '完成时限', true),
    assigned: dayOrNull(date(r, '交办日期', false)),
    coUnits: splitList(text(r, '配合单位')),
    head: text(r, '主要负责人'),
    owner: text(r, '具体责任人'),
    months,
  });
}

/** A 督办台账 row as a task; a blank 完成时限 is computed from §4.3. */
export function readLedgerRow(row: SheetRow, tab: string, year: number, directory: Directory): TaskRecord {
  const r: RowReader = { tab, row, year, problems: [] };
  const typeText = text(r, '事项类型');
  let itemType = (ITEM_TYPES as readonly string[]).includes(typeText)
    ? (typeText as TaskRecord['itemType'])
    : null;
  if (typeText && !itemType) {
    r.problems.push({
      cell: '事项类型',
      code: 'bad-item-type',
      message: `${where(r, '事项类型')}"${typeText.slice(0, 20)}"应为 一般 / 复杂 / 长期，按"一般"处理`,
      blocking: false,
    });
    itemType = '一般';
  }
  formulaNotes(r, ['完成时限', '交办日期']);
  return base(r, 'ledger', directory, {
    title: text(r, '事项标题'),
    target: text(r, '办理要求'),
    sourceRef: text(r, '来源文号/会议'),
    deadline: date(r, '完成时限', false),
    assigned: dayOrNull(date(r, '交办日期', true)),
    coUnits: splitList(text(r, '协办单位')),
    owner: text(r, '责任人'),
    itemType,
    handling: text(r, '办理状态'),
  });
}

function base(r: RowReader, kind: TaskKind, directory: Directory, fields: Partial<TaskRecord>): TaskRecord {
  const unit = leadUnit(r, directory);
  const idProblem = idCellProblem(r.row.cells['编号'] ?? null, where(r, '编号'));
  if (idProblem) r.problems.push(idProblem);
  const red = redFlagOf(text(r, '红牌标记'), where(r, '红牌标记'));
  if (red.problem) r.problems.push(red.problem);
  return {
    kind,
    tab: r.tab,
    row: r.row.row,
    id: text(r, '编号'),
    parentId: null,
    source: source(r),
    sourceRef: '',
    leader: text(r, '分管领导'),
    leadUnit: unit,
    coUnits: [],
    head: '',
    owner: '',
    title: '',
    target: '',
    deadline: { kind: 'blank' },
    assigned: null,
    itemType: null,
    handling: '',
    stars: stars(r),
    redFlag: red.flag,
    months: [],
    ...fields,
    problems: r.problems,
  };
}
