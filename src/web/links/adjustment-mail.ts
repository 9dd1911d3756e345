/** The one-time link of the leader an adjustment request waits for. */
import { addressesOf, type Person } from '../../workbook/directory';
import type { Approver } from './adjustment-ledger';
import type { LinkContext } from './link-context';
import { expiryOf, linkUrl } from './link-deps';
import { sendLinkMail } from './link-mail';
import { signLink } from './token';

/** The 分管领导 of the task, or the 主要领导. */
export function approverPeople(ctx: Pick<LinkContext, 'state' | 'entry'>, who: Approver): Person[] {
  const { directory } = ctx.state.model;
  const { task } = ctx.entry;
  return who === '分管领导' ? directory.leaderOf(task.leader, task.leadUnit) : directory.byRole('主要领导');
}

/** Mails `who` their link to decide request `no`; the name mailed, or null when nobody could be. */
export async function mailApprover(
  ctx: LinkContext,
  who: Approver,
  no: string,
  kind: string,
  reason: string,
): Promise<string | null> {
  const person = approverPeople(ctx, who)[0];
  if (!person?.email) return null;
  const { deps, entry } = ctx;
  const claims = {
    office: deps.office,
    task: entry.task.id,
    action: 'approve-adjustment' as const,
    person: person.email,
    exp: expiryOf('approve-adjustment', deps.clock()),
    ref: no,
  };
  const token = await signLink(claims, deps.keys!);
  const base = deps.publicUrl ?? new URL(ctx.c.req.url).origin;
  const sent = await sendLinkMail(
    deps,
    ctx.state.model.config,
    addressesOf([person]),
    `【${kind}申请】${entry.task.id} ${entry.task.title.slice(0, 30)}`,
    [
      `${entry.task.leadUnit}申请${kind}“${entry.task.title}”（${entry.task.id}）。`,
      `申请号：${no}`,
      `理由：${reason}`,
      '请打开以下链接审批（同意或不同意，并填写意见）。链接仅限本人使用一次。',
    ],
    { label: '审批链接', url: linkUrl(base, claims, token) },
  );
  return sent ? `${who}${person.name}` : null;
}
