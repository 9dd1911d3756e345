/**
 * The runtime of an instance, built once from its env bindings and reused by every request and cron event.
 * A bad env is logged once (English, every problem) and answered with a 500 saying in Chinese which settings to fix.
 */
import { type EnvProblem, envLogLine, parseRuntimeEnv, type Runtime } from './env';
import { createRuntime, type DubanRuntime } from './runtime';

export type RuntimeOrProblems = { ok: true; runtime: DubanRuntime } | { ok: false; problems: EnvProblem[] };

const built = new WeakMap<object, RuntimeOrProblems>();

/**
 * The runtime for these env bindings (cached per env object: Workers pass the same `env` to every event of an isolate).
 *
 * @example
 * const found = runtimeFromEnv(env, 'workers');
 * if (!found.ok) return misconfiguredResponse(found.problems);
 */
export function runtimeFromEnv(env: object, runtime: Runtime, clock?: () => Date): RuntimeOrProblems {
  const cached = built.get(env);
  if (cached) return cached;
  const parsed = parseRuntimeEnv(env as Record<string, unknown>, runtime);
  const result: RuntimeOrProblems = parsed.ok
    ? { ok: true, runtime: createRuntime(parsed.config, clock) }
    : { ok: false, problems: parsed.problems };
  if (!result.ok) console.error(envLogLine(result.problems));
  built.set(env, result);
  return result;
}

/**
 * The answer to every request while the env is unusable: which settings to fix and how, in Chinese (never their values).
 * @example return misconfiguredResponse(found.problems);
 */
export function misconfiguredResponse(problems: EnvProblem[]): Response {
  return Response.json(
    {
      error: '服务尚未配置完成，请管理员按以下说明设置环境变量后重新部署',
      problems: problems.map((p) => p.message),
    },
    { status: 500 },
  );
}
