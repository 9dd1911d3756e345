import { retryOnStale } from '../../scan/stale-retry';
import type { ApplyResult, WritePlan } from '../../store/port';
import type { TaskEntry } from '../../workbook/read-workbook';
import type { LinkContext } from './link-context';
import type { RefusalReason } from './refusal';
import { entryOf, readState, type WorkbookState } from './workbook-state';

export type Planned<T> = { refusal: RefusalReason; detail?: string } | { plan: WritePlan; value: T };

/**
 * Write one answer in one batch: plan it against the workbook read for the page, apply; when someone saved the
 * workbook meanwhile, read again and plan again (the single-use checks run on what is there now).
 */
export async function commitAnswer<T>(
  ctx: LinkContext,
  build: (state: WorkbookState, entry: TaskEntry) => Planned<T>,
): Promise<{ ok: true; value: T; applied: ApplyResult } | { ok: false; response: Response }> {
  let refused: { refusal: RefusalReason; detail?: string } | null = null;
  const done = await retryOnStale(async function answerOnce(attempt) {
    const state = attempt === 1 ? ctx.state : await readState(ctx.deps.store, ctx.state.now);
    const entry = entryOf(state.model, ctx.claims.task);
    const planned: Planned<T> = entry ? build(state, entry) : { refusal: 'no-task' };
    if ('refusal' in planned) {
      refused = planned;
      return null;
    }
    const applied = await ctx.deps.store.apply(planned.plan, state.snapshot);
    return { value: planned.value, applied };
  });
  if (!done) {
    const r = refused as unknown as { refusal: RefusalReason; detail?: string };
    return { ok: false, response: await ctx.refuse(r.refusal, r.detail) };
  }
  return { ok: true, ...done };
}
