import type { NoticeType } from '../domain/glossary';
import type { TaskRecord } from '../domain/types';
import type { Directory, Person } from '../workbook/directory';

export interface Recipients {
  to: Person[];
  cc: Person[];
  /** 主送 as printed on the notice. */
  addressee: string;
}

/**
 * Who gets a notice (SPEC §4.4): formal notices go to the unit head and liaison and copy the 分管领导 (督办单 and
 * above also the 督查室); 黄牌 约谈建议 goes to the 分管领导, 红牌 to the 主要领导; the ladder's last step to both.
 */
export function recipientsFor(
  type: NoticeType,
  level: string,
  task: TaskRecord,
  directory: Directory,
): Recipients {
  const unit = directory.unitContacts(task.leadUnit);
  const leader = directory.leaderOf(task.leader, task.leadUnit);
  const chief = directory.byRole('主要领导');
  const office = directory.byRole('督查室');
  switch (type) {
    case '临期提醒':
      return { to: unit, cc: [], addressee: task.leadUnit };
    case '催办单':
    case '提醒函':
      return { to: unit, cc: leader, addressee: task.leadUnit };
    case '督办单':
    case '督办通知书':
      return { to: unit, cc: [...leader, ...office], addressee: task.leadUnit };
    case '约谈建议':
      if (level === '黄牌') return { to: leader, cc: office, addressee: names(leader, '分管领导') };
      if (level === '红牌')
        return { to: chief, cc: [...leader, ...office], addressee: names(chief, '主要领导') };
      return { to: [...leader, ...chief], cc: office, addressee: names([...leader, ...chief], '县政府领导') };
  }
}

function names(people: Person[], fallback: string): string {
  return people.length ? people.map((p) => p.name).join('、') : fallback;
}
