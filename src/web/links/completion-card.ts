import { html } from 'hono/html';
import type { SheetRow } from '../../store/port';
import type { TaskEntry } from '../../workbook/read-workbook';
import { signerKeys } from '../../workbook/schema/tabs';
import { cardText, chainOf } from './completion-chain';
import { lines } from './layout';
import type { WorkbookState } from './workbook-state';

/**
 * The card as on paper (seed 000 attachment 3): the item's facts, then each signer's 意见, 签字 and 日期 in the order
 * they sign, and the 评价等级. Laid out to print on one A4 page.
 */
export function printableCard(state: WorkbookState, entry: TaskEntry, card: SheetRow) {
  const t = (k: string) => cardText(card, k);
  const chain = chainOf(state.model.config, entry.task.stars);
  return html`<table class="a4card">
    <tr>
      <th>事项来源</th>
      <td>${t('事项来源')}</td>
      <th>交办日期</th>
      <td>${t('交办日期')}</td>
    </tr>
    <tr>
      <th>事项标题</th>
      <td colspan="3">${lines(t('事项标题'))}</td>
    </tr>
    <tr>
      <th>承办单位</th>
      <td>${t('承办单位')}</td>
      <th>完成时限</th>
      <td>${t('完成时限')}</td>
    </tr>
    ${chain.map((s) => {
      const k = signerKeys(s);
      return html`<tr>
        <th>${s}意见</th>
        <td colspan="3">
          ${lines(t(k.opinion))}
          <div class="sign">签字：${t(k.signature)}　日期：${t(k.date)}</div>
        </td>
      </tr>`;
    })}
    <tr>
      <th>评价等级</th>
      <td>${t('评价等级')}</td>
      <th>状态</th>
      <td>${t('状态')}</td>
    </tr>
  </table>`;
}
