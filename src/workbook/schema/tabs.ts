/**
 * The one definition of every tab of the 督办 workbook (SPEC §2): headers, widths, drop-downs, frozen panes,
 * system-owned columns and a 说明 per tab. The .xlsx template (xlsx.ts), the Google Sheet and the store's
 * `TabSpec`s are all generated from it, so a header is spelled in exactly one place.
 *
 * Header keys: a column under a row-1 group (挂图作战表's months) is keyed `group/header`, e.g. `3月/完成情况`;
 * every other column is keyed by its header text, which is merged over both header rows.
 */
import type { TabSpec } from '../../store/port';
import { AUDIT_TAB, keepMarkerRows } from '../audit';
import {
  ADJUSTMENT_KINDS,
  APPROVAL_STATES,
  COMPLETION_STATES,
  EVALUATION_LEVELS,
  FEEDBACK_CHANNELS,
  HANDLING_STATES,
  HOLIDAY_KINDS,
  ITEM_TYPES,
  MEASURE_KINDS,
  RED_FLAG_VALUES,
  RESULT_GRADES,
  ROLES,
  REGISTER_TYPES,
  SEND_STATES,
  SIGNERS,
  SOURCE_CATEGORIES,
  STAR_LEVELS,
} from './lists';

/** A value written into a template cell (demo data, 规则配置 rows). */
export type CellValue = string | number | Date | null;

/** Rows per tab keyed by header key, e.g. `{ 挂图作战表: [{ 编号: 'ZD-2026-001', '3月/完成情况': '已完成' }] }`. */
export type DemoData = Partial<Record<TabName, Array<Record<string, CellValue>>>>;

/** How a column's cells are formatted; readers still accept whatever staff type. */
export type ColumnKind = 'text' | 'integer' | 'date' | 'datetime';

export interface ColumnDef {
  /** Header key used by code: `3月/完成情况` under a group, otherwise the header text. */
  key: string;
  /** Row-1 group label (two-row tabs only); undefined = the header is merged over both header rows. */
  group?: string;
  /** Header text (row 2 under a group, otherwise the only header text). */
  header: string;
  /** Column width in Excel character units. */
  width: number;
  kind: ColumnKind;
  /** Written only by the system (SPEC §2.1): distinct header fill, warning-only protection where the platform has it. */
  system: boolean;
  /** The scan needs it: a missing required header is a TabProblem naming tab and header. */
  required: boolean;
  /** Drop-down values (a warning, not a refusal, when staff type something else). */
  list?: readonly string[];
  /** Header cell note shown to staff. */
  note?: string;
  /** Keep typed input as text (ids, phone numbers, config values) instead of letting Excel turn it into a number or date. */
  forceText?: boolean;
}

/** Who writes the tab: staff (the system adds only its columns and fills), ledger (rows appended), system (never edit). */
export type TabOwner = 'staff' | 'ledger' | 'system' | 'reference';

export interface TabDef {
  name: TabName;
  headerRows: 1 | 2;
  columns: ColumnDef[];
  /** Leading columns kept in view when scrolling right (header rows are always frozen). */
  frozenColumns: number;
  owner: TabOwner;
  /** Short 说明 shown on the guide tab. */
  note: string;
  /** How the store reads it. */
  spec: TabSpec;
}

export const TAB_NAMES = [
  '挂图作战表',
  '督办台账',
  '任务清单',
  '责任清单',
  '措施清单',
  '结果清单',
  '反馈记录',
  '延期申请',
  '办结审批',
  '调整记录',
  '文书登记',
  '审计日志',
  '通讯录',
  '规则配置',
  '节假日',
] as const;
export type TabName = (typeof TAB_NAMES)[number];

/** The first tab of the generated file: what each tab is for and what the colours mean. Not read by the system. */
export const GUIDE_TAB = '使用说明';

/** Columns the scan writes on 挂图作战表 and 督办台账, in template order. */
export const SYSTEM_COLUMNS = [
  '状态',
  '预警',
  '剩余工作日',
  '当前节点',
  '最近反馈',
  '催办次数',
  '原完成时限',
  '系统提示',
] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

export const SYSTEM_NOTE = '系统生成，请勿编辑';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const PLAN_HEADER = '应完成工作任务';
export const DONE_HEADER = '完成情况';

/**
 * Header keys of one month's pair on 挂图作战表.
 *
 * @example
 * monthKeys(3); // { plan: '3月/应完成工作任务', done: '3月/完成情况' }
 */
export function monthKeys(month: number): { plan: string; done: string } {
  return { plan: `${month}月/${PLAN_HEADER}`, done: `${month}月/${DONE_HEADER}` };
}

/** All twelve months' keys, January first. */
export const MONTH_KEYS = MONTHS.map((m) => ({ month: m, ...monthKeys(m) }));

/** The 规则配置 headers (SPEC §2.5: key / value / 说明), in Chinese for the clerks who edit them. */
export const CONFIG_HEADERS = { key: '配置项', value: '取值', note: '说明' } as const;

/** The English headers workbooks made before keep working: each Chinese header with what it replaced. */
export const LEGACY_CONFIG_HEADERS = { key: 'key', value: 'value' } as const;

/**
 * Header keys of one signer's three cells on 办结审批.
 *
 * @example
 * signerKeys('督查室核实'); // { opinion: '督查室核实意见', signature: '督查室核实签字', date: '督查室核实日期' }
 */
export function signerKeys(signer: string): { opinion: string; signature: string; date: string } {
  return { opinion: `${signer}意见`, signature: `${signer}签字`, date: `${signer}日期` };
}

interface ColOptions {
  kind?: ColumnKind;
  required?: boolean;
  system?: boolean;
  list?: readonly string[];
  note?: string;
  group?: string;
  forceText?: boolean;
}

function col(header: string, width: number, opts: ColOptions = {}): ColumnDef {
  return {
    key: opts.group ? `${opts.group}/${header}` : header,
    ...(opts.group ? { group: opts.group } : {}),
    header,
    width,
    kind: opts.kind ?? 'text',
    system: opts.system ?? false,
    required: opts.required ?? false,
    ...(opts.list ? { list: opts.list } : {}),
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.forceText ? { forceText: true } : {}),
  };
}

const req = { required: true } as const;

const DEADLINE_NOTE =
  '可填：2026-03-31、2026/3/31、2026年3月31日、3月31日、3月底、6月30日前、年底、上半年、三季度末、日期单元格；' +
  '长期 / 持续推进 / 常态化 表示无截止日期但仍须每月反馈。其他写法系统不猜测，会标记“数据有误”。';

/** The system columns; `first` moves some to the front (the battle map puts 系统提示 beside 状态 and 预警). */
function systemColumns(first: readonly SystemColumn[] = []): ColumnDef[] {
  const widths: Record<SystemColumn, number> = {
    状态: 9,
    预警: 7,
    剩余工作日: 8,
    当前节点: 22,
    最近反馈: 11,
    催办次数: 7,
    原完成时限: 12,
    系统提示: 44,
  };
  const notes: Record<SystemColumn, string> = {
    状态: '已办结 / 已调出 / 逾期 / 临期 / 滞后 / 未启动 / 正常推进 / 数据有误',
    预警: '红牌 / 黄牌 / 蓝牌',
    剩余工作日: '距完成时限的工作日数，逾期为负数',
    当前节点: '本月应完成工作任务或下一个13710节点及其日期',
    最近反馈: '最近一次反馈的日期',
    催办次数: '已发出的催办单与督办单份数',
    原完成时限: '批准延期前的完成时限',
    系统提示: '系统着色与数据问题的原因说明',
  };
  const order = [...first, ...SYSTEM_COLUMNS.filter((h) => !first.includes(h))];
  return order.map((h) =>
    col(h, widths[h], {
      system: true,
      required: true,
      kind: h === '剩余工作日' || h === '催办次数' ? 'integer' : 'text',
      note: `${SYSTEM_NOTE}。${notes[h]}`,
    }),
  );
}

function monthColumns(): ColumnDef[] {
  return MONTHS.flatMap((m) => [
    col(PLAN_HEADER, 18, { group: `${m}月`, required: true }),
    col(DONE_HEADER, 18, {
      group: `${m}月`,
      required: true,
      note:
        m === 1 ? '填写：已完成 / 推进中，完成60% / 部分完成 / 未完成。次月第5个工作日前填报。' : undefined,
    }),
  ]);
}

const isSystemOrDone = (header: string): boolean =>
  (SYSTEM_COLUMNS as readonly string[]).includes(header) || header.endsWith(`/${DONE_HEADER}`);
const isSystem = (header: string): boolean => (SYSTEM_COLUMNS as readonly string[]).includes(header);

const ID_NOTE = '稳定编号，系统按编号识别事项。留空由系统自动编号；编号生成后请勿修改。';
const RED_FLAG_NOTE = '发现虚报进度等情形时由督查室填“是”，系统亮红牌；填“否”或清空即撤销。';

interface TabParts {
  name: TabName;
  headerRows?: 1 | 2;
  columns: ColumnDef[];
  frozenColumns?: number;
  owner: TabOwner;
  note: string;
  fillsOf?: (header: string) => boolean;
}

function tab(parts: TabParts): TabDef {
  const headerRows = parts.headerRows ?? 1;
  const spec: TabSpec = {
    name: parts.name,
    headerRows,
    required: parts.columns.filter((c) => c.required).map((c) => c.key),
    ...(parts.fillsOf ? { fillsOf: parts.fillsOf } : {}),
  };
  return {
    name: parts.name,
    headerRows,
    columns: parts.columns,
    frozenColumns: parts.frozenColumns ?? 0,
    owner: parts.owner,
    note: parts.note,
    spec,
  };
}

/** Every tab of SPEC §2, in workbook order. */
export const TABS: readonly TabDef[] = [
  tab({
    name: '挂图作战表',
    headerRows: 2,
    // 序号…工作任务 first, as in the seed's 挂图作战表, so the frozen block shows who does what while scrolling months.
    frozenColumns: 5,
    owner: 'staff',
    note: '年度重点工作挂图作战：每月填写完成情况；右侧灰色表头为系统列，每个工作日早上自动更新。',
    fillsOf: isSystemOrDone,
    columns: [
      col('序号', 6, { kind: 'integer', note: '显示用序号，可随意调整' }),
      col('编号', 13, { ...req, forceText: true, note: ID_NOTE }),
      col('分管领导', 9, { ...req, note: '填写通讯录中的姓名' }),
      col('牵头单位', 14, { ...req, note: '填写通讯录中的单位全称' }),
      col('工作任务', 30, req),
      col('完成时限', 13, { ...req, note: DEADLINE_NOTE }),
      // 状态, 预警 and 系统提示 beside the task: on screen next to it, and on the first printed pages.
      ...systemColumns(['状态', '预警', '系统提示']),
      col('年度目标', 30),
      col('星级', 8, { list: STAR_LEVELS, note: '重要程度1–5星（赋星管理），也可填数字1–5' }),
      col('事项来源', 14, { list: SOURCE_CATEGORIES }),
      col('配合单位', 16, { note: '多个单位用“、”或“,”分隔' }),
      col('主要负责人', 10),
      col('具体责任人', 10),
      col('交办日期', 11, { kind: 'date', note: '留空按年初起算' }),
      col('红牌标记', 8, { list: RED_FLAG_VALUES, note: RED_FLAG_NOTE }),
      ...monthColumns(),
    ],
  }),
  tab({
    name: '督办台账',
    frozenColumns: 1,
    owner: 'staff',
    note: '会议议定、领导批示、公文批转等交办事项；完成时限留空时按13710及来源时限自动计算。',
    fillsOf: isSystem,
    columns: [
      col('编号', 13, { ...req, forceText: true, note: `如 DB-2026-001。${ID_NOTE}` }),
      col('事项来源', 14, { list: SOURCE_CATEGORIES }),
      col('来源文号/会议', 24, {
        note: '如 县政府第12次常务会议、县长批示〔2026〕8号；系统据此确定反馈时限',
      }),
      col('交办日期', 11, { ...req, kind: 'date' }),
      col('事项标题', 30, req),
      col('办理要求', 30),
      col('事项类型', 8, { ...req, list: ITEM_TYPES, note: '一般7天、复杂1个月、长期每月反馈（13710）' }),
      col('分管领导', 9, req),
      col('牵头单位', 14, req),
      col('协办单位', 16),
      col('责任人', 10),
      col('完成时限', 13, { ...req, note: `留空按13710规则计算。${DEADLINE_NOTE}` }),
      col('办理状态', 10, { ...req, list: HANDLING_STATES, note: '“已完成”经督查室核实后办结' }),
      col('红牌标记', 8, { list: RED_FLAG_VALUES, note: RED_FLAG_NOTE }),
      ...systemColumns(),
    ],
  }),
  tab({
    name: '任务清单',
    frozenColumns: 2,
    owner: 'staff',
    note: '四个清单之任务清单：工作子项、具体内容、目标要求、落实主体、时序进度和完成时限；子项逾期则主事项至少为滞后。',
    columns: [
      col('编号', 13, { ...req, note: '所属事项的编号' }),
      col('子项编号', 16, { ...req, note: '如 ZD-2026-003-1' }),
      col('工作子项', 24, req),
      col('具体内容', 30),
      col('目标要求', 24),
      col('落实主体', 14),
      col('时序进度', 16, { note: '如 完成60%' }),
      col('完成时限', 13, { ...req, note: DEADLINE_NOTE }),
    ],
  }),
  tab({
    name: '责任清单',
    frozenColumns: 2,
    owner: 'staff',
    note: '四个清单之责任清单：每个事项及子项的牵头领导、具体责任人。',
    columns: [
      col('编号', 13, req),
      col('子项编号', 16),
      col('牵头领导', 10),
      col('具体责任人', 10),
      col('联系方式', 16),
    ],
  }),
  tab({
    name: '措施清单',
    frozenColumns: 1,
    owner: 'staff',
    note: '四个清单之措施清单：组织、考核、激励、问责、保障措施。',
    columns: [col('编号', 13, req), col('措施类型', 10, { list: MEASURE_KINDS }), col('措施内容', 60)],
  }),
  tab({
    name: '结果清单',
    frozenColumns: 2,
    owner: 'staff',
    note: '四个清单之结果清单：分阶段、分节点的完成标准与验收评定。',
    columns: [
      col('编号', 13, req),
      col('子项编号', 16),
      col('阶段节点', 20),
      col('完成标准', 30),
      col('验收日期', 11, { kind: 'date' }),
      col('验收结果', 16),
      col('评定', 10, { list: RESULT_GRADES }),
    ],
  }),
  tab({
    name: '反馈记录',
    owner: 'ledger',
    note: '每次反馈一行（表格填报或邮件链接填报），系统追加，请勿修改已有行。',
    columns: [
      col('时间', 17, { ...req, kind: 'datetime' }),
      col('编号', 13, req),
      col('月份', 8, { ...req, note: '如 6月' }),
      col('完成情况', 30, req),
      col('进度(%)', 8, { ...req, kind: 'integer' }),
      col('存在问题', 24, req),
      col('下步计划', 24, req),
      col('填报人', 10, req),
      col('渠道', 8, { ...req, list: FEEDBACK_CHANNELS }),
    ],
  }),
  tab({
    name: '延期申请',
    owner: 'ledger',
    note: '延期须在完成时限前申请，分管领导审批；批准后完成时限改为申请完成时限，原完成时限保留。',
    columns: [
      col('申请号', 14, req),
      col('编号', 13, req),
      col('原完成时限', 12, req),
      col('申请完成时限', 12, req),
      col('理由', 30, req),
      col('申请人', 10, req),
      col('申请时间', 17, { ...req, kind: 'datetime' }),
      col('状态', 8, { ...req, list: APPROVAL_STATES }),
      col('审批人', 10, req),
      col('审批意见', 20, req),
      col('审批时间', 17, { ...req, kind: 'datetime' }),
    ],
  }),
  tab({
    name: '办结审批',
    frozenColumns: 1,
    owner: 'ledger',
    note: '县政府重点督查事项完结审批卡：按承办单位主要负责人→督查室→办公室分管副主任→办公室主任→分管领导→主要领导顺序签批，最后一人签批后销号。',
    columns: [
      col('编号', 13, req),
      col('事项来源', 14, req),
      col('交办日期', 11, { ...req, kind: 'date' }),
      col('完成时限', 12, req),
      col('事项标题', 30, req),
      col('承办单位', 14, req),
      ...SIGNERS.flatMap((s) => {
        const k = signerKeys(s);
        return [
          col(k.opinion, 16, req),
          col(k.signature, 10, req),
          col(k.date, 11, { ...req, kind: 'date' }),
        ];
      }),
      col('评价等级', 10, { ...req, list: EVALUATION_LEVELS }),
      col('状态', 8, { ...req, list: COMPLETION_STATES }),
    ],
  }),
  tab({
    name: '调整记录',
    owner: 'ledger',
    note: '动态管理：调入、调出、调整目标、调整时限。调出须分管领导和主要领导同意；目标原则上每年7月调整一次。',
    columns: [
      col('编号', 13, req),
      col('类型', 10, { ...req, list: ADJUSTMENT_KINDS }),
      col('理由', 36, req),
      col('申请单位', 14, req),
      col('分管领导意见', 16, req),
      col('主要领导意见', 16, req),
      col('日期', 11, { ...req, kind: 'date' }),
      col('状态', 8, { ...req, list: APPROVAL_STATES }),
      // Optional: a workbook made before these columns still reads (调入 / 调出 rows need neither).
      col('调整后完成时限', 12, { kind: 'date', note: '调整时限：须在原完成时限前提出，分管领导同意' }),
      col('调整后目标', 30, { note: '调整目标：每年目标调整月份（默认7月）受理，其他月份须主要领导同意' }),
    ],
  }),
  tab({
    name: '文书登记',
    owner: 'system',
    note: '督查室统一编号的催办单、督办单等文书登记（系统生成，请勿编辑）；去重键保证同一文书不重复发送。',
    columns: [
      col('文号', 20, req),
      col('类型', 10, { ...req, list: REGISTER_TYPES }),
      col('编号', 13, req),
      col('发往单位', 14, req),
      col('收件人', 18, req),
      col('抄送', 18, req),
      col('事由', 36, req),
      col('时限要求', 14, req),
      col('生成时间', 17, { ...req, kind: 'datetime' }),
      col('发送状态', 9, { ...req, list: SEND_STATES }),
      col('去重键', 30, req),
      // Filled by staff on a 待签发 draft (seed 004 §五.2); the system never writes them.
      col('同意人', 10),
      col('签发人', 10),
      col('签发日期', 12, { kind: 'date' }),
    ],
  }),
  tab({
    name: '审计日志',
    owner: 'system',
    note: '每一次自动修改、发文和审批的留痕（系统追加，请勿编辑）。',
    columns: [
      col('时间', 17, { ...req, kind: 'datetime' }),
      col('操作者', 12, req),
      col('动作', 12, req),
      col('编号', 13, req),
      col('字段', 16, req),
      col('原值', 24, req),
      col('新值', 24, req),
      col('备注', 36, req),
    ],
  }),
  tab({
    name: '通讯录',
    frozenColumns: 1,
    owner: 'reference',
    note: '通知收件人：每个单位的单位负责人和联络员，以及督查室、办公室和县领导；分管领导的分管单位用“、”分隔。',
    columns: [
      col('姓名', 9, req),
      col('职务', 18),
      col('单位', 14, req),
      col('角色', 14, { ...req, list: ROLES }),
      col('邮箱', 28, req),
      col('手机', 14, { forceText: true }),
      col('分管单位', 50, { note: '分管领导填写，多个单位用“、”分隔' }),
    ],
  }),
  tab({
    name: '规则配置',
    owner: 'reference',
    note: '所有阈值与时限的配置；填错的值会在系统提示中报告并按默认值执行。',
    columns: [
      // Not required by header: a workbook made before may still call them key / value (read-workbook.ts reads both).
      col(CONFIG_HEADERS.key, 24, { note: '配置项名称，请勿修改' }),
      col(CONFIG_HEADERS.value, 40, { forceText: true, note: '填写取值；填错时系统提示并按默认值执行' }),
      col(CONFIG_HEADERS.note, 56),
    ],
  }),
  tab({
    name: '节假日',
    owner: 'reference',
    note: '对内置国务院放假安排的补充和修改：放假或调休上班的日期。',
    columns: [
      col('日期', 12, { ...req, kind: 'date' }),
      col('类型', 10, { ...req, list: HOLIDAY_KINDS }),
      col('名称', 16),
    ],
  }),
];

/**
 * The definition of one tab.
 *
 * @example
 * tabDef('督办台账').headerRows; // 1
 */
export function tabDef(name: TabName): TabDef {
  const def = TABS.find((t) => t.name === name);
  if (!def) throw new Error(`unknown tab ${JSON.stringify(name)}`);
  return def;
}

/**
 * Header keys of a tab in template order.
 *
 * @example
 * headerKeys('挂图作战表').includes('3月/完成情况'); // true
 */
export function headerKeys(name: TabName): string[] {
  return tabDef(name).columns.map((c) => c.key);
}

/** The `TabSpec`s of all tabs, every row. */
export const TAB_SPECS: readonly TabSpec[] = TABS.map((t) => t.spec);

/** What a scan, the board and the link pages read: all tabs, the 审计日志 only for its marker rows (`keepMarkerRows`). */
export const RUN_SPECS: readonly TabSpec[] = runSpecsKeeping(() => false);

/** RUN_SPECS with the 审计日志 rows `keep` keeps as well (the desk's filter, the weekly brief's week of changes). */
export function runSpecsKeeping(keep: NonNullable<TabSpec['keepRow']>): TabSpec[] {
  return TABS.map((t) =>
    t.name === AUDIT_TAB ? { ...t.spec, keepRow: (text) => keepMarkerRows(text) || keep(text) } : t.spec,
  );
}

/** The `TabSpec` of one tab. */
export function tabSpec(name: TabName): TabSpec {
  return tabDef(name).spec;
}
