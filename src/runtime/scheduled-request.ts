/**
 * The HTTP face of the daily scan for schedulers that call a URL (Cloud Scheduler → Cloud Functions): POST only,
 * the admin token required, the scan dated by the scheduler's own schedule time when it sends one.
 *
 * Authentication: `Authorization: Bearer <DUBAN_ADMIN_TOKEN>`, or `X-Duban-Token: <DUBAN_ADMIN_TOKEN>` for a
 * function deployed private behind IAM, where Cloud Scheduler's OIDC token occupies Authorization and Google's front
 * end has already checked it. The token is checked in code either way, so a function deployed public by mistake is
 * still closed.
 */
import type { DubanRuntime } from './service';

/** Cloud Scheduler's RFC 3339 schedule time of the run (kept on retries), e.g. `2026-06-15T00:30:00Z`. */
export const SCHEDULE_TIME_HEADER = 'x-cloudscheduler-scheduletime';
export const TOKEN_HEADER = 'x-duban-token';

/**
 * A fetch handler that runs the daily scan of `runtime`.
 *
 * @example
 * const handle = scheduledScanHandler(runtime);
 * await handle(new Request('https://fn/', { method: 'POST', headers: { 'x-duban-token': token } }));
 * // 200 with the summary, or { scanned: false, reason } on a day off
 */
export function scheduledScanHandler(
  runtime: DubanRuntime,
  clock: () => Date = () => new Date(),
): (request: Request) => Promise<Response> {
  return async function scanOnSchedule(request) {
    if (request.method !== 'POST')
      return Response.json({ error: '只接受 POST 请求' }, { status: 405, headers: { allow: 'POST' } });
    if (!hasToken(request, runtime.config.adminToken))
      return Response.json(
        { error: '需要管理令牌：请在 Authorization: Bearer 或 X-Duban-Token 头中提供' },
        { status: 401 },
      );
    const scheduled = request.headers.get(SCHEDULE_TIME_HEADER);
    const now = scheduled ? new Date(scheduled) : clock();
    if (Number.isNaN(now.getTime()))
      return Response.json({ error: `${SCHEDULE_TIME_HEADER} 不是有效的 RFC 3339 时间` }, { status: 400 });
    try {
      const summary = await runtime.scheduledScan(now);
      return Response.json(summary ?? { scanned: false, reason: '今天不是工作日（北京时间），未扫描' });
    } catch (error) {
      console.error(
        `[scan:${runtime.config.runtime}] ${error instanceof Error ? error.stack : String(error)}`,
      );
      // 500 makes Cloud Scheduler retry the run per the job's retry settings.
      return Response.json({ error: '扫描失败，请稍后重试或联系管理员查看日志' }, { status: 500 });
    }
  };
}

function hasToken(request: Request, token: string): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const given = [bearer, request.headers.get(TOKEN_HEADER) ?? undefined];
  return given.some((candidate) => candidate !== undefined && sameText(candidate.trim(), token));
}

/** Compare without an early exit, so response time does not tell how much of a guess was right. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0 && b.length > 0;
}
