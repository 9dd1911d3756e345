import type { TaskVerdict } from '../../domain/types';
import type { Person } from '../../workbook/directory';
import type { TaskEntry, WorkbookModel } from '../../workbook/read-workbook';

/** One task of a leader's area with its verdict of today. */
export interface AreaTask {
  entry: TaskEntry;
  verdict: TaskVerdict;
}

/**
 * The 分管领导 of the 通讯录 (with an address or not) and the tasks of each one's area: a task is in a leader's area
 * when its 分管领导 cell names them, or — left blank or unknown — when their 分管单位 lists its 牵头单位 (the same rule
 * as the notices' 抄送, directory.leaderOf). 已调出 tasks are out of every area.
 */
export function leaderAreas(model: WorkbookModel, verdicts: TaskVerdict[]): Map<Person, AreaTask[]> {
  const areas = new Map<Person, AreaTask[]>(model.directory.byRole('分管领导').map((p) => [p, []]));
  model.entries.forEach((entry, i) => {
    const verdict = verdicts[i]!;
    if (!entry.task.id || verdict.status === '已调出') return;
    for (const leader of model.directory.leaderOf(entry.task.leader, entry.task.leadUnit))
      areas.get(leader)?.push({ entry, verdict });
  });
  return areas;
}
