import type { ApprovalLinker } from '../../scan/types';
import { entryIndexOf } from '../../scan/entry-index';
import { signersFor } from './completion-chain';
import { expiryOf, linkUrl } from './link-deps';
import type { LinkSettings } from './link-settings';
import { signLink } from './token';

/**
 * The signer's link in a 审批提醒 of their daily digest: to sign the completion card at step `ref`
 * (`sign-completion`), or to decide the 延期申请 `ref` (`approve-extension`), for a person the page accepts there
 * (the card's signers of that step, the task's 分管领导). The link the unit's request mailed is sent once; this one
 * is fresh each time the reminder goes out. Undefined when links are off or the person may not decide it.
 *
 * @example await approvalLinks(settings, now)({ model, task: 'ZD-2026-007', of: 'extension', ref: 'YQ-ZD-2026-007-1', person });
 */
export function approvalLinks(settings: LinkSettings, now: Date): ApprovalLinker {
  return async function approvalLink({ model, task, of, ref, person }) {
    const { keys, publicUrl, office } = settings;
    const entry = model.entries[entryIndexOf(model, task)];
    if (!keys || !publicUrl || !entry) return undefined;
    const deciders =
      of === 'completion'
        ? signersFor(model, entry, ref)
        : model.directory.leaderOf(entry.task.leader, entry.task.leadUnit);
    const email = person.trim().toLowerCase();
    if (!deciders.some((p) => p.email.trim().toLowerCase() === email)) return undefined;
    const action = of === 'completion' ? 'sign-completion' : 'approve-extension';
    const claims = { office, task, action, person, exp: expiryOf(action, now), ref } as const;
    return linkUrl(publicUrl, claims, await signLink(claims, keys));
  };
}
