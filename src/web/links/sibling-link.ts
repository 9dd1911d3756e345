/**
 * A link a page offers the person it was opened by, for another action on the same task (反馈 → 申请办结, 签收 → 反馈):
 * their own claims with the other action and its own lifetime, without the notice reference.
 */
import type { LinkContext } from './link-context';
import { expiryOf, linkUrl } from './link-deps';
import { signLink, type TaskAction } from './token';

/** The page path (`/l/<编号>/<action>?t=…`), or null when links are off. */
export async function siblingLink(ctx: LinkContext, action: TaskAction): Promise<string | null> {
  if (!ctx.deps.keys) return null;
  const claims = { ...ctx.claims, action, exp: expiryOf(action, ctx.state.now) };
  delete claims.ref;
  return linkUrl('', claims, await signLink(claims, ctx.deps.keys));
}
