/**
 * The demo 四个清单 (任务 / 责任 / 措施 / 结果) for three tasks. Each task's four milestone steps become its sub-items.
 * On `key-projects` and `investment` every sub-item is either accepted or due well after asOf (A);
 * on `old-estates` sub-item 3 is due A−8, reported at 70% and not accepted: the late sub-item that makes its
 * parent at least 滞后 (SPEC §2.3).
 */
import { isoOf, lastDayOfMonth, partsOf, type Day } from '../src/calendar/day';
import type { CellValue } from '../src/workbook/schema/tabs';
import { dateCell, monthIn } from './demo-dates';
import type { BattleTask } from './demo-battle-map';
import type { Rng } from './prng';

type Row = Record<string, CellValue>;

export const LIST_TASKS = ['key-projects', 'investment', 'old-estates'] as const;

export interface FourLists {
  tasks: Row[];
  duties: Row[];
  measures: Row[];
  results: Row[];
}

function writeSubDeadline(day: Day, year: number): string {
  const { year: y, month } = partsOf(day);
  return y === year && lastDayOfMonth(y, month) === day ? `${month}月底` : isoOf(day);
}

function measureRows(task: BattleTask, id: string): Row[] {
  const title = task.seed.title;
  const texts: Array<[string, string]> = [
    ['组织', `成立${title}工作专班，${task.head.name}任组长，每周调度一次`],
    ['考核', `将${title}纳入单位年度目标责任考核，按月通报进度`],
    ['激励', '对提前完成节点任务的科室和个人在评先评优中优先考虑'],
    ['问责', '对推进不力、虚报进度的，按规定约谈问责'],
    ['保障', `统筹安排专项资金，优先保障${title}用地、用工需求`],
  ];
  return texts.map(([kind, text]) => ({ 编号: id, 措施类型: kind, 措施内容: text }));
}

/**
 * Sub-item deadlines: the end of the last month of each step's share of the plan, kept clear of A so a clean task
 * stays clean (accepted when due before A+20, otherwise far enough ahead not to be 临期).
 */
function subItems(task: BattleTask, year: number, asOf: Day, rng: Rng) {
  const months = [...task.plans.keys()];
  const first = months[0] ?? 1;
  const last = months[months.length - 1] ?? 12;
  const n = last - first + 1;
  return task.seed.steps.map((step, j) => {
    const endMonth = first + Math.max(0, Math.ceil(((j + 1) * n) / 4) - 1);
    const parentDue = task.deadline.day ?? Infinity;
    let due = Math.min(lastDayOfMonth(year, Math.min(12, endMonth)), parentDue);
    let done = due < asOf + 20;
    let progress = done ? '已完成' : j === 0 || due < asOf + 60 ? `完成${rng.int(3, 6) * 10}%` : '未开始';
    if (task.scenario === 'late-sub-item' && j === 2) {
      due = asOf - 8;
      done = false;
      progress = '完成70%';
    } else if (task.scenario === 'late-sub-item' && j === 3) {
      due = Math.min(Math.max(due, asOf + 30), parentDue);
    } else if (task.scenario === 'late-sub-item' && !done && j < 2) {
      done = true;
      progress = '已完成';
    }
    const accepted = done ? Math.min(due, asOf - 1) - rng.int(0, 4) : null;
    return { step, j, due, done, progress, accepted };
  });
}

/**
 * @example
 * const lists = fourLists({ tasks, year: 2026, asOf: toDay('2026-06-15'), rng });
 * lists.tasks.filter((r) => r.编号 === 'ZD-2026-022').length; // 4
 */
export function fourLists(input: { tasks: BattleTask[]; year: number; asOf: Day; rng: Rng }): FourLists {
  const { year, asOf, rng } = input;
  const out: FourLists = { tasks: [], duties: [], measures: [], results: [] };
  for (const ref of LIST_TASKS) {
    const task = input.tasks.find((t) => t.seed.ref === ref);
    if (!task?.id) throw new Error(`four lists need task ${ref} with an id`);
    const id = task.id;
    out.duties.push({
      编号: id,
      子项编号: null,
      牵头领导: task.leader.name,
      具体责任人: task.head.name,
      联系方式: task.head.phone,
    });
    for (const s of subItems(task, year, asOf, rng)) {
      const subId = `${id}-${s.j + 1}`;
      out.tasks.push({
        编号: id,
        子项编号: subId,
        工作子项: s.step,
        具体内容: `${task.seed.title}：${s.step}`,
        目标要求: s.j === 3 ? task.seed.target : `按时序完成“${s.step}”阶段任务`,
        落实主体: task.seed.unit,
        时序进度: s.progress,
        完成时限: writeSubDeadline(s.due, year),
      });
      out.duties.push({
        编号: id,
        子项编号: subId,
        牵头领导: task.head.name,
        具体责任人: task.liaison.name,
        联系方式: task.liaison.phone,
      });
      out.results.push({
        编号: id,
        子项编号: subId,
        阶段节点: `${monthIn(s.due, year)}月：${s.step}`,
        完成标准: `${s.step}，形成成果资料并经督查室核验`,
        验收日期: s.accepted === null ? null : dateCell(s.accepted),
        验收结果: s.accepted === null ? null : '通过',
        评定: s.accepted === null ? null : '达标',
      });
    }
    out.measures.push(...measureRows(task, id));
  }
  return out;
}
