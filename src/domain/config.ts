import { z } from 'zod';

/**
 * Every threshold of SPEC §4, as the rows of the `规则配置` tab (key / value / 说明).
 * Keys are what clerks read in the sheet; `field` is the one English name used in code.
 * A bad value is reported as a problem and its default is used — one typo never stops a scan.
 */

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A name typed into 规则配置: a 文号前缀 or 机关名称 of pages is a paste gone wrong, refused like any bad value. */
const text = z.string().trim().min(1).max(40);
const longText = z.string().trim().min(1).max(200);
const list = z
  .string()
  .transform((s) => s.split(/[,，、\s]+/).filter(Boolean))
  .pipe(z.array(z.string()).min(1));
/** Kind names, or `无`: e.g. which formal notices wait for 签发. */
const kinds = z
  .string()
  .trim()
  .transform((s) => (s === '无' ? [] : s.split(/[,，、\s]+/).filter(Boolean)))
  .pipe(z.array(z.enum(['催办单', '督办单', '督办通知书', '约谈建议', '提醒函', '交办单'])));
const yesNo = z.enum(['是', '否']).transform((v) => v === '是');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
/** `周一`, `星期一`, `礼拜一` or `1` → 1 … `周日` / `周天` / `7` → 7. */
const weekday = z
  .string()
  .trim()
  .transform((s) => {
    const n = /^[1-7]$/.test(s)
      ? Number(s)
      : WEEKDAYS.indexOf(s.replace(/^(周|星期|礼拜)/, '').replace('天', '日')) + 1;
    return s.length <= 3 && n >= 1 ? n : NaN;
  })
  .pipe(z.number().int().min(1).max(7));
/** A time limit of at least one day and at most a year: 0天 or 999个工作日 is a typo, not a rule. */
const duration = z
  .string()
  .regex(/^(\d+个工作日|\d+[天日]|\d+周|半个月|\d+个?月)$/)
  .refine(function withinAYear(s) {
    const n = Number(/\d+/.exec(s)?.[0] ?? 1);
    const max = s.includes('工作日') ? 250 : /[天日]/.test(s) ? 366 : s.includes('周') ? 52 : 12;
    return n >= 1 && n <= max;
  });

interface Entry<T> {
  key: string;
  default: string;
  note: string;
  schema: z.ZodType<T>;
  accepted: string;
}

function entry<T>(key: string, def: string, note: string, schema: z.ZodType<T>, accepted: string): Entry<T> {
  return { key, default: def, note, schema, accepted };
}

const INT = '整数';
const DUR = '如 5个工作日、7天、1周、半个月、1个月，不少于1天、不超过一年';

const ENTRIES = {
  workbookYear: entry(
    '工作年度',
    '',
    '挂图作战表所属年度（各月份按此年计算）；留空则取编号中的年份（如 ZD-2026-001），再按扫描日期',
    z.union([z.literal(''), int(2000, 2100)]),
    '留空或 2000–2100 的年份',
  ),
  previousWorkbook: entry(
    '上年度工作簿',
    '',
    '上年度工作簿的完整路径（duban init --previous 填写）：上年度12月完成情况截止报送后，扫描提醒从该工作簿印发上年度12月、第四季度和年度通报，直至印发；留空则不提醒',
    z.string().trim().max(300),
    '留空或上年度工作簿（.xlsx）的完整路径，不超过300字',
  ),
  agencyName: entry('机关名称', '', '通知落款的机关名称（duban init --org 填写）', text, '机关全称'),
  officeName: entry(
    '督查室名称',
    '县政府督查室',
    '发文部门（督查室）名称，也是通知邮件的发件人名称',
    text,
    '部门名称',
  ),
  docPrefix: entry(
    '文号前缀',
    '',
    '文号格式：前缀＋类别〔年份〕序号号，如前缀“某政督”得 某政督催〔2026〕15号（duban init --prefix 填写）',
    text,
    '简称文字',
  ),
  bulletinTo: entry(
    '通报主送',
    '各乡镇人民政府，县直各有关单位',
    '通报（Word）的主送机关，市级改为如 各县（市、区）人民政府，市直各有关单位',
    longText,
    '主送机关，用逗号分隔，不超过200字',
  ),
  bulletinCopy: entry(
    '通报抄送',
    '县委办公室，县人大常委会办公室，县政协办公室，县纪委监委',
    '通报（Word）版记中的抄送机关',
    longText,
    '抄送机关，用逗号分隔，不超过200字',
  ),
  officeEmail: entry(
    '督查室邮箱',
    '',
    '通知邮件的回复地址（Reply-To）；未设置发件账号时也作发件地址（duban init --email 填写）',
    z.union([z.literal(''), z.email()]),
    '电子邮箱地址，如 duban@example.gov.cn',
  ),
  dueSoonWorkdays: entry(
    '临期工作日',
    '5',
    '距完成时限不超过该工作日数且未办结，即为临期',
    int(1, 60),
    `${INT} 1–60`,
  ),
  dueSoonShare: entry(
    '短时限临期比例',
    '30',
    '全程时限较短的事项（如13710一般事项7天），临期窗口不超过全程工作日的该百分比，且不会从交办当日起即临期',
    int(1, 100),
    `${INT} 1–100`,
  ),
  feedbackWorkday: entry(
    '月度反馈截止工作日',
    '5',
    '上月完成情况须在次月第几个工作日前填报',
    int(1, 20),
    `${INT} 1–20`,
  ),
  monthReminderWorkdays: entry(
    '月度反馈提醒工作日',
    '2',
    '月度反馈截止日前该工作日数起，上月完成情况仍未填报的挂图作战任务和督办台账长期事项，在单位负责人、联络员当天的每日汇总中提醒一次（附本人反馈链接）；0 为不提醒',
    int(0, 20),
    `${INT} 0–20`,
  ),
  notStartedWorkdays: entry(
    '未启动判定工作日',
    '10',
    '事项自身计划的启动（首个有应完成工作任务的月份，或交办日期）后该工作日数内无任何反馈，即为未启动',
    int(1, 60),
    `${INT} 1–60`,
  ),
  blueLagPoints: entry(
    '蓝牌进度落后百分点',
    '20',
    '填报进度低于时序进度超过该百分点亮蓝牌',
    int(1, 100),
    `${INT} 1–100`,
  ),
  yellowDueSoonProgress: entry(
    '黄牌临期进度下限',
    '50',
    '临期且已填报的进度低于该百分比亮黄牌（未填报进度不作为依据）',
    int(1, 100),
    `${INT} 1–100`,
  ),
  redOverdueWorkdays: entry('红牌逾期工作日', '10', '逾期超过该工作日数亮红牌', int(1, 120), `${INT} 1–120`),
  redSupervisionCount: entry(
    '红牌督办单次数',
    '2',
    '督办单达到该次数仍无结果亮红牌',
    int(1, 10),
    `${INT} 1–10`,
  ),
  escalationWorkdays: entry(
    '升级间隔工作日',
    '3',
    '每一级催督办之后，等待该工作日数再升级',
    int(1, 30),
    `${INT} 1–30`,
  ),
  rectifyWorkdays: entry('整改期限工作日', '10', '督办通知书给出的整改期限', int(1, 60), `${INT} 1–60`),
  rollToWorkday: entry(
    '日历日期限顺延',
    '是',
    '按自然日计算的期限落在休息日时顺延至下一工作日',
    yesNo,
    '是 / 否',
  ),
  adjustMonth: entry('目标调整月份', '7', '每年受理目标调整的月份', int(1, 12), `${INT} 1–12`),
  keyItemStars: entry('重点事项星级', '4', '星级达到该值的事项办结须报主要领导审定', int(1, 5), `${INT} 1–5`),
  approvalChain: entry(
    '办结审批链',
    '承办单位主要负责人、督查室核实、办公室分管副主任、办公室主任、分管领导、主要领导',
    '办结审批卡签批顺序（重点事项）',
    list,
    '用顿号分隔的签批环节',
  ),
  minorChainEnd: entry(
    '一般事项审批止于',
    '分管领导',
    '非重点事项办结审批到该环节即可销号',
    text,
    '审批链中的一个环节',
  ),
  approvalReminderWorkdays: entry(
    '办结审批提醒工作日',
    '3',
    '办结审批卡在某一签批环节停留、或延期申请待审批达到该工作日数，在每日汇总中提醒该签批人（每人每份一次，附审批链接）',
    int(1, 30),
    `${INT} 1–30`,
  ),
  // Seed 004 §五.2: 《催辦單》、《督辦單》…報縣政府分管領導同意後，由縣政府辦公室主任簽發.
  signedKinds: entry(
    '需签发文书',
    '催办单、督办单',
    '这些文书须经分管领导同意、办公室主任签发后才编号发出（在文书登记中填写同意人、签发人、签发日期）；其余自动发出',
    kinds,
    '用顿号分隔的文书类型（催办单、督办单、督办通知书、约谈建议、提醒函、交办单），或 无',
  ),
  extensionApprover: entry('延期审批人', '分管领导', '延期申请由谁审批', text, '通讯录中的角色'),
  scanTime: entry('每日扫描时间', '08:30', '工作日自动扫描时间（北京时间），用于 duban serve；部署在 Cloudflare 或 Google 云上的以其定时任务为准', hhmm, 'HH:MM，如 08:30'),
  weeklyBriefWeekday: entry(
    '周报星期',
    '周一',
    '分管领导周报在每周哪天发出（周一例会前）；该日放假则改在本周第一个工作日发出，每周一次',
    weekday,
    '周一…周日（或 1–7）',
  ),
  weeklyBriefTime: entry('周报时间', '08:00', '分管领导周报发送时间（北京时间）；云上部署的定时任务在 8–11 时每小时检查一次，晚于 11:00 须同时调整定时任务', hhmm, 'HH:MM，如 08:00'),
  notifyOverdueTimes: entry(
    '全县通报逾期次数',
    '3',
    '单位逾期反馈达到该次数列入全县通报',
    int(1, 20),
    `${INT} 1–20`,
  ),
  transferOverdueTimes: entry(
    '移交纪委逾期次数',
    '5',
    '单位逾期反馈达到该次数建议移交纪委监委',
    int(1, 50),
    `${INT} 1–50`,
  ),
  linkValidDays: entry(
    '链接有效天数',
    '14',
    '通知和汇总邮件中各单位办理链接（签收、反馈、延期申请）的有效天数；审批、签发链接另有固定期限',
    int(1, 90),
    `${INT} 1–90`,
  ),
  researchLimit: entry('13710研究部署时限', '1天', '交办后研究部署时限', duration, DUR),
  reportLimit: entry('13710反馈时限', '3天', '交办后首次反馈时限', duration, DUR),
  generalLimit: entry('13710一般事项时限', '7天', '一般事项办结时限', duration, DUR),
  complexLimit: entry('13710复杂事项时限', '1个月', '复杂事项办结时限', duration, DUR),
  plenaryLimit: entry('全体会议反馈时限', '1个月', '政府全体会议及重大综合性会议议定事项', duration, DUR),
  executiveLimit: entry('常务会议反馈时限', '半个月', '政府常务会议议定事项', duration, DUR),
  officeMeetingLimit: entry('办公会例会反馈时限', '1周', '县长办公会、每周工作例会议定事项', duration, DUR),
  chiefInstructionLimit: entry('主要领导批示反馈时限', '1周', '主要领导批示、交办事项', duration, DUR),
  topicLimit: entry('专题会议分管领导批示反馈时限', '1周', '专题会议、分管领导批示交办事项', duration, DUR),
  leaderDecidedLimit: entry('领导议定事项反馈时限', '10个工作日', '政府领导议定事项', duration, DUR),
  docSingleLimit: entry('公文单一单位时限', '5个工作日', '批转公文：一个单位职权内', duration, DUR),
  docMultiLimit: entry('公文多单位时限', '7个工作日', '批转公文：多单位会办', duration, DUR),
  docResearchLimit: entry('公文需调研时限', '20个工作日', '批转公文：需调查论证', duration, DUR),
  docUrgentLimit: entry('公文急件时限', '3个工作日', '批转公文：标注尽快办理', duration, DUR),
  scoreBase: entry('评分基础分', '100', '月度单位得分基础分', int(0, 1000), INT),
  scoreClosedOnTime: entry('按期办结加分', '2', '每项按期办结加分', int(0, 100), INT),
  scoreMissedMonth: entry('缺报月份扣分', '2', '每个未按期反馈的月份扣分', int(0, 100), INT),
  scoreOverdue: entry('逾期事项扣分', '5', '每项逾期事项扣分', int(0, 100), INT),
  scoreLateFeedback: entry('迟报扣分', '1', '每次迟报扣分', int(0, 100), INT),
  scoreSupervision: entry('督办单扣分', '3', '每份督办单扣分', int(0, 100), INT),
  scoreRedCard: entry('红牌扣分', '10', '每张红牌扣分', int(0, 100), INT),
} as const;

type Entries = typeof ENTRIES;
export type RulesConfig = { [K in keyof Entries]: Entries[K] extends Entry<infer T> ? T : never };
export type ConfigField = keyof RulesConfig;

/** The rows of the `规则配置` tab with their defaults, in display order. */
export const CONFIG_ENTRIES: Array<{ field: ConfigField; key: string; default: string; note: string }> = (
  Object.entries(ENTRIES) as Array<[ConfigField, Entry<unknown>]>
).map(([field, e]) => ({ field, key: e.key, default: e.default, note: e.note }));

/** The office's own names have no default: left blank, the scan says so on every run and uses a visible placeholder. */
const UNSET_OFFICE: Partial<Record<ConfigField, { value: string; message: string }>> = {
  agencyName: {
    value: '（未填写机关名称）',
    message:
      '规则配置"机关名称"未填写，通知落款将显示“（未填写机关名称）”：请在规则配置中填写本机关全称，如 某某县人民政府办公室',
  },
  docPrefix: {
    value: '督',
    message:
      '规则配置"文号前缀"未填写，文号暂用“督催〔年份〕N号”：请在规则配置中填写本机关的文号前缀，如 某政督',
  },
};

export interface ConfigProblem {
  key: string;
  code: 'bad-config' | 'unknown-config';
  message: string;
}

/**
 * Validate the `规则配置` rows (key → value text). Missing keys take their default; a bad value is a problem and takes
 * its default.
 *
 * @example
 * const { config, problems } = parseConfig({ 临期工作日: '7' });
 * config.dueSoonWorkdays; // 7
 */
export function parseConfig(values: Record<string, string>): {
  config: RulesConfig;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const config: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const [field, e] of Object.entries(ENTRIES) as Array<[ConfigField, Entry<unknown>]>) {
    known.add(e.key);
    const raw = values[e.key]?.trim();
    const unset = UNSET_OFFICE[field];
    if (unset && !raw) {
      // No county's name is a safe default: a notice headed by another office is worse than a visible gap.
      problems.push({ key: e.key, code: 'bad-config', message: unset.message });
      config[field] = unset.value;
      continue;
    }
    const parsed = e.schema.safeParse(raw === undefined || raw === '' ? e.default : raw);
    if (parsed.success) {
      config[field] = parsed.data;
      continue;
    }
    const fallback = unset ? '留空' : `已按默认值"${e.default}"执行`;
    problems.push({
      key: e.key,
      code: 'bad-config',
      message: `规则配置"${e.key}"的值"${raw}"无效（应为${e.accepted}），${fallback}`,
    });
    config[field] = unset ? unset.value : e.schema.parse(e.default);
  }
  for (const key of Object.keys(values)) {
    if (!known.has(key) && key.trim()) {
      problems.push({ key, code: 'unknown-config', message: `规则配置中"${key}"不是可识别的配置项，已忽略` });
    }
  }
  return { config: config as RulesConfig, problems };
}

/** The configuration with every default. */
export function defaultConfig(): RulesConfig {
  return parseConfig({}).config;
}
