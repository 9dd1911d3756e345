/**
 * The demo county's organisation: leaders with their areas, units with a head and a liaison, the office.
 * Names are drawn from a seeded PRNG; e-mails are on demo.gov.cn (a reserved-looking, non-routable demo domain).
 */
import type { CellValue } from '../src/workbook/schema/tabs';
import type { ROLES } from '../src/workbook/schema/lists';
import type { Rng } from './prng';

export interface Unit {
  name: string;
  /** Mailbox prefix, e.g. `fgj` → fgj.fuze@demo.gov.cn / fgj.lianluo@demo.gov.cn. */
  mail: string;
  /** Index into LEADERS of the 分管领导. */
  leader: number;
  headTitle: string;
  liaisonTitle: string;
}

export interface Person {
  name: string;
  title: string;
  unit: string;
  role: (typeof ROLES)[number];
  email: string;
  phone: string;
  area: string;
}

export const DEMO_DOMAIN = 'demo.gov.cn';
export const GOV_UNIT = '县人民政府';
export const OFFICE_UNIT = '县政府办公室';
export const SUPERVISION_UNIT = '县政府督查室';

/** 0 = 县长 (主要领导); 1–4 = 副县长 (分管领导). */
export const LEADERS = [
  { title: '县委副书记、县长', mail: 'xianzhang' },
  { title: '县委常委、常务副县长', mail: 'changwu' },
  { title: '副县长', mail: 'fxz.chengjian' },
  { title: '副县长', mail: 'fxz.nongye' },
  { title: '副县长', mail: 'fxz.shehui' },
] as const;

function bureau(name: string, mail: string, leader: number): Unit {
  return { name, mail, leader, headTitle: '局长', liaisonTitle: '办公室主任' };
}

export const UNITS: readonly Unit[] = [
  bureau('县发改局', 'fgj', 1),
  bureau('县商务局', 'swj', 1),
  bureau('县行政审批局', 'xzspj', 1),
  bureau('县工信局', 'gxj', 1),
  bureau('县市场监管局', 'scjgj', 1),
  bureau('县财政局', 'czj', 1),
  bureau('县住建局', 'zjj', 2),
  bureau('县自然资源局', 'zrzyj', 2),
  bureau('县交通运输局', 'jtysj', 2),
  bureau('县生态环境局', 'sthjj', 2),
  bureau('县应急局', 'yjj', 2),
  bureau('县农业农村局', 'nyncj', 3),
  bureau('县水利局', 'slj', 3),
  { name: '城关镇', mail: 'cgz', leader: 3, headTitle: '镇长', liaisonTitle: '党政办主任' },
  { name: '北辛镇', mail: 'bxz', leader: 3, headTitle: '镇长', liaisonTitle: '党政办主任' },
  bureau('县教育局', 'jyj', 4),
  { name: '县卫健委', mail: 'wjw', leader: 4, headTitle: '主任', liaisonTitle: '办公室主任' },
  bureau('县人社局', 'rsj', 4),
  bureau('县文旅局', 'wlj', 4),
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢'.split(
    '',
  );
const GIVEN = (
  '建国 志强 海燕 晓东 文博 丽华 国栋 俊杰 秀英 振华 明辉 红梅 卫东 嘉怡 宏伟 春生 玉兰 立新 子涵 永刚 ' +
  '雪梅 学军 雅琴 浩然 德胜 慧敏 思远 光明 淑珍 海涛 佳琪 长青 晓燕 瑞峰 静怡 金龙 文静 正阳 凤霞 天宇 ' +
  '少华 美玲 鹏飞 亚楠 向东 桂芳 一鸣 晨曦 广平 梦瑶'
).split(' ');

export interface Directory {
  people: Person[];
  leaders: Person[];
  headOf(unit: string): Person;
  liaisonOf(unit: string): Person;
  leaderOf(unit: string): Person;
  chief: Person;
  supervisors: Person[];
  officeDirector: Person;
  officeDeputy: Person;
}

/**
 * Everyone the demo needs, with unique names.
 *
 * @example
 * const dir = buildDirectory(createRng(1));
 * dir.liaisonOf('县发改局').email; // 'fgj.lianluo@demo.gov.cn'
 */
export function buildDirectory(rng: Rng): Directory {
  const used = new Set<string>();
  let serial = 0;
  function person(title: string, unit: string, role: Person['role'], mail: string, area = ''): Person {
    let name = '';
    do name = rng.pick(SURNAMES) + rng.pick(GIVEN);
    while (used.has(name));
    used.add(name);
    serial += 1;
    // 1380000xxxx: the conventional placeholder range, never a real subscriber.
    const phone = `1380000${String(1000 + serial).padStart(4, '0')}`;
    return { name, title, unit, role, email: `${mail}@${DEMO_DOMAIN}`, phone, area };
  }
  const leaders = LEADERS.map((l, i) =>
    person(
      l.title,
      GOV_UNIT,
      i === 0 ? '主要领导' : '分管领导',
      l.mail,
      i === 0
        ? ''
        : UNITS.filter((u) => u.leader === i)
            .map((u) => u.name)
            .join('、'),
    ),
  );
  const officeDirector = person('县政府办公室主任', OFFICE_UNIT, '办公室主任', 'zfb.zhuren');
  const officeDeputy = person('县政府办公室副主任', OFFICE_UNIT, '办公室分管副主任', 'zfb.fuzhuren');
  const supervisors = [
    person('督查室主任', SUPERVISION_UNIT, '督查室', 'ducha'),
    person('督查室科员', SUPERVISION_UNIT, '督查室', 'ducha.keyuan'),
  ];
  const heads = new Map<string, Person>();
  const liaisons = new Map<string, Person>();
  for (const u of UNITS) {
    heads.set(u.name, person(u.headTitle, u.name, '单位负责人', `${u.mail}.fuze`));
    liaisons.set(u.name, person(u.liaisonTitle, u.name, '联络员', `${u.mail}.lianluo`));
  }
  // Copied on 催办单 / 督办单 (seed 004 §五.4); made last so the names above stay as they were.
  const oversight = [
    person('干部监督科科长', '县委组织部', '组织部', 'zzb.jiandu'),
    person('党风政风监督室主任', '县监察委员会', '监察机关', 'jw.dfzf'),
    person('作风办主任', '县作风建设办公室', '作风办', 'zuofengban'),
  ];
  const units = new Map(UNITS.map((u) => [u.name, u]));
  function must<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`demo directory has no ${what}`);
    return value;
  }
  return {
    people: [
      ...leaders,
      officeDirector,
      officeDeputy,
      ...supervisors,
      ...UNITS.flatMap((u) => [heads.get(u.name)!, liaisons.get(u.name)!]),
      ...oversight,
    ],
    leaders,
    chief: leaders[0]!,
    supervisors,
    officeDirector,
    officeDeputy,
    headOf: (unit) => must(heads.get(unit), `head of ${unit}`),
    liaisonOf: (unit) => must(liaisons.get(unit), `liaison of ${unit}`),
    leaderOf: (unit) => must(leaders[must(units.get(unit), `unit ${unit}`).leader], `leader of ${unit}`),
  };
}

/** The 通讯录 rows. */
export function directoryRows(dir: Directory): Array<Record<string, CellValue>> {
  return dir.people.map((p) => ({
    姓名: p.name,
    职务: p.title,
    单位: p.unit,
    角色: p.role,
    邮箱: p.email,
    手机: p.phone,
    分管单位: p.area || null,
  }));
}
