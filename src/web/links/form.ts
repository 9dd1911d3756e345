import { html } from 'hono/html';
import type { LinkContext } from './link-context';

/** The hidden fields every link form carries: the link's token and its CSRF field. */
export function hiddenFields(ctx: Pick<LinkContext, 'token' | 'csrf'>) {
  return html`<input type="hidden" name="t" value="${ctx.token}" /><input
      type="hidden"
      name="csrf"
      value="${ctx.csrf}"
    />`;
}

/** The form's own URL (the token travels in the body, not the address). */
export function actionUrl(ctx: Pick<LinkContext, 'claims'>): string {
  return `/l/${encodeURIComponent(ctx.claims.task)}/${ctx.claims.action}`;
}

/** Zod's issues as the Chinese list shown above a form. */
export function errorsHtml(errors: string[]) {
  return errors.length ? html`<div class="error">${errors.map((e) => html`<div>${e}</div>`)}</div>` : '';
}

export function issuesOf(error: { issues: ReadonlyArray<{ message: string }> }): string[] {
  return error.issues.map((i) => i.message);
}

/** A posted form's text fields (files and repeated keys dropped), to refill the form shown again. */
export function stringsOf(form: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Trimmed text with a Chinese message for empty and too long; staff-typed formulas stay text (stored RAW). */
export const MAX_TEXT = 10_000;
