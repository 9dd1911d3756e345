/**
 * The demo flow ledgers (SPEC §2.4): 反馈记录, 延期申请, 办结审批, 调整记录, 文书登记, consistent with the battle map
 * and the 督办台账 (same 编号, names, dates before asOf = A).
 *
 * - 延期申请 (numbered `YQ-<编号>-n` as the link page numbers them): 同意 for `trunk-road` (asked A−12 before its old
 *   deadline A−5, approved A−10); 待审批 for `scenic-4a` (asked A−2, its deadline is A+4).
 * - 办结审批: a fully signed card (状态 已办结) for `central-funds` and for every early-deadline task whose deadline has
 *   passed; a card typed by staff for the 督办台账 item `power-capacity` (signed by the unit head and 督查室 only,
 *   状态 blank: closed by 办理状态 已完成 + 督查室核实).
 * - 调整记录: 调出 of `industrial-park` approved by both leaders (A−30); 调入 of `new-energy-chain` (A−26).
 * - 文书登记: a 催办单 for `land-clearance` (A−30), so its next step is a 督办单; a 催办单 (A−20) then a 督办单 (A−14)
 *   for the 督办台账 item `station-parking`, so its next step is a 督办通知书. 文号 and 去重键 as the scan writes them;
 *   each dated on the working day at or before its offset, as only a working-day scan sends.
 */
import { defaultCalendar } from '../src/calendar';
import { isoOf, partsOf, type Day } from '../src/calendar/day';
import { dedupeKey } from '../src/workbook/dedupe-key';
import type { CellValue } from '../src/workbook/schema/tabs';
import { signerKeys } from '../src/workbook/schema/tabs';
import { SIGNERS } from '../src/workbook/schema/lists';
import { dateCell, dateTimeCell, monthIn } from './demo-dates';
import { dayInNextMonth, type BattleTask } from './demo-battle-map';
import type { LedgerItem } from './demo-ledger';
import type { Directory } from './demo-org';
import type { Rng } from './prng';

type Row = Record<string, CellValue>;

const ITEM_PROBLEMS = ['无', '涉及多个部门，协调进度偏慢', '资金尚未落实到位', '需上级部门支持'];
const PROBLEMS = [
  '无',
  '项目资金到位较慢',
  '受降雨天气影响，施工进度放缓',
  '部分群众诉求协调难度较大',
  '审批手续尚在办理',
  '用地指标紧张',
];

interface Ctx {
  year: number;
  asOf: Day;
  rng: Rng;
  dir: Directory;
}

function at(day: Day, rng: Rng): Date {
  return dateTimeCell(day, rng.int(8, 17), rng.int(0, 11) * 5);
}

/** 反馈记录 of the battle map: the last one or two reported months of most tasks, never of rows meant to look silent. */
function taskFeedback(tasks: BattleTask[], ctx: Ctx): Array<{ day: Day; row: Row }> {
  const { rng, asOf, year } = ctx;
  const always = new Set([
    'due-soon',
    'due-soon-behind',
    'lagging-percent',
    'overdue',
    'overdue-long',
    'red-flag',
    'extended',
  ]);
  const out: Array<{ day: Day; row: Row }> = [];
  for (const task of tasks) {
    if (!task.id || task.reports.size === 0) continue;
    if (!always.has(task.scenario) && !rng.chance(0.5)) continue;
    const months = [...task.reports.keys()].sort((a, b) => a - b).slice(-2);
    for (const m of months) {
      const r = task.reports.get(m)!;
      const current = m === monthIn(asOf, year);
      const planned = current ? asOf - rng.int(1, 3) : (dayInNextMonth(year, m, rng.int(2, 6)) ?? asOf - 1);
      const day = Math.min(planned, asOf - 1);
      const next = task.plans.get(m + 1);
      out.push({
        day,
        row: {
          时间: at(day, rng),
          编号: task.id,
          月份: `${m}月`,
          完成情况: r.text,
          '进度(%)': r.progress,
          存在问题:
            task.scenario === 'lagging-percent' ? '外需减弱，部分企业出口订单下滑' : rng.pick(PROBLEMS),
          下步计划: next ?? '巩固成果，做好年度总结',
          填报人: task.liaison.name,
          渠道: rng.chance(0.3) ? '链接' : '表格',
        },
      });
    }
  }
  return out;
}

const ITEM_PROGRESS = [
  ['已召开专题会研究部署，明确责任分工', 20],
  ['已完成现场调查，正在制定解决方案', 40],
  ['方案已报分管领导审定，正在组织实施', 60],
  ['主体工作已完成，正在收尾', 85],
] as const;

function itemFeedback(items: LedgerItem[], ctx: Ctx): Array<{ day: Day; row: Row }> {
  const { rng } = ctx;
  return items.flatMap((item) => {
    if (!item.id) return [];
    return item.feedback.map((day, k) => {
      const [text, progress] =
        item.scenario === 'done-confirmed' && k === item.feedback.length - 1
          ? (['已完成增容改造并通电运行', 100] as const)
          : ITEM_PROGRESS[Math.min(ITEM_PROGRESS.length - 1, k + (item.scenario === 'open-ended' ? 0 : 1))]!;
      return {
        day,
        row: {
          时间: at(day, rng),
          编号: item.id,
          月份: `${partsOf(day).month}月`,
          完成情况: text,
          '进度(%)': item.scenario === 'open-ended' ? null : progress,
          存在问题: rng.pick(ITEM_PROBLEMS),
          下步计划: '按办理要求继续推进，按时反馈',
          填报人: item.liaison.name,
          渠道: rng.chance(0.4) ? '链接' : '表格',
        },
      };
    });
  });
}

/** 反馈记录 rows in time order, as the system appends them. */
export function feedbackRows(tasks: BattleTask[], items: LedgerItem[], ctx: Ctx): Row[] {
  return [...taskFeedback(tasks, ctx), ...itemFeedback(items, ctx)]
    .sort((a, b) => a.day - b.day || (a.row.时间 as Date).getTime() - (b.row.时间 as Date).getTime())
    .map((f) => f.row);
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo flows need ${what}`);
  return value;
}

export function extensionRows(tasks: BattleTask[], ctx: Ctx): Row[] {
  const { asOf } = ctx;
  const extended = must(
    tasks.find((t) => t.scenario === 'extended'),
    'an extended task',
  );
  const pending = must(
    tasks.find((t) => t.scenario === 'due-soon-behind'),
    'a due-soon-behind task',
  );
  return [
    {
      申请号: `YQ-${extended.id}-1`,
      编号: extended.id,
      原完成时限: isoOf(extended.originalDeadline!),
      申请完成时限: isoOf(extended.deadline.day!),
      理由: '沿线管线迁改涉及产权单位较多，协调时间超出预期',
      申请人: extended.liaison.name,
      申请时间: dateTimeCell(asOf - 12, 10, 5),
      状态: '同意',
      审批人: extended.leader.name,
      审批意见: '同意延期，务必倒排工期确保质量',
      审批时间: dateTimeCell(asOf - 10, 9, 30),
    },
    {
      申请号: `YQ-${pending.id}-1`,
      编号: pending.id,
      原完成时限: isoOf(pending.deadline.day!),
      申请完成时限: isoOf(pending.deadline.day! + 35),
      理由: '景区游客服务中心配套工程受雨季影响延误，省级评定现场验收时间推迟',
      申请人: pending.liaison.name,
      申请时间: dateTimeCell(asOf - 2, 16, 20),
      状态: '待审批',
      审批人: pending.leader.name,
      审批意见: null,
      审批时间: null,
    },
  ];
}

const OPINIONS = [
  '经审核，已完成目标任务，申请销号',
  '经实地核实，目标任务已完成',
  '同意',
  '同意',
  '同意销号',
  '同意销号',
];

function card(
  head: Row,
  signers: string[],
  firstDay: Day,
  opinions: string[],
  done: { level: string; state: string } | null,
): Row {
  const row: Row = { ...head };
  SIGNERS.forEach((s, i) => {
    const k = signerKeys(s);
    const signed = i < signers.length;
    row[k.opinion] = signed ? (opinions[i] ?? '同意') : null;
    row[k.signature] = signed ? signers[i]! : null;
    row[k.date] = signed ? dateCell(firstDay + i) : null;
  });
  row.评价等级 = done?.level ?? null;
  row.状态 = done?.state ?? null;
  return row;
}

/** 办结审批 cards, in the order they were started. */
export function completionRows(tasks: BattleTask[], items: LedgerItem[], ctx: Ctx): Row[] {
  const { dir, asOf } = ctx;
  const cards: Array<{ day: Day; row: Row }> = [];
  for (const t of tasks) {
    if (t.finished === undefined || !t.id) continue;
    const first = Math.min(t.finished + 1, asOf - 6);
    const signers = [
      t.head.name,
      dir.supervisors[0]!.name,
      dir.officeDeputy.name,
      dir.officeDirector.name,
      t.leader.name,
      dir.chief.name,
    ];
    const ahead = t.deadline.day !== null && t.finished < t.deadline.day - 10;
    cards.push({
      day: first,
      row: card(
        {
          编号: t.id,
          事项来源: t.seed.source,
          交办日期: dateCell(t.start),
          完成时限: t.deadline.value,
          事项标题: t.seed.title,
          承办单位: t.seed.unit,
        },
        signers,
        first,
        OPINIONS,
        { level: ahead ? '落实较好' : '基本落实', state: '已办结' },
      ),
    });
  }
  const item = must(
    items.find((i) => i.scenario === 'done-confirmed'),
    'a done-confirmed ledger item',
  );
  cards.push({
    day: asOf - 3,
    row: card(
      {
        编号: item.id,
        事项来源: item.seed.source,
        交办日期: dateCell(item.assigned),
        完成时限: item.deadline?.value ?? null,
        事项标题: item.seed.title,
        承办单位: item.seed.unit,
      },
      [item.head.name, dir.supervisors[0]!.name],
      asOf - 3,
      ['已协调供电公司完成增容改造，企业已正常生产，申请销号', '经实地核实，增容改造已完成'],
      null,
    ),
  });
  return cards.sort((a, b) => a.day - b.day).map((c) => c.row);
}

export function adjustmentRows(tasks: BattleTask[], ctx: Ctx): Row[] {
  const { asOf } = ctx;
  const out = must(
    tasks.find((t) => t.scenario === 'moved-out'),
    'a moved-out task',
  );
  const added = must(
    tasks.find((t) => t.scenario === 'not-started'),
    'a not-started task',
  );
  return [
    {
      编号: out.id,
      类型: '调出',
      理由: '签约入园的加工企业受市场行情影响暂缓投资，园区一期年内无法建成，申请调出年度重点工作',
      申请单位: out.seed.unit,
      分管领导意见: '同意',
      主要领导意见: '同意',
      日期: dateCell(asOf - 30),
      状态: '同意',
    },
    {
      编号: added.id,
      类型: '调入',
      理由: '根据县政府常务会议安排，新能源装备产业链招商纳入年度重点工作',
      申请单位: added.seed.unit,
      分管领导意见: '同意',
      主要领导意见: '同意',
      日期: dateCell(asOf - 26),
      状态: '同意',
    },
  ];
}

function deadlineText(value: CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
}

export function noticeRows(tasks: BattleTask[], items: LedgerItem[], ctx: Ctx): Row[] {
  const { asOf, year, dir } = ctx;
  const task = must(
    tasks.find((t) => t.scenario === 'overdue-long'),
    'an overdue-long task',
  );
  const item = must(
    items.find((i) => i.scenario === 'overdue-long'),
    'an overdue-long ledger item',
  );
  const supervisor = dir.supervisors[0]!.name;
  const notice = (
    no: string,
    type: '催办单' | '督办单',
    level: number,
    day: Day,
    t: {
      id: string | null;
      unit: string;
      head: string;
      liaison: string;
      leader: string;
      title: string;
      due: CellValue;
      dueDay: Day;
    },
  ): Row => ({
    文号: no,
    类型: type,
    编号: t.id,
    发往单位: t.unit,
    收件人: `${t.head}、${t.liaison}`,
    抄送: type === '督办单' ? `${t.leader}、${supervisor}` : t.leader,
    事由: `“${t.title}”已超过完成时限（${deadlineText(t.due)}）仍未办结`,
    时限要求: `${isoOf(day + 5)}前反馈`,
    生成时间: dateTimeCell(day, 8, 30),
    发送状态: '已发送',
    // The key the scan writes for this ladder step: 编号|type|level|逾期@deadline (src/workbook/dedupe-key.ts).
    去重键: dedupeKey(t.id ?? '', type, String(level), `逾期@${isoOf(t.dueDay)}`),
  });
  const fromTask = {
    id: task.id,
    unit: task.seed.unit,
    head: task.head.name,
    liaison: task.liaison.name,
    leader: task.leader.name,
    title: task.seed.title,
    due: task.deadline.value,
    dueDay: task.deadline.day!,
  };
  const fromItem = {
    id: item.id,
    unit: item.seed.unit,
    head: item.head.name,
    liaison: item.liaison.name,
    leader: item.leader.name,
    title: item.seed.title,
    due: item.deadline?.value ?? null,
    dueDay: item.deadline!.day!,
  };
  // Scans run on working days only: each notice is dated on the working day at or before its offset.
  const cal = defaultCalendar();
  const scanDay = (d: Day): Day => (cal.isWorkday(d) ? d : scanDay(d - 1));
  const [first, second, third] = [asOf - 30, asOf - 20, asOf - 14].map(scanDay) as [Day, Day, Day];
  return [
    { day: first, row: notice(`临政督催〔${year}〕1号`, '催办单', 1, first, fromTask) },
    { day: second, row: notice(`临政督催〔${year}〕2号`, '催办单', 1, second, fromItem) },
    { day: third, row: notice(`临政督督〔${year}〕1号`, '督办单', 2, third, fromItem) },
  ]
    .sort((a, b) => a.day - b.day)
    .map((n) => n.row);
}
