import type { CellWrite } from '../../src/store/port';

/**
 * A 督办通知书 to 县发改局 already in 文书登记 under `docNo`, sent on `day`, due `replyBy`: what the old month-derived
 * 通报 number would have collided with.
 */
export function supervisionNoticeRow(docNo: string, day: string, replyBy: string): Record<string, CellWrite> {
  return {
    文号: docNo,
    类型: '督办通知书',
    编号: 'ZD-2026-001',
    发往单位: '县发改局',
    收件人: 'fgj@demo.gov.cn',
    抄送: '',
    事由: '督查发现问题，限期整改',
    时限要求: replyBy,
    生成时间: `${day} 08:30:00`,
    发送状态: '已发送',
    去重键: `ZD-2026-001|督办通知书||${day}`,
  };
}
