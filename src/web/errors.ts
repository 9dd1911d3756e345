import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { escapeHtml } from '../mail/notices';
import { StoreError, userMessageOf } from '../store/errors';

const INTERNAL = '服务器内部错误，请稍后重试或联系管理员';
const UNREADABLE =
  '暂时读不到工作簿（文件不在原处、共享盘未连接，或没有权限），没有作任何改动。请稍后再试；问题持续时请联系督查室。';

/**
 * The one mapping of errors to answers, for every app: an HTTPException keeps its status (and its response, when a
 * middleware made one); a workbook that cannot be read (StoreError: the shared drive away, the file moved or damaged)
 * is a 503 saying so in Chinese; anything else is logged in English and answered with a Chinese 500. A browser (a
 * unit's link page, the desk, the board) gets a page; anything else JSON. The driver's own message (it may name the
 * file, the spreadsheet id or the service account) is for the office; a unit's or leader's link page (`/l/…`) gets
 * the general sentence.
 */
export function mapError(error: Error, c: Context): Response {
  if (error instanceof HTTPException && error.res) return error.getResponse();
  if (error instanceof HTTPException) return answer(c, error.message, error.status);
  console.error(`[web] ${error.stack ?? String(error)}`);
  if (error instanceof StoreError) {
    const office = !c.req.path.startsWith('/l/');
    return answer(c, (office && userMessageOf(error)) || UNREADABLE, 503);
  }
  return answer(c, INTERNAL, 500);
}

function answer(c: Context, message: string, status: HTTPException['status']): Response {
  if (!(c.req.header('accept') ?? '').includes('text/html')) return c.json({ error: message }, status);
  return c.html(
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><title>暂时无法办理</title></head>' +
      `<body style="font:16px/1.6 system-ui,sans-serif;margin:16px"><h1 style="font-size:20px">暂时无法办理</h1><p>${escapeHtml(message)}</p></body></html>`,
    status,
  );
}
