import { joinNames } from './common';
import type { NoticeDoc } from './notice-doc';

/*
 * Each kind's own words: the opening paragraph of its notice. The rest of a notice (title, subject, what to do by
 * when, recipients) comes from the kinds table, src/domain/notice-kinds.ts; a new kind adds its case here.
 */

/** The opening paragraph: why this paper is issued, in the voice of the office (seed 000 §三, 004 §五.4). */
export function openingOf(doc: NoticeDoc): string {
  switch (doc.kind) {
    case '临期提醒':
      return '你单位承办的下列事项即将到达完成时限，请抓紧推进，确保按期完成。';
    case '催办单':
      return '你单位承办的下列事项未按要求办理，现予催办。请接此单后抓紧办理，并按时限要求反馈办理情况。';
    case '督办单':
      return '你单位承办的下列事项经催办后仍未落实到位，现予督办。请单位主要负责人亲自过问，采取有力措施加快办理，并按时限要求书面报告办理结果。';
    case '交办单':
      return '现将下列事项交由你单位牵头办理。请按下列时限要求研究部署、反馈办理情况，并按期办结。';
    case '签收提醒':
      return '下列事项的通知已发送至你单位，但尚未签收。请通过通知中的签收链接确认收到，并指定本事项的具体责任人。';
    case '审批提醒':
      return '下列事项已在完成时限前申请办结，办结审批卡正等待您签批。请及时签批（同意办结，或写明不同意及理由后退回）。';
    case '提醒函':
      return '你单位承办的下列事项推进进度滞后于时序进度，现予蓝牌提醒。请认真分析原因，制定赶进措施，加快推进。';
    case '督办通知书':
      return '经督查，你单位承办的下列事项存在以下问题，现下达督办通知书，请限期整改到位，并书面报告整改情况。';
    case '约谈建议': {
      const who = `建议由${interviewerOf(doc)}约谈${joinNames(intervieweesOf(doc))}`;
      if (doc.card === '红牌')
        return `${doc.unit}承办的下列事项被亮红牌预警。根据重点工作督办机制，${who}，督促整改落实。`;
      if (doc.card === '黄牌')
        return `${doc.unit}承办的下列事项被亮黄牌预警。根据重点工作督办机制，${who}，督促加快推进。`;
      return `${doc.unit}承办的下列事项经催办、督办后仍整改不到位。根据重点工作督办机制，${who}，督促整改落实。`;
    }
  }
}

export function interviewerOf(doc: Extract<NoticeDoc, { kind: '约谈建议' }>): string {
  return doc.interviewer?.trim() || (doc.card === '红牌' ? '主要领导' : '分管领导');
}

export function intervieweesOf(doc: Extract<NoticeDoc, { kind: '约谈建议' }>): string[] {
  if (doc.interviewees && doc.interviewees.length > 0) return doc.interviewees;
  const head = `${doc.unit}主要负责人`;
  return doc.card === '红牌' ? ['分管领导', head] : [head];
}
