import type { OverdueUnit } from '../domain/overdue-units';
import type { Card, Status } from '../domain/glossary';
import type { RecipientLinks } from '../mail/notices/notice-doc';
import type { Address, Mailer } from '../mail/port';
import type { PngRuntime } from '../report/chart-png';
import type { NoticeJournal } from '../store/journal/port';
import type { SheetStore } from '../store/port';
import type { WorkbookModel } from '../workbook/read-workbook';
import type { ScanProblem } from '../workbook/scan-problem';
import type { PreviousWorkbookOpener } from './year-end-reminder';

export interface ScanDeps {
  store: SheetStore;
  mailer: Mailer;
  /** The scan's clock: the Asia/Shanghai date of `now` is "today". */
  now: Date;
  /** Sender of every notice. */
  from: Address;
  /**
   * The notice journal outside the workbook (the local default keeps one beside it): every notice's registration
   * and its sending / sent marks, so a crash or a rolled-back workbook neither loses nor repeats a notice.
   */
  journal?: NoticeJournal;
  /**
   * This scan holds the office's scan lease (the local workbook under `duban scan` / `duban serve`), so no other scan
   * numbers or sends meanwhile: it sends first (journaled) and writes the workbook once (one-write.ts). Without it —
   * a store that scans on other machines may write at the same moment (Google Sheets) — the notices are registered
   * and numbered through the register itself (send-notices.ts). Needs `journal`.
   */
  soleWriter?: boolean;
  /**
   * Names this scan's provisional 文号, so concurrent scans can tell their register rows apart. The entry points make
   * a random one; a test fixes it to make a scan repeatable.
   */
  runId?: string;
  /** Compute and report, write nothing, send nothing. */
  dryRun?: boolean;
  /** A scheduled run: on a day off by the workbook's calendar (节假日 tab included) it writes and sends nothing. */
  scheduled?: boolean;
  /**
   * Each recipient's signed links for a notice addressed to a unit (签收, 反馈, 延期申请); absent = no links (the
   * runtime gives it when DUBAN_LINK_SECRET and a public address are set).
   */
  noticeLinks?: NoticeLinker;
  /** A signer's link to the drafts waiting for them in their daily digest (签发 by link); absent = no link. */
  signingLinks?: SigningLinker;
  /** A signer's link to decide the request a 审批提醒 in their digest waits for (absent: none). */
  approvalLinks?: ApprovalLinker;
  /** The desk link a 督查室 person's digest carries (absent: none). */
  deskLinks?: DeskLinker;
  /**
   * Opens last year's workbook that 规则配置 上年度工作簿 names, to remind the 督查室 of its year-end 通报 until they
   * are issued (year-end-reminder.ts); absent (a runtime without files), never reminded.
   */
  previousWorkbook?: PreviousWorkbookOpener;
  /** Mail last month's 通报 to the leaders once its tab is written (the runtimes' scans; scan/bulletin-mail/). */
  mailBulletin?: boolean;
  /** The charts' PNG renderer for that mail (Node); without it the mail carries the .docx only. */
  png?: () => Promise<PngRuntime>;
  /** Phase progress for long scans (the CLI draws a bar on stderr). */
  onProgress?: (phase: ScanPhase, done: number, total: number) => void;
}

/** The signed links of one notice's recipients. */
export type NoticeLinker = (notice: {
  id: string;
  type: string;
  docNo: string;
  to: Address[];
  /** false once 完成时限 has passed: a 延期申请 can no longer be made (seed 002 §三(五)), so no link to one. */
  extendable?: boolean;
  /** 规则配置 链接有效天数: how long the links stay valid (absent: each action's own lifetime). */
  validDays?: number;
}) => Promise<RecipientLinks[]>;

/** The 分管领导's (同意) or 办公室主任's (签发) link to the drafts `keys` (notice 去重键), named after `task`. */
export type SigningLinker = (link: {
  task: string;
  step: '同意' | '签发';
  person: string;
  keys: string[];
}) => Promise<string | undefined>;

/**
 * The signer's own link to decide a request: the completion card at step `ref`, or the 延期申请 `ref`; undefined when
 * links are off or `person` may not decide it on that page (a 审批提醒 to a liaison for the unit head's step).
 */
export type ApprovalLinker = (link: {
  model: WorkbookModel;
  task: string;
  of: 'completion' | 'extension';
  ref: string;
  person: string;
}) => Promise<string | undefined>;

/** The 督查室 person's signed link to the desk, for their daily digest; undefined when links are off. */
export type DeskLinker = (person: string) => Promise<string | undefined>;

export type ScanPhase = 'read' | 'rules' | 'plan' | 'write' | 'notify';

export type NoticeCounts = {
  created: number;
  sent: number;
  /**
   * Not sent this time (a refused login, a server out of reach, a 4xx answer): 文书登记 keeps them 待发送 and the next
   * scan sends them. Counted as `sent` is, one per mail.
   */
  unsent: number;
  duplicateSkipped: number;
  /** Refused for good by the mail server (5xx): 发送失败 in 文书登记, not retried. */
  failed: number;
  /** Drafts in 文书登记 waiting for 同意 / 签发 after this scan (seed 004 §五.2). */
  awaitingSignature: number;
};

export interface ScanSummary {
  date: string;
  tasks: number;
  byStatus: Record<Status, number>;
  byCard: Record<Card, number>;
  notices: NoticeCounts;
  cellsWritten: number;
  fillsWritten: number;
  idsAssigned: number;
  auditRows: number;
  problems: ScanProblem[];
  provisionalYears: number[];
  /** Units with missed or late reports this year, on both task tabs (规则配置 全县通报逾期次数 / 移交纪委逾期次数). */
  overdueUnits: OverdueUnit[];
  dryRun: boolean;
  /** Milliseconds per phase (read, rules, plan, write, notify). */
  timings: Record<ScanPhase, number>;
  /** A scheduled run on a day off: nothing was evaluated, written or sent. */
  dayOff?: boolean;
  /** Stopped before any write: a tab or key header it needs is missing (the problems say which). */
  stopped?: boolean;
  /** A dry run only: what the real run would write, per tab, and every notice it would create. */
  preview?: ScanPreview;
}

/** What a dry run would do (the 督查室 desk shows it before the real scan). */
export interface ScanPreview {
  tabs: Array<{ tab: string; cells: number; fills: number }>;
  notices: Array<{ type: string; id: string; unit: string; reasons: string; draft: boolean }>;
}
