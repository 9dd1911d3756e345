/**
 * `duban scan --workbook FILE [--date YYYY-MM-DD] [--dry-run] [--outbox DIR] [--json]`: one scan of a local workbook.
 * `duban scan --sheet ID …`: the same scan of a Google Sheet (credentials from the environment, src/cli/google.ts).
 */
import { existsSync } from 'node:fs';
import { defaultCalendar } from '../calendar/build';
import { toDay, type Day } from '../calendar/day';
import { provisionalNote } from '../calendar/provisional-note';
import { localEnvFor } from '../local/config-file';
import { localEnv, localTargets, scanInstant } from '../local/targets';
import { workbookGuard } from '../local/workbook-guard';
import { writeHeldAnswers } from '../local/workbook-answers';
import { WorkbookFileError } from '../local/workbook-file';
import { OPEN_WAIT_MS } from '../local/open-in-editor';
import { workbookLinks } from '../local/link-secret';
import { progressBar } from '../local/progress-bar';
import { StoreError } from '../store/errors';
import type { Mailer } from '../mail/port';
import { lastScanFile } from '../local/last-scan';
import { keepSummary, mailReport } from '../runtime/service';
import { runScan } from '../scan/run-scan';
import type { ScanSummary } from '../scan/types';
import { noticeCountsZh } from '../scan/notice-counts';
import { publicSummary } from '../scan/summary';
import type { NoticeJournal } from '../store/journal/port';
import type { SheetStore } from '../store/port';
import type { PreviousWorkbookOpener } from '../scan/year-end-reminder';
import { commandError, commandOptions } from './parse-options';

const USAGE = `用法：
  duban scan --workbook 文件.xlsx [--date YYYY-MM-DD] [--dry-run] [--outbox 目录] [--json]
    --date      按该日 08:30（北京时间）扫描，默认现在
    --dry-run   只计算并报告，不写入工作簿、不发送通知
    --outbox    通知 .eml 文件的目录，默认工作簿旁的 outbox/
    --json      在标准输出打印一个 JSON 摘要
    --wait-open 秒  工作簿正在 Excel/WPS/LibreOffice 中打开时等待关闭的秒数，默认 ${OPEN_WAIT_MS / 1000}；
                超时则不写入、不发送，退出码 1
  duban scan --sheet 表格ID或网址 [--date …] [--dry-run] [--outbox 目录] [--json]
    扫描 Google 表格，通知 .eml 写入 --outbox（默认 ./outbox）；凭据取自环境变量
    GOOGLE_SERVICE_ACCOUNT_JSON（密钥 JSON 全文）或 GOOGLE_APPLICATION_CREDENTIALS（密钥文件路径）
  邮件服务器取自环境变量 DUBAN_SMTP_URL 或工作簿旁 duban.env；未设置时通知只存入发件箱文件夹。
  退出码：0 完成（个别通知发送失败也为 0，见摘要）；1 扫描停止（缺少工作表或关键表头）；2 参数或设置有误`;
const COMMAND = { name: 'scan', usage: USAGE };

export async function run(args: string[]): Promise<number> {
  const parsed = commandOptions(COMMAND, args, {
    workbook: { type: 'string', short: 'w' },
    sheet: { type: 'string' },
    date: { type: 'string' },
    'dry-run': { type: 'boolean' },
    outbox: { type: 'string' },
    json: { type: 'boolean' },
    'wait-open': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.sheet && values.workbook) return fail('--sheet 与 --workbook 只能选一个');
  if (!values.workbook && !values.sheet) return fail('缺少 --workbook 文件（或 --sheet Google 表格 ID）');
  if (values.workbook && !existsSync(values.workbook))
    return fail(
      `找不到工作簿 ${values.workbook}：请核对路径；本单位还没有工作簿时，用 npx duban init --workbook ${values.workbook} --org 机关名称 --prefix 文号前缀 --email 督查室邮箱 新建（只想看演示：npx duban init --demo --workbook 演示.xlsx）`,
    );
  if (values.date !== undefined) {
    const problem = scanDateProblem(values.date);
    if (problem) return fail(problem);
  }
  const waitOpen = values['wait-open'] === undefined ? OPEN_WAIT_MS / 1000 : Number(values['wait-open']);
  if (!Number.isFinite(waitOpen) || waitOpen < 0 || waitOpen > 86_400)
    return fail(`--wait-open "${values['wait-open']}" 应为 0–86400 之间的秒数`);
  const env = values.workbook ? localEnvFor(values.workbook) : localEnv();
  if (!env.ok) {
    console.error(`duban scan：${env.message}`);
    return 2;
  }
  let targets: {
    store: SheetStore;
    mailer: Mailer;
    journal?: NoticeJournal;
    previousWorkbook?: PreviousWorkbookOpener;
  };
  let explain: ((error: unknown) => string) | undefined;
  if (values.sheet) {
    // Loaded only here, so the .xlsx path never loads the Google libraries.
    const google = await import('./google');
    const found = google.googleScanTargets(values.sheet, values.outbox);
    if (!found.ok) {
      console.error(`duban scan：${found.message}`);
      return 2;
    }
    targets = found.value;
    explain = (error) => google.explainGoogleFailure(error, found.value);
  } else {
    targets = localTargets(values.workbook!, values.outbox, values['dry-run'] ? undefined : env.config);
  }
  const now = scanInstant(values.date);
  const links = values.workbook ? await workbookLinks(values.workbook, env.config, now) : {};
  let summary: ScanSummary;
  try {
    const exclusive = values.workbook
      ? workbookGuard(values.workbook, {
          dryRun: values['dry-run'] ?? false,
          waitMs: waitOpen * 1000,
          onWait: (message) => console.error(`duban scan：${message}`),
        })
      : <T>(work: () => Promise<T>) => work();
    let heldWaiting = 0;
    summary = await exclusive(async () => {
      // The lease is held and the workbook closed: answers held by `duban serve` meanwhile go in first.
      if (values.workbook && !values['dry-run'])
        heldWaiting = await writeHeldAnswers(values.workbook, env.config, targets);
      return runScan({
        ...targets,
        // The workbook's lease is held (workbook-guard.ts): send first, then one write of the file.
        soleWriter: Boolean(values.workbook),
        now,
        from: env.config.from,
        ...links,
        runId: crypto.randomUUID().slice(0, 8),
        dryRun: values['dry-run'] ?? false,
        onProgress: progressBar(),
      });
    });
    if (heldWaiting)
      console.error(
        `duban scan：有 ${heldWaiting} 份单位通过链接提交的内容（工作簿打开期间收到）尚未记入，本次扫描未计入；` +
          'duban serve 会在半分钟内自动记入（或在 duban.env 中设置 DUBAN_PUBLIC_URL，扫描前即先记入）',
      );
  } catch (error) {
    if (error instanceof WorkbookFileError) {
      console.error(`duban scan：${error.message}`);
      return 1;
    }
    // A package that opens but whose parts are broken: the driver's Chinese answer, without the stack.
    if (error instanceof StoreError && error.driver === 'xlsx') {
      await targets.mailer.close?.();
      console.error(`duban scan：${error.message.replace(/^\[store:xlsx\] /, '')}`);
      return 1;
    }
    await targets.mailer.close?.();
    if (!explain) {
      // The log line keeps the detail; the clerk gets one sentence, not a stack trace.
      console.error(`duban scan：扫描未完成，未发送的通知将在下次扫描时补发：${(error as Error).message}`);
      return 1;
    }
    console.error(`duban scan：${explain(error)}`);
    return 1;
  }
  await targets.mailer.close?.();
  const stored = Boolean(values.sheet) || !env.config.smtp; // --sheet scans write .eml files (src/cli/google.ts)
  // The status page and the desk of `duban serve` show this scan too.
  if (values.workbook && !summary.dryRun && !summary.dayOff)
    await keepSummary(lastScanFile(values.workbook), {
      ...summary,
      mail: mailReport(stored ? 'outbox' : 'smtp', summary),
    });
  console.log(values.json ? JSON.stringify(publicSummary(summary)) : describe(summary, { stored }));
  return summary.stopped ? 1 : 0;
}

/** The scan's summary in Chinese; `stored`: the notices went to the outbox folder (no mail server set). */
export function describe(s: ScanSummary, mail: { stored?: boolean } = {}): string {
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .filter(([, n]) => n)
      .map(([k, n]) => `${k}${n}`)
      .join('、') || '无';
  const written = `写入单元格${s.cellsWritten}个、着色${s.fillsWritten}处、新编号${s.idsAssigned}个、审计记录${s.auditRows}条`;
  const signing = s.notices.awaitingSignature ? `、待签发${s.notices.awaitingSignature}` : '';
  // 未发出 and 待签发 are named only when there are some: most days have none.
  const notices = noticeCountsZh(s.notices, Boolean(mail.stored))
    .filter(([label, n]) => n || (label !== '未发出（仍待发送）' && label !== '待签发'))
    .map(([label, n]) => `${label}${n}`)
    .join('、');
  // The mail server's problem first: every notice of the day waits on it, and the list is cut after 20.
  const problems = [
    ...s.problems.filter((p) => p.code.startsWith('send-')),
    ...s.problems.filter((p) => !p.code.startsWith('send-')),
  ];
  return [
    `${s.dryRun ? '【试运行，未写入】' : ''}${s.date} 扫描${s.tasks}项：${counts(s.byStatus)}；预警 ${counts(s.byCard)}`,
    s.dryRun ? `将${written}（不含发文记录）` : written,
    s.dryRun
      ? `通知：将新建${s.notices.created}（未发送）、重复跳过${s.notices.duplicateSkipped}${signing}`
      : `通知：${notices}`,
    ...(s.notices.awaitingSignature
      ? [
          `注：${s.notices.awaitingSignature}份通知待签发（文书登记中发送状态为“待签发”）：分管领导同意、办公室主任签发后，下次扫描编号发出`,
        ]
      : []),
    ...(mail.stored && s.notices.sent
      ? ['注：未配置邮件服务器（DUBAN_SMTP_URL），通知只存入了发件箱文件夹，尚未发给任何人']
      : []),
    ...(s.provisionalYears.length
      ? [
          `${provisionalNote(s.provisionalYears)}：国务院公布后，请在工作簿的「节假日」中录入（日期写全年份，如 2027-02-05；见使用手册第5节“年底和新年度”）`,
        ]
      : []),
    ...(problems.length
      ? [`数据问题${problems.length}个：`, ...problems.slice(0, 20).map((p) => `  - ${p.message}`)]
      : []),
  ].join('\n');
}

/** Why `--date` cannot be a scan day (not a date, or outside the working-day calendar), or null. */
function scanDateProblem(date: string): string | null {
  let day: Day;
  try {
    day = toDay(date);
  } catch {
    return `--date "${date}" 不是有效日期，应为 YYYY-MM-DD，如 2026-06-15`;
  }
  try {
    defaultCalendar().isWorkday(day);
  } catch {
    return `--date "${date}" 超出工作日日历的范围（2004—2060 年），请填写这一范围内的日期`;
  }
  return null;
}

function fail(message: string): number {
  return commandError(COMMAND, message);
}
