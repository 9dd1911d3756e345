import type { Address } from '../mail/port';
import { cellText } from '../store/grid/cell-text';
import type { TabData } from '../store/port';

export type Role =
  | '主要领导'
  | '分管领导'
  | '督查室'
  | '办公室主任'
  | '办公室分管副主任'
  | '单位负责人'
  | '联络员'
  | '组织部'
  | '监察机关'
  | '作风办';

export interface Person {
  name: string;
  title: string;
  unit: string;
  role: string;
  email: string;
  areas: string[]; // 分管单位
}

/**
 * The `通讯录`: who receives what. Units are matched by their full name; a 分管领导 is found by name or by the
 * units in their 分管单位.
 */
export class Directory {
  readonly people: Person[];

  constructor(people: Person[]) {
    this.people = people.filter((p) => p.name || p.email);
  }

  static fromTab(tab: TabData | undefined): Directory {
    const text = (cells: Record<string, unknown>, key: string) =>
      cellText((cells[key] ?? null) as never).trim();
    return new Directory(
      (tab?.rows ?? []).map(({ cells }) => ({
        name: text(cells, '姓名'),
        title: text(cells, '职务'),
        unit: text(cells, '单位'),
        role: text(cells, '角色'),
        email: text(cells, '邮箱'),
        areas: splitList(text(cells, '分管单位')),
      })),
    );
  }

  hasUnit(unit: string): boolean {
    return this.people.some((p) => p.unit === unit);
  }

  /** The unit head and liaison of a unit. */
  unitContacts(unit: string): Person[] {
    return this.people.filter((p) => p.unit === unit && (p.role === '单位负责人' || p.role === '联络员'));
  }

  /** The 分管领导 of a task: by name first, else the leader whose 分管单位 lists the unit. */
  leaderOf(leaderName: string, unit: string): Person[] {
    const byName = this.people.filter((p) => p.role === '分管领导' && p.name === leaderName);
    return byName.length
      ? byName
      : this.people.filter((p) => p.role === '分管领导' && p.areas.includes(unit));
  }

  byRole(role: Role): Person[] {
    return this.people.filter((p) => p.role === role);
  }
}

export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Only people with a usable address become recipients. */
export function addressesOf(people: Person[]): Address[] {
  const seen = new Set<string>();
  const out: Address[] = [];
  for (const p of people) {
    const address = p.email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address) || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    out.push({ name: p.name, address });
  }
  return out;
}

/** `李四（分管领导）` for the 抄送 line of a notice. */
export function ccLabel(p: Person): string {
  return `${p.name}（${p.title || p.role}）`;
}
