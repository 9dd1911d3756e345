import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { beijingStamp } from '../../calendar/beijing-clock';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { page } from './layout';
import type { LinkDeps } from './link-deps';
import type { LinkClaims } from './token';

/** Why a link was refused: each gets its own page, status and audit note. */
export type RefusalReason =
  | 'disabled'
  | 'missing'
  | 'forged'
  | 'expired'
  | 'reused'
  | 'other-office'
  | 'other-task'
  | 'other-action'
  | 'other-person'
  | 'no-task'
  | 'cross-site'
  | 'csrf'
  | 'closed'
  | 'rate-limited';

interface RefusalText {
  status: ContentfulStatusCode;
  title: string;
  message: string;
}

const TEXT: Record<RefusalReason, RefusalText> = {
  disabled: {
    status: 503,
    title: '链接功能未开启',
    message: '本系统尚未配置链接密钥（DUBAN_LINK_SECRET），暂不能通过链接办理。请联系督查室。',
  },
  missing: {
    status: 400,
    title: '链接不完整',
    message: '链接缺少验证码。请从邮件中完整复制或直接点击原链接。',
  },
  forged: {
    status: 403,
    title: '链接无效',
    message:
      '此链接无法通过验证，可能被修改或复制不完整。请从邮件中重新打开原链接；仍有问题请联系督查室重新发送。',
  },
  expired: {
    status: 410,
    title: '链接已过期',
    message: '此链接已超过有效期。请使用最近一封通知中的链接，或联系督查室重新发送。',
  },
  reused: {
    status: 409,
    title: '链接已使用',
    message: '此链接只能使用一次，已经办理过。如需更正，请联系督查室。',
  },
  'other-office': {
    status: 403,
    title: '链接不属于本系统',
    // Most often a link mailed from last year's workbook after the service moved on to the new year's.
    message:
      '此链接是从另一个督办工作簿（如上一年度的工作簿）发出的，本系统现在使用的不是该工作簿，不能在这里办理。请联系督查室。',
  },
  'other-task': {
    status: 403,
    title: '链接与事项不符',
    message: '此链接是为另一项事项签发的，不能用于当前事项。请打开该事项通知中的链接。',
  },
  'other-action': {
    status: 403,
    title: '链接与操作不符',
    message: '此链接不能用于这项操作。请打开邮件中对应操作（签收、反馈、延期申请、审批）的链接。',
  },
  'other-person': {
    status: 403,
    title: '无权使用此链接',
    message: '此链接签发给的人员不是该事项的当前经办人或审批人（可能人员已调整）。请联系督查室。',
  },
  'no-task': {
    status: 404,
    title: '事项不存在',
    message: '工作簿中找不到此事项，可能已被删除或编号已更改。请联系督查室。',
  },
  'cross-site': {
    status: 403,
    title: '提交被拒绝',
    message: '此表单不是从本系统页面提交的，已拒绝。请在邮件链接打开的页面中填写并提交。',
  },
  csrf: {
    status: 403,
    title: '表单已失效',
    message: '表单校验码不正确。请重新打开邮件中的链接，在新打开的页面中填写提交。',
  },
  closed: {
    status: 409,
    title: '当前不能办理',
    message: '该事项当前状态不允许此项操作。',
  },
  'rate-limited': {
    status: 429,
    title: '操作过于频繁',
    message: '短时间内请求次数过多，请稍等几分钟后再试。',
  },
};

/** 审计日志 备注 names the reason in Chinese. */
const NOTE: Record<RefusalReason, string> = {
  disabled: '链接功能未开启',
  missing: '缺少令牌',
  forged: '令牌被篡改或伪造',
  expired: '令牌已过期',
  reused: '一次性令牌重复使用',
  'other-office': '令牌属于其他工作簿',
  'other-task': '令牌属于其他事项',
  'other-action': '令牌用于其他操作',
  'other-person': '令牌持有人不是该事项的经办人或审批人',
  'no-task': '事项不存在',
  'cross-site': '跨站提交',
  csrf: '表单校验码错误',
  closed: '事项状态不允许',
  'rate-limited': '请求过多',
};

export interface RefusalInfo {
  reason: RefusalReason;
  /** The task named by the URL. */
  task: string;
  action: string;
  claims?: LinkClaims;
  /** More for the page (why it is closed, when it was used). */
  detail?: string;
  ip: string;
  /** False once the instance's budget of audited refusals is spent (a flood is logged, not written). */
  audit?: boolean;
}

/**
 * Answer a refused link: a Chinese page with the status of its reason, and a 审计日志 row (who the token names, or the
 * address when it names nobody; what was tried; why). A failed audit write is logged, never shown.
 */
export async function refuse(c: Context, deps: LinkDeps, info: RefusalInfo): Promise<Response> {
  const text = TEXT[info.reason];
  if (info.reason !== 'rate-limited' && info.reason !== 'disabled' && info.audit !== false) {
    const actor = info.claims?.person ?? `匿名（${info.ip}）`;
    const note = [NOTE[info.reason], info.detail, `来源 ${info.ip}`].filter(Boolean).join('；');
    const row = auditRow(beijingStamp(deps.clock()), '链接拒绝', info.task, info.action, '', '', note, actor);
    try {
      await deps.store.append(AUDIT_TAB, [row]);
    } catch (error) {
      console.error(`[web:links] audit of a refused link failed: ${String(error)}`);
    }
  }
  console.warn(`[web:links] refused ${info.action} on ${info.task}: ${info.reason}`);
  // "Not now" with its reason says the reason itself (已有审批中的办结申请…); the generic sentence only without one.
  const body =
    info.reason === 'closed' && info.detail
      ? html`<p class="error">${info.detail}</p>`
      : html`<p class="error">${text.message}</p>
          ${info.detail ? html`<p class="note">${info.detail}</p>` : ''}`;
  return c.html(page(text.title, body), text.status);
}
