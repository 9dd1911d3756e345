/**
 * Every kind of notice in one table (SPEC §4.2, §4.4; seeds 000 §三, 001 §三(三), 004 §五): its 文号 mark, who gets
 * it, how its mail is titled, where it stands on the escalation ladder, and whether it waits for 签发. Every place that
 * treats kinds differently reads this table; adding a kind is one entry here plus its opening paragraph in
 * src/mail/notices/openings.ts.
 */

/** Who a notice goes to, by role (resolved through 通讯录 in src/scan/recipients.ts). */
export type Party =
  /** the lead unit's head and liaison (单位负责人 / 联络员) */
  | 'unit'
  /** the task's 分管领导 */
  | 'leader'
  /** the 主要领导 */
  | 'chief'
  /** the 督查室 */
  | 'office'
  /** the 办公室主任 */
  | 'director'
  /** the 办公室分管副主任 */
  | 'deputy'
  /** 组织部, 监察机关 and 作风办, copied on 催办单 and 督办单 (seed 004 §五.4) */
  | 'oversight'
  /** the heads and liaisons of the task's 配合单位 / 协办单位 */
  | 'coUnits';

export interface Addressing {
  to: Party[];
  cc: Party[];
  /** 主送 printed when it is not the unit and 通讯录 has no names: e.g. `分管领导`. */
  addressee?: string;
}

export interface KindSpec {
  /** One character after the prefix in the 文号 (`临政督催〔2026〕15号`); null: routine, no 文号. */
  docMark: string | null;
  /** ASCII name for mail headers and outbox file names. */
  slug: string;
  /** The document title, as in 《催办单》. */
  title: string;
  /** Completes `关于“X”的…` in the subject. */
  subjectTail: string;
  /** Completes `请于{date}前…` when the rules give only a date. */
  action: string;
  /** 0-based step of the formal ladder 催办单 → 督办单 → 督办通知书 → 约谈建议; null: not on the ladder. */
  ladderStep: number | null;
  /** The label of the reasons block, when it is not 事由: a 交办单 lists its 时间节点 (seed 000 挂图作战表). */
  reasonsLabel?: string;
  /** The card a kind always goes with (提醒函 = 蓝牌), shown in its title and subject. */
  card?: '蓝牌';
  /** Recipients by the notice's level (a card for 约谈建议), else `default`. */
  recipients: { default: Addressing } & Partial<Record<string, Addressing>>;
  /** Travels in the recipient's one daily digest / brief instead of a mail of its own (routine items, and a leader's items). */
  viaDigest: boolean;
  /** Counts in 催办次数 and in "needed 催办" (evaluation, 红牌 for 多次督办无果 counts 督办单 only). */
  urging: boolean;
  /** Waits for 签发 before it is numbered and sent (seed 004 §五.2). None does yet; 规则配置 需签发 will set it. */
  needsSigning: boolean;
}

const toUnit = (cc: Party[]): { default: Addressing } => ({ default: { to: ['unit'], cc } });

export const NOTICE_KINDS = {
  临期提醒: {
    docMark: null,
    slug: 'linqi',
    title: '临期提醒',
    subjectTail: '临期提醒',
    action: '完成并反馈办理情况',
    ladderStep: null,
    recipients: toUnit([]),
    viaDigest: true,
    urging: false,
    needsSigning: false,
  },
  催办单: {
    docMark: '催',
    slug: 'cuiban',
    title: '催办单',
    subjectTail: '催办',
    action: '反馈办理情况',
    ladderStep: 0,
    // Seed 004 §五.4: 《催办单》、《督办单》…抄送县委组织部、县监察局和作风办.
    recipients: toUnit(['leader', 'oversight']),
    viaDigest: false,
    urging: true,
    needsSigning: false,
  },
  督办单: {
    docMark: '督',
    slug: 'duban',
    title: '督办单',
    subjectTail: '督办',
    action: '书面报告办理结果',
    ladderStep: 1,
    recipients: toUnit(['leader', 'office', 'oversight']),
    viaDigest: false,
    urging: true,
    needsSigning: false,
  },
  督办通知书: {
    docMark: '通',
    slug: 'tongzhi',
    title: '督办通知书',
    subjectTail: '限期整改',
    action: '书面报告整改情况',
    ladderStep: 2,
    recipients: toUnit(['leader', 'office']),
    viaDigest: false,
    urging: false,
    needsSigning: false,
  },
  约谈建议: {
    docMark: '谈',
    slug: 'yuetan',
    title: '约谈建议',
    subjectTail: '约谈建议',
    action: '安排约谈并反馈约谈情况',
    ladderStep: 3,
    recipients: {
      // The ladder's last step goes to both leaders.
      default: { to: ['leader', 'chief'], cc: ['office'], addressee: '县政府领导' },
      黄牌: { to: ['leader'], cc: ['office'], addressee: '分管领导' },
      红牌: { to: ['chief'], cc: ['leader', 'office'], addressee: '主要领导' },
    },
    // Issue 9 item 8 (SPEC §4.4): a leader's 约谈建议 travels in the leader's one daily brief, numbered and registered.
    viaDigest: true,
    urging: false,
    needsSigning: false,
  },
  提醒函: {
    docMark: '提',
    slug: 'tixing',
    title: '提醒函',
    subjectTail: '进度提醒',
    action: '反馈推进情况和赶进措施',
    ladderStep: null,
    card: '蓝牌',
    recipients: toUnit(['leader']),
    viaDigest: false,
    urging: false,
    needsSigning: false,
  },
  交办单: {
    docMark: '交',
    slug: 'jiaoban',
    title: '交办单',
    reasonsLabel: '时间节点',
    subjectTail: '交办',
    // 研究部署 has its own date among the nodes the 交办单 lists; its 时限要求 is the first report.
    action: '反馈办理情况',
    ladderStep: null,
    // Seed 004 §五.2: 交办单 numbered centrally by the 督查室; the 配合单位 and the 分管领导 get a copy (SPEC §4.4).
    recipients: toUnit(['coUnits', 'leader']),
    viaDigest: false,
    urging: false,
    needsSigning: false,
  },
  签收提醒: {
    docMark: null,
    slug: 'qianshou',
    title: '签收提醒',
    subjectTail: '签收提醒',
    action: '签收通知并指定具体责任人',
    ladderStep: null,
    // One reminder when a notice that carried a 签收 link is not signed for within 1 working day (13710's "1").
    recipients: toUnit([]),
    viaDigest: false,
    urging: false,
    needsSigning: false,
  },
  审批提醒: {
    docMark: null,
    slug: 'shenpi',
    title: '办结审批提醒',
    subjectTail: '办结审批待签批',
    action: '签批办结审批卡',
    ladderStep: null,
    // The level is the waiting signer of the completion card (规则配置 办结审批链).
    recipients: {
      default: { to: ['office'], cc: [] },
      承办单位主要负责人: { to: ['unit'], cc: [] },
      督查室核实: { to: ['office'], cc: [] },
      办公室分管副主任: { to: ['deputy'], cc: [], addressee: '办公室分管副主任' },
      办公室主任: { to: ['director'], cc: [], addressee: '办公室主任' },
      分管领导: { to: ['leader'], cc: [], addressee: '分管领导' },
      主要领导: { to: ['chief'], cc: [], addressee: '主要领导' },
    },
    viaDigest: true,
    urging: false,
    needsSigning: false,
  },
} as const satisfies Record<string, KindSpec>;

export type NoticeType = keyof typeof NOTICE_KINDS;

/** The kinds in table order: 临期提醒 first, then the ladder, then 提醒函. */
export const NOTICE_TYPES = Object.keys(NOTICE_KINDS) as NoticeType[];

/** The kind's row of the table. */
export const kindOf = (type: NoticeType): KindSpec => NOTICE_KINDS[type];

/** The formal ladder of SPEC §4.4, after the routine 临期提醒, in order. */
export const LADDER: readonly NoticeType[] = NOTICE_TYPES.filter((t) => kindOf(t).ladderStep !== null).sort(
  (a, b) => kindOf(a).ladderStep! - kindOf(b).ladderStep!,
);

/** Whether a register's 类型 text names a notice kind. */
export const isNoticeType = (text: string): text is NoticeType => Object.hasOwn(NOTICE_KINDS, text);
