import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * The one mapping of errors to answers, for every app: an HTTPException keeps its status (and its response, when a
 * middleware made one); anything else is logged in English and answered with a Chinese 500.
 */
export function mapError(error: Error, c: Context): Response {
  if (error instanceof HTTPException)
    return error.res ? error.getResponse() : c.json({ error: error.message }, error.status);
  console.error(`[web] ${error.stack ?? String(error)}`);
  return c.json({ error: '服务器内部错误，请稍后重试或联系管理员' }, 500);
}
