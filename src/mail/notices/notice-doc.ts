import type { Day } from '../../calendar/day';
import type { Card, NoticeType } from '../../domain/glossary';

/** The six notices of the escalation ladder and the card notices (SPEC §4.2, §4.4): the domain's `NoticeType`. */
export type NoticeKind = NoticeType;

/** 红黄蓝牌 warning cards (seed 001 §三(三)): the domain's `Card`. */
export type CardColour = Card;

/** The item a notice is about: one row of 挂图作战表 or 督办台账. */
export interface NoticeItem {
  /** 编号, e.g. `ZD-2026-001`. */
  id: string;
  /** 工作任务 / 事项标题, as staff typed it. */
  title: string;
  /** 事项来源, e.g. `政府工作报告`. */
  source?: string;
  /** 完成时限; absent for 长期 items (then `deadlineText` may say `长期`). */
  deadline?: Day;
  deadlineText?: string;
}

export interface NoticeBase {
  /** 发文机关 printed at the top, e.g. `临猗县人民政府办公室`. */
  issuer: string;
  /** 落款 under the body, e.g. `临猗县人民政府督查室` (seed 004: 督查室 issues 催办单/督办单); defaults to `issuer`. */
  office?: string;
  /** 文号 from `文书登记`, e.g. `临政督〔2026〕15号`; absent for the informal 临期提醒. */
  docNo?: string;
  /** 主送: the unit (or, for 约谈建议, the leader) the notice is addressed to. */
  to: string;
  item: NoticeItem;
  /** 事由: complete Chinese sentences from the rules, one reason each. */
  reasons: string[];
  /** 时限要求 date: `请于{replyBy}前{action}`. */
  replyBy?: Day;
  /** The whole 时限要求 sentence, when the rules want other wording than the one built from `replyBy`. */
  requirement?: string;
  /** Signed URL to answer without a spreadsheet account. */
  answerUrl?: string;
  /**
   * The reader's own signed links (签收, 反馈, 延期申请), printed instead of `answerUrl`: a notice with links goes as
   * one mail per recipient, each carrying only that recipient's (a link records its 签收 / 反馈 under its person).
   */
  ownLinks?: RecipientLinks;
  /** The day to 签收 by (a notice sent with 签收 links), said with the recipient's own links. */
  ackBy?: Day;
  /** The 抄送 copy of a notice whose recipients got their own links: it says so and carries none. */
  linksSentToRecipients?: boolean;
  /** 抄送: names with roles, e.g. `李四（县政府分管领导）`. */
  cc: string[];
  /** 签发 / 印发 date. */
  issuedOn: Day;
  /** 签发人, e.g. `王五（县政府办公室主任）`. */
  signer?: string;
  /** Calendar years whose holiday schedule is not yet published but that the dates rely on. */
  provisionalYears?: number[];
}

/**
 * Everything a notice prints. Strings are plain text as typed in the sheet; the templates escape them for HTML.
 *
 * @example
 * const doc: NoticeDoc = {
 *   kind: '催办单', issuer: '临猗县人民政府办公室', office: '临猗县人民政府督查室', docNo: '临政督〔2026〕15号',
 *   to: '县自然资源局', item: { id: 'ZD-2026-001', title: '完成土地征收', deadline: toDay('2026-03-20') },
 *   reasons: ['该事项已超过完成时限1个工作日，尚未办结。'], replyBy: toDay('2026-03-24'),
 *   cc: ['李四（县政府分管领导）'], issuedOn: toDay('2026-03-21'),
 * };
 */
export type NoticeDoc =
  | (NoticeBase & { kind: '临期提醒' | '催办单' | '督办单' | '提醒函' | '审批提醒' | '交办单' | '签收提醒' })
  | (NoticeBase & {
      kind: '督办通知书';
      /** 整改期限: the date the problems must be rectified by. */
      rectifyBy: Day;
    })
  | (NoticeBase & {
      kind: '约谈建议';
      /**
       * 黄牌: 分管领导 talks with the unit head; 红牌: 主要领导 talks with the 分管领导 and the unit head.
       * Absent when the 约谈建议 ends the ladder (unresolved after 督办通知书): as 黄牌, without the card wording.
       */
      card?: '黄牌' | '红牌';
      /** The unit responsible for the item (主送 `to` is the leader). */
      unit: string;
      /** Who talks (default by card: `分管领导` / `主要领导`). */
      interviewer?: string;
      /** Who is talked with (default by card: the unit's 主要负责人 / also the 分管领导). */
      interviewees?: string[];
    });

/** One recipient's signed links, e.g. `{ name: '孙振华', links: [{ label: '签收', url: 'https://…' }] }`. */
export interface RecipientLinks {
  name: string;
  links: Array<{ label: string; url: string }>;
  /** The last day (Asia/Shanghai) on which all of these links still open, printed under them. */
  validUntil?: Day;
}

/** A rendered mail body, ready for `toMailMessage`. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** Headers the template knows: `X-Duban-Kind` (ASCII, names outbox files), `X-Duban-Doc-No`. */
  headers: Record<string, string>;
}

/** An image attached to the mail and shown in its HTML by `cid:` (a 通报 chart): its name and size in pixels. */
export interface InlineImage {
  cid: string;
  width: number;
  height: number;
}
