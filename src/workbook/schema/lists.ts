/**
 * Drop-down values of the template (SPEC §2). Readers must still accept what staff type by hand:
 * the lists guide input, they are not the parser.
 */
import { EVALUATION_LEVELS, NOTICE_TYPES, STATUSES, CARDS } from '../../domain/glossary';

/** 事项来源 categories (SPEC §2.1, seed 000 §一). */
export const SOURCE_CATEGORIES = [
  '总书记重要指示批示',
  '中央省市重大决策部署',
  '上级领导批示',
  '县委县政府目标任务',
  '政府工作报告',
  '会议议定事项',
  '领导批示',
  '其他',
] as const;

/** 事项类型 for 13710 time limits (seed 003 §三(二)). */
export const ITEM_TYPES = ['一般', '复杂', '长期'] as const;

/** 办理状态 typed by staff on 督办台账. */
export const HANDLING_STATES = ['正在办理', '已落实', '已完成'] as const;

/** 星级: ★ count; readers also accept ☆ and the digits 1–5. */
export const STAR_LEVELS = ['★', '★★', '★★★', '★★★★', '★★★★★'] as const;

/** 红牌标记: a manual red card for false progress reports (SPEC §4.2); blank or 否 = no flag. */
export const RED_FLAG_VALUES = ['是', '否'] as const;

export const ROLES = [
  '主要领导',
  '分管领导',
  '督查室',
  '办公室主任',
  '办公室分管副主任',
  '单位负责人',
  '联络员',
  // Copied on 催办单 and 督办单 (seed 004 §五.4 "抄送县委组织部、县监察局和作风办"); names as the county calls them.
  '组织部',
  '监察机关',
  '作风办',
] as const;

export const HOLIDAY_KINDS = ['放假', '调休上班'] as const;

export const ADJUSTMENT_KINDS = ['调入', '调出', '调整目标', '调整时限'] as const;

/** 延期申请 and 调整记录 states. */
export const APPROVAL_STATES = ['待审批', '同意', '不同意'] as const;

/** 办结审批 card states: in progress, closed (销号), or sent back to 正在办理. */
export const COMPLETION_STATES = ['审批中', '已办结', '退回'] as const;

export const MEASURE_KINDS = ['组织', '考核', '激励', '问责', '保障'] as const;

/** 结果清单 评定 of a stage node. */
export const RESULT_GRADES = ['达标', '基本达标', '未达标'] as const;

export const FEEDBACK_CHANNELS = ['表格', '链接'] as const;

/**
 * 文书登记 发送状态: a failed send stays 待发送 and is retried (SPEC §4.4); 重复作废 = lost a race with a concurrent
 * scan, never sent; 发送失败 = refused by the mail server (5xx) or a 重发 attempt that failed (src/scan/retry-claims.ts);
 * 已存入发件箱 = an .eml file in the outbox, no SMTP server set; 已印发 = a 通报 saved as Word by `duban report`;
 * 不予签发 = a draft the 分管领导 or 办公室主任 declined (never numbered, never sent, not proposed again that episode);
 * 已撤销 = a draft whose cause went away before it was signed (the month reported, the item closed, the deadline moved).
 */
export const SEND_STATES = [
  '待签发',
  '已签发',
  '待发送',
  '已发送',
  '已存入发件箱',
  '发送失败',
  '重复作废',
  '已印发',
  '不予签发',
  '已撤销',
] as const;
/** A draft waiting for 同意 / 签发 (seed 004 §五.2): no 文号, not sent. */
export const AWAITING_SIGNATURE = '待签发';
/** A draft the 分管领导 did not consent to, or the 办公室主任 did not sign: it ends there. */
export const DECLINED = '不予签发';
/** A draft withdrawn by the scan: the notice it proposed is no longer due. */
export const WITHDRAWN = '已撤销';
/** A draft whose signed, numbered notice is registered on its own row. */
export const SIGNED = '已签发';
/** Written to the outbox folder because no mail server is set: nobody has received it yet (not retried). */
export const STORED = '已存入发件箱';
/** Refused for good by the mail server (5xx), or a 重发 attempt that failed; not retried until staff reset it. */
export const REJECTED = '发送失败';
/** A 通报 numbered and saved as Word by `duban report` for printing (src/scan/bulletin-doc-no.ts); not mailed. */
export const ISSUED = '已印发';

/** 文书登记 类型: the notices, the daily digest, the claims on a retry, and the 通报 (its own 文号 series). */
export const REGISTER_TYPES = [...NOTICE_TYPES, '每日汇总', '重发', '通报'] as const;

/** Signers of the completion card, in order (seed 000 attachment 3, read bottom-up). */
export const SIGNERS = [
  '承办单位主要负责人',
  '督查室核实',
  '办公室分管副主任',
  '办公室主任',
  '分管领导',
  '主要领导',
] as const;

export { EVALUATION_LEVELS, NOTICE_TYPES, STATUSES, CARDS };
