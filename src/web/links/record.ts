import { html } from 'hono/html';
import { cnFullDate, isoOf } from '../../calendar/day';
import type { TaskVerdict } from '../../domain/types';
import type { TaskEntry } from '../../workbook/read-workbook';
import { lines } from './layout';

/**
 * The task's record as its unit and its approver see it: what the task is, its deadlines, 状态 and card, the months
 * planned and reported (battle map), the notices it received and the feedback given. Only this task: no other unit's
 * data is on a link page.
 */
export function recordHtml(entry: TaskEntry, verdict: TaskVerdict) {
  const { task, facts } = entry;
  const deadline =
    verdict.deadline === null
      ? task.deadline.kind === 'ongoing'
        ? '长期'
        : '未定'
      : cnFullDate(verdict.deadline);
  const original = verdict.originalDeadline === null ? null : cnFullDate(verdict.originalDeadline);
  const months = task.months.filter((m) => m.planned || m.done);
  const notices = [...facts.notices].sort((a, b) => b.day - a.day);
  const feedback = [...facts.feedback].sort((a, b) => b.day - a.day);
  return html`<table>
      <tr>
        <th>事项编号</th>
        <td>${task.id}</td>
      </tr>
      <tr>
        <th>${task.kind === 'ledger' ? '事项标题' : '工作任务'}</th>
        <td>${lines(task.title)}</td>
      </tr>
      <tr>
        <th>牵头单位</th>
        <td>${task.leadUnit}</td>
      </tr>
      <tr>
        <th>分管领导</th>
        <td>${task.leader}</td>
      </tr>
      <tr>
        <th>完成时限</th>
        <td>${deadline}${original ? `（延期前 ${original}）` : ''}</td>
      </tr>
      <tr>
        <th>状态</th>
        <td>
          ${verdict.status}${verdict.card ? html` <span class="card-${verdict.card}">${verdict.card}</span>` : ''}
        </td>
      </tr>
      ${
        verdict.remainingWorkdays === null
          ? ''
          : html`<tr>
              <th>剩余工作日</th>
              <td>${verdict.remainingWorkdays}</td>
            </tr>`
      }
      ${
        verdict.currentNode
          ? html`<tr>
              <th>当前节点</th>
              <td>${verdict.currentNode}</td>
            </tr>`
          : ''
      }
    </table>
    ${
      months.length
        ? html`<h2>月度计划与完成情况</h2>
            <table>
              <tr>
                <th>月份</th>
                <td><b>应完成工作任务 / 完成情况</b></td>
              </tr>
              ${months.map(
                (m) =>
                  html`<tr>
                    <th>${m.month}月</th>
                    <td>
                      ${lines(m.planned)}${m.done ? html`<br /><span class="note">完成情况：</span>${lines(m.done)}` : ''}
                    </td>
                  </tr>`,
              )}
            </table>`
        : ''
    }
    <h2>收到的通知</h2>
    ${
      notices.length
        ? html`<table>
            ${notices.map(
              (n) =>
                html`<tr>
                  <th>${n.type}</th>
                  <td>${n.docNo} ${isoOf(n.day)}${n.sent ? '' : '（待发送）'}</td>
                </tr>`,
            )}
          </table>`
        : html`<p class="note">暂无</p>`
    }
    <h2>以往反馈</h2>
    ${
      feedback.length
        ? html`<table>
            ${feedback.map(
              (f) =>
                html`<tr>
                  <th>${isoOf(f.day)}</th>
                  <td>
                    ${f.month ? `${f.month}月：` : ''}${lines(f.text)}${f.progress === null ? '' : `（进度${f.progress}%）`}
                  </td>
                </tr>`,
            )}
          </table>`
        : html`<p class="note">暂无</p>`
    }`;
}
