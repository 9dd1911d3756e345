/**
 * How a raw binding becomes text before a key's own schema reads it, and how a schema reports a problem: as a zod issue
 * whose message is the English log line and whose params carry the whole EnvProblem (env.ts takes it back out).
 */
import { z } from 'zod';
import { type EnvProblem, type Runtime, SETTINGS, whereToSet } from './env-problem';

export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A trimmed text binding; blank (wrangler.toml's empty placeholders) is unset. */
export const text = z.preprocess(blankToUndefined, z.string().trim().optional());
/** A secret kept as typed (passwords may end in spaces); blank is unset. */
export const rawText = z.preprocess(blankToUndefined, z.string().optional());
export const ipLiteral = z.union([z.ipv4(), z.ipv6()]);

export type Ctx = z.core.$RefinementCtx;

/**
 * Report `problem` from inside a key's transform.
 * @example fail(ctx, envProblem('DUBAN_SMTP_PORT', runtime, { … }));
 */
export function fail(ctx: Ctx, problem: EnvProblem): void {
  ctx.addIssue({ code: 'custom', message: problem.log, params: { problem } });
}

/**
 * The EnvProblem of a zod issue: the one a schema reported, or (a binding that is not text at all) one naming the key.
 * @example problemOf(parsed.error.issues[0], 'workers')
 */
export function problemOf(issue: z.core.$ZodIssue, runtime: Runtime): EnvProblem {
  const reported = (issue as { params?: { problem?: EnvProblem } }).params?.problem;
  if (reported) return reported;
  const key = String(issue.path[0] ?? 'env');
  const known = key in SETTINGS ? (key as keyof typeof SETTINGS) : null;
  const name = known ? `${key}（${SETTINGS[known].label}）` : key;
  return {
    key,
    message: `设置 ${name}的值无法识别：请写成一行文字，例如 ${key}=…。${known ? `${whereToSet(known, runtime)}。` : ''}`,
    log: `${key}: ${issue.message}`,
  };
}
