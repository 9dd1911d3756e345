import { beijingStamp } from '../../calendar/beijing-clock';
import { buildBulletin } from '../../domain/bulletin';
import { type InlineImage, renderBulletinMail } from '../../mail/notices';
import type { Address, MailAttachment, Mailer } from '../../mail/port';
import { senderOf } from '../../mail/sender';
import { toMailMessage } from '../../mail/to-mail-message';
import { bulletinTitle } from '../../report/bulletin-text';
import { svgToPng, type PngRuntime } from '../../report/chart-png';
import { leaderChart, rankingChart, trendChart } from '../../report/chart-spec';
import { lastStates, type NoticeJournal } from '../../store/journal/port';
import type { CellWrite, TabData } from '../../store/port';
import { auditRow, type AuditRow } from '../../workbook/audit';
import { bulletinInput } from '../../workbook/bulletin-input';
import { addressesOf } from '../../workbook/directory';
import { CARD_FILL, STATUS_FILL } from '../../workbook/palette';
import type { WorkbookModel } from '../../workbook/read-workbook';
import type { ScanProblem } from '../../workbook/scan-problem';
import { bulletinTabName } from '../../workbook/schema/bulletin';
import { STORED } from '../../workbook/schema/lists';
import { bulletinDocNo, bulletinKey, bulletinRegisterRow, isBulletinDocNo } from '../bulletin-doc-no';
import { formatAddresses } from '../register-row';
import { BULLETIN_MAILED, bulletinMailDue } from './bulletin-mail-due';

export interface BulletinMailDeps {
  mailer: Mailer;
  /** The notice journal: the mail's `sent` mark, so a scan killed before its audit row is written does not mail it again. */
  journal?: NoticeJournal;
  from: Address;
  now: Date;
  /** The PNG renderer of the charts (Node: report/resvg-node.ts); without it the mail carries the .docx only. */
  png?: () => Promise<PngRuntime>;
}

/**
 * Mail last month's 通报 to the county leaders once, when the scan has generated its tab (SPEC §4.7; seed 000 §三:
 * 督查结果呈送县级领导): to every 主要领导 and 分管领导 of the 通讯录, copied to the 办公室主任; the 《政务督查通报》
 * .docx attached, the three charts inline as PNG. It carries the next 文号 of the 通报 series (bulletin-doc-no.ts);
 * the 文书登记 row it returns registers that 文号 and the 发送通报 row the mail in the 审计日志 (the caller writes
 * both); a failed send is a problem of the scan, takes no number, and is retried by the next scan.
 */
export async function sendBulletinMail(
  deps: BulletinMailDeps,
  model: WorkbookModel,
  audit: TabData | undefined,
  writtenNow: string | undefined,
): Promise<BulletinMailResult> {
  const none = { mailed: null, audit: [], register: [], problems: [] };
  const period = bulletinMailDue(model, audit, writtenNow);
  const bulletin = period && buildBulletin(bulletinInput(model), period);
  if (!period || !bulletin) return none;
  const tab = bulletinTabName(period.label);
  const problem = (message: string): ScanProblem => ({
    tab,
    row: null,
    id: null,
    cell: null,
    code: 'bulletin-mail',
    message,
  });
  const to = addressesOf([...model.directory.byRole('主要领导'), ...model.directory.byRole('分管领导')]);
  if (!to.length)
    return { ...none, problems: [problem(`${tab}未发送：通讯录中没有主要领导或分管领导的邮箱`)] };
  const cc = addressesOf(model.directory.byRole('办公室主任')).filter(
    (a) => !to.some((t) => t.address === a.address),
  );
  const key = bulletinKey(period);
  const numbered = bulletinDocNo(model.register, model.config, period);
  const journal = await deps.journal?.read();
  // A mail the journal says went out keeps the 文号 it went out with.
  const journaled = journal?.filter((e) => e.key === key && e.state === 'sent' && e.docNo).at(-1)?.docNo;
  const docNo = numbered.registered ? numbered.docNo : (journaled ?? numbered.docNo);
  // One mailed before the 通报 had its own series (`…通〔2026〕5号`) is not registered: that 文号 is a 督办通知书's.
  const registers = !numbered.registered && isBulletinDocNo(docNo);
  const title = bulletinTitle(bulletin);
  const stamp = beijingStamp(deps.now);
  const issued = (note: string, status: string) => {
    const row = { docNo, period, title, to: formatAddresses(to), cc: formatAddresses(cc), stamp, status };
    return {
      audit: [auditRow(stamp, BULLETIN_MAILED, '', tab, '', docNo, note)],
      register: registers ? [bulletinRegisterRow(row)] : [],
    };
  };
  const recipients = [...to, ...cc].map((a) => a.name || a.address).join('、');
  if (journal && lastStates(journal).get(key) === 'sent')
    return {
      mailed: tab,
      ...issued(`据通知日志，通报已发送至${recipients}；本次补记，未重复发送`, '已发送'),
      problems: [],
    };
  // The docx library is loaded only in the month a bulletin is mailed (~14 MB that most scans never need).
  const { bulletinDocx } = await import('../../report/bulletin-docx');
  const attachments: MailAttachment[] = [
    {
      filename: `${title}.docx`,
      content: await bulletinDocx(bulletin, {
        agencyName: model.config.agencyName,
        docNo,
        issuedOn: model.today,
        mainRecipients: model.config.bulletinTo,
        copyTo: model.config.bulletinCopy,
      }),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  ];
  const problems: ScanProblem[] = [];
  const charts: InlineImage[] = [];
  if (deps.png) {
    try {
      // The runtime brings the chart renderer (echarts), so a scan that mails no bulletin never loads it.
      const runtime = await deps.png();
      const colours = { status: STATUS_FILL, card: CARD_FILL };
      const specs = [rankingChart(bulletin), leaderChart(bulletin, colours), trendChart(bulletin, colours)];
      for (const [i, spec] of specs.entries()) {
        const { png, width, height } = await svgToPng(runtime.chartSvg(spec), runtime);
        const cid = `chart-${i + 1}@duban`;
        attachments.push({ filename: `chart-${i + 1}.png`, content: png, contentType: 'image/png', cid });
        charts.push({ cid, width, height });
      }
    } catch (error) {
      problems.push(problem(`${tab}的图表未能生成图片，邮件只附通报正文：${(error as Error).message}`));
    }
  }
  const rendered = renderBulletinMail({
    issuer: model.config.officeName,
    docNo,
    title,
    bulletin,
    issuedOn: model.today,
    charts,
  });
  const { from, replyTo } = senderOf(deps.from, model.config);
  const message = {
    ...toMailMessage(rendered, {
      from,
      ...(replyTo ? { replyTo } : {}),
      to,
      cc,
      date: deps.now,
      headers: { 'X-Duban-Dedupe-Key': key },
    }),
    attachments,
  };
  const sent = await deps.mailer.send(message);
  if (!sent.ok)
    return { ...none, problems: [...problems, problem(`${tab}邮件发送失败，下次扫描时重试：${sent.error}`)] };
  await deps.journal?.append([{ key, docNo, state: 'sent', at: stamp }]);
  return {
    mailed: tab,
    ...issued(
      sent.stored
        ? `未配置邮件服务器，通报已存入发件箱（${sent.location ?? ''}），收件人${recipients}`
        : `通报已发送至${recipients}`,
      sent.stored ? STORED : '已发送',
    ),
    problems,
  };
}

export interface BulletinMailResult {
  /** The 通报 tab mailed (or found mailed by the journal), or null. */
  mailed: string | null;
  /** Its 发送通报 row for the 审计日志. */
  audit: AuditRow[];
  /** Its 文书登记 row (类型 通报) when the register does not hold its 文号 yet. */
  register: Array<Record<string, CellWrite>>;
  problems: ScanProblem[];
}
