import { html } from 'hono/html';
import { ACTION_NAMES, type HeldAnswer, submittedAt } from './held-answers';
import { page } from './layout';
import type { LinkContext } from './link-context';

/** The page for a held answer, 202: received, kept, written once the 督查室 closes the workbook; no need to submit again. */
export function heldPage(ctx: LinkContext, answer: HeldAnswer): Response | Promise<Response> {
  const what = ACTION_NAMES[answer.action];
  const when = submittedAt(answer);
  return ctx.c.html(
    page(
      `${what}已收到`,
      html`<p class="ok">您于${when}提交的${what}已收到并保存，无需重复提交。</p>
        <p>
          督查室此刻正在 Excel、WPS 或 LibreOffice 中编辑督办工作簿。为免您填写的内容被覆盖，系统将在工作簿关闭后
          自动记入，记入的时间按您提交的时间（${when}）计。
        </p>
        <p class="note">记入后再打开本链接，可看到办理结果；如需更正，届时可再次提交。</p>`,
    ),
    202,
  );
}
