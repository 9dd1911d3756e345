import type { Context } from 'hono';
import type { TaskEntry } from '../../workbook/read-workbook';
import type { Person } from '../../workbook/directory';
import type { LinkDeps } from './link-deps';
import type { RefusalReason } from './refusal';
import type { LinkAction, LinkClaims } from './token';
import type { WorkbookState } from './workbook-state';

/** A verified link request: the token's claims, the workbook read once, the task and the person the link names. */
export interface LinkContext {
  c: Context;
  deps: LinkDeps;
  claims: LinkClaims;
  token: string;
  /** The CSRF field every form of this link carries. */
  csrf: string;
  state: WorkbookState;
  entry: TaskEntry;
  person: Person;
  refuse(reason: RefusalReason, detail?: string): Promise<Response>;
}

/** One action's pages: who may hold its link, the page, and what a submitted form does. */
export interface ActionHandler {
  /** The person the link names, if they may act on this task (the unit's contacts, the approver…). */
  holder(ctx: Pick<LinkContext, 'state' | 'entry' | 'claims'>): Person | undefined;
  get(ctx: LinkContext): Promise<Response>;
  post(ctx: LinkContext, form: Record<string, string>): Promise<Response>;
}

export type ActionHandlers = Record<LinkAction, ActionHandler>;

/** The unit's head or liaison the link was mailed to. */
export function unitHolder({ state, entry, claims }: Pick<LinkContext, 'state' | 'entry' | 'claims'>) {
  const email = claims.person.toLowerCase();
  return state.model.directory
    .unitContacts(entry.task.leadUnit)
    .find((p) => p.email.trim().toLowerCase() === email);
}
