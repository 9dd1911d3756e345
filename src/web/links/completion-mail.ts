import { addressesOf } from '../../workbook/directory';
import type { TaskEntry, WorkbookModel } from '../../workbook/read-workbook';
import { signersFor } from './completion-chain';
import type { LinkDeps } from './link-deps';
import { expiryOf, linkUrl } from './link-deps';
import { sendLinkMail } from './link-mail';
import { signLink } from './token';

/** Mail every person who may sign as `signer` their own one-time link to the task's card; true when one went out. */
export async function mailSigner(
  deps: LinkDeps,
  base: string,
  model: WorkbookModel,
  entry: TaskEntry,
  signer: string,
): Promise<boolean> {
  const { task } = entry;
  const people = addressesOf(signersFor(model, entry, signer));
  let sent = false;
  for (const person of people) {
    const claims = {
      office: deps.office,
      task: task.id,
      action: 'sign-completion' as const,
      person: person.address,
      exp: expiryOf('sign-completion', deps.clock()),
      ref: signer,
    };
    const url = linkUrl(base, claims, await signLink(claims, deps.keys!));
    const ok = await sendLinkMail(
      deps,
      model.config,
      [person],
      `【办结审批】${task.id} ${task.title.slice(0, 30)}`,
      [
        `${task.leadUnit}申请“${task.title}”（${task.id}）办结，请以${signer}身份签批（同意或退回，并填写意见）。`,
        '链接仅限本人使用一次；同一岗位有多人时，一人签批后其他人的链接即失效。',
      ],
      { label: '签批链接', url },
    );
    sent ||= ok;
  }
  return sent;
}
