import type { NoticeKind } from './notice-doc';

export interface KindForm {
  /** ASCII name for headers and outbox file names. */
  slug: string;
  /** The document title printed under the issuer, as in 《催办单》. */
  title: string;
  /** Completes `关于“X”的…` in the subject. */
  subjectTail: string;
  /** Completes `请于{date}前…` when the rules give only a date. */
  action: string;
}

/** The official form of each notice: its title, subject wording and what the recipient must do. */
export const KIND_FORMS: Record<NoticeKind, KindForm> = {
  临期提醒: { slug: 'linqi', title: '临期提醒', subjectTail: '临期提醒', action: '完成并反馈办理情况' },
  催办单: { slug: 'cuiban', title: '催办单', subjectTail: '催办', action: '反馈办理情况' },
  督办单: { slug: 'duban', title: '督办单', subjectTail: '督办', action: '书面报告办理结果' },
  提醒函: { slug: 'tixing', title: '提醒函', subjectTail: '进度提醒', action: '反馈推进情况和赶进措施' },
  督办通知书: { slug: 'tongzhi', title: '督办通知书', subjectTail: '限期整改', action: '书面报告整改情况' },
  约谈建议: { slug: 'yuetan', title: '约谈建议', subjectTail: '约谈建议', action: '安排约谈并反馈约谈情况' },
};
