import { kindOf, type NoticeType, type Party } from '../domain/notice-kinds';
import type { TaskRecord } from '../domain/types';
import type { Directory, Person } from '../workbook/directory';

export interface Recipients {
  to: Person[];
  cc: Person[];
  /** 主送 as printed on the notice. */
  addressee: string;
}

/**
 * Who gets a notice (SPEC §4.4), from the kind's row of NOTICE_KINDS: the roles it goes to and copies by level,
 * resolved through 通讯录 — the unit's head and liaison, the task's 分管领导, the 主要领导, the 督查室.
 *
 * @example recipientsFor('督办单', '2', task, directory).cc // the 分管领导 and the 督查室
 */
export function recipientsFor(
  type: NoticeType,
  level: string,
  task: TaskRecord,
  directory: Directory,
): Recipients {
  const { recipients } = kindOf(type);
  const addressing = recipients[level] ?? recipients.default;
  const people = (party: Party): Person[] => {
    if (party === 'unit') return directory.unitContacts(task.leadUnit);
    if (party === 'leader') return directory.leaderOf(task.leader, task.leadUnit);
    if (party === 'coUnits') return task.coUnits.flatMap((unit) => directory.unitContacts(unit));
    if (party === 'oversight') return OVERSIGHT.flatMap((role) => directory.byRole(role));
    return directory.byRole(ROLE_OF[party]);
  };
  const to = addressing.to.flatMap(people);
  return {
    to,
    cc: addressing.cc.flatMap(people),
    addressee: addressing.addressee === undefined ? task.leadUnit : names(to, addressing.addressee),
  };
}

function names(people: Person[], fallback: string): string {
  return people.length ? people.map((p) => p.name).join('、') : fallback;
}

const ROLE_OF = {
  chief: '主要领导',
  office: '督查室',
  director: '办公室主任',
  deputy: '办公室分管副主任',
} as const;

const OVERSIGHT = ['组织部', '监察机关', '作风办'] as const;
