import type { Context } from 'hono';
import type { z } from 'zod';
import type { TaskEntry } from '../../workbook/read-workbook';
import type { Person } from '../../workbook/directory';
import type { LinkDeps } from './link-deps';
import type { RefusalReason } from './refusal';
import type { LinkClaims, TaskAction } from './token';
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

/** The link routes' Hono env: the verified request, set by the gate for the page and its form. */
export type LinkEnv = { Variables: { link: LinkContext; handler: ActionHandler } };

/**
 * One action's pages: who may hold its link, the page, the schema of its form (checked by `zValidator('form', …)` in
 * routes.ts) and what a valid form does.
 */
export interface ActionHandler<F = unknown> {
  /** The person the link names, if they may act on this task (the unit's contacts, the approver…). */
  holder(ctx: Pick<LinkContext, 'state' | 'entry' | 'claims'>): Person | undefined;
  get(ctx: LinkContext): Promise<Response>;
  /** A refusal that comes before the form is read (the item is closed, the request already decided); else null. */
  blocked?(ctx: LinkContext): Promise<Response | null>;
  /** The form's schema; it may depend on the workbook (the months one may report, the current deadline). */
  form(ctx: LinkContext): z.ZodType<F>;
  /** The page again with what is wrong and what is accepted, answered 400; `values` refill the form. */
  invalid(ctx: LinkContext, errors: string[], values: Record<string, string>): Response | Promise<Response>;
  post(ctx: LinkContext, form: F): Promise<Response>;
}

export type ActionHandlers = Record<TaskAction, ActionHandler>;

/** The unit's head or liaison the link was mailed to. */
export function unitHolder({ state, entry, claims }: Pick<LinkContext, 'state' | 'entry' | 'claims'>) {
  const email = claims.person.toLowerCase();
  return state.model.directory
    .unitContacts(entry.task.leadUnit)
    .find((p) => p.email.trim().toLowerCase() === email);
}
