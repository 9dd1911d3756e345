import { describe, expect, it } from 'vitest';
import { recipientsFor } from '../../src/scan/recipients';
import { Directory, type Person } from '../../src/workbook/directory';
import { battleTask } from '../domain/fixtures';

const person = (name: string, role: string, unit = ''): Person => ({
  name,
  title: '',
  unit,
  role,
  email: `${name}@x.gov.cn`,
  areas: role === '分管领导' ? ['县自然资源局'] : [],
});
const directory = new Directory([
  person('李局长', '单位负责人', '县自然资源局'),
  person('张科长', '联络员', '县自然资源局'),
  person('王副县长', '分管领导'),
  person('督查室', '督查室'),
  person('组织部干部监督科', '组织部'),
  person('县监委', '监察机关'),
  person('作风办', '作风办'),
]);
const names = (people: Person[]) => people.map((p) => p.name);

/** Seed 004 §五.4: 《催辦單》、《督辦單》…"抄送縣委組織部、縣監察局和作風辦". */
describe('copies of 催办单 and 督办单 to 组织部, 监察机关 and 作风办 (seed 004 §五.4)', () => {
  it('a 催办单 copies the 分管领导 and the three bodies', () => {
    expect(names(recipientsFor('催办单', '1', battleTask(), directory).cc)).toEqual([
      '王副县长',
      '组织部干部监督科',
      '县监委',
      '作风办',
    ]);
  });
  it('a 督办单 copies the 分管领导, the 督查室 and the three bodies', () => {
    expect(names(recipientsFor('督办单', '2', battleTask(), directory).cc)).toEqual([
      '王副县长',
      '督查室',
      '组织部干部监督科',
      '县监委',
      '作风办',
    ]);
  });
  it('a 提醒函 does not copy them', () => {
    expect(names(recipientsFor('提醒函', '蓝牌', battleTask(), directory).cc)).toEqual(['王副县长']);
  });
});

describe('the 《交办单》 (seed 004 §五.2)', () => {
  it('goes to the unit and copies the 分管领导 (SPEC §4.4: every formal notice does)', () => {
    const r = recipientsFor('交办单', '1', battleTask(), directory);
    expect(names(r.to)).toEqual(['李局长', '张科长']);
    expect(names(r.cc)).toContain('王副县长');
  });
});
