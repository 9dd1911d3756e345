/**
 * `duban mail test --to ADDRESS [--workbook FILE]`: send one test message through the configured SMTP server, from the
 * sender the scans use, and, when it fails, say why in Chinese (DNS, refused, timeout, TLS, login, refusal) and what
 * to change.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { shanghaiDayOf } from '../calendar/day';
import { explainSendFailure } from '../mail/explain-failure';
import type { Address, SendResult } from '../mail/port';
import { DEFAULT_SENDER, senderOf } from '../mail/sender';
import { localEnvFor } from '../local/config-file';
import { localEnv } from '../local/targets';
import { workbookSettings } from '../local/workbook-settings';
import { smtpMailer } from '../runtime/smtp-mailer';
import { StoreError } from '../store/errors';
import { commandError, commandOptions } from './parse-options';

export const USAGE = `用法：
  duban mail test --to 收件地址 [--workbook 文件.xlsx]
    按 DUBAN_SMTP_URL（环境变量，或工作簿旁 duban.env 中的同名设置）发送一封测试邮件，失败时说明原因和解决办法。
    --to        收件人邮箱，如 duban@example.gov.cn
    --workbook  读取该工作簿旁的 duban.env（默认只读环境变量），并像扫描发通知一样，
                以工作簿「规则配置」中的督查室名称、督查室邮箱作发件人和回复地址
  退出码：0 已发出；1 发送失败；2 参数或设置有误`;
const COMMAND = { name: 'mail', usage: USAGE };

/** @example process.exitCode = await run(['test', '--to', 'me@example.gov.cn']); */
export async function run(args: string[], now: () => Date = () => new Date()): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) return fail('缺少子命令：目前只有 duban mail test');
    console.log(USAGE);
    return 0;
  }
  if (sub !== 'test') return fail(`没有子命令“${sub}”：目前只有 duban mail test`);
  const parsed = commandOptions(COMMAND, rest, {
    to: { type: 'string' },
    workbook: { type: 'string', short: 'w' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.to) return fail('缺少 --to 收件地址，如 --to duban@example.gov.cn');
  if (!z.email().safeParse(values.to).success) return fail(`--to "${values.to}" 不是电子邮箱地址`);
  if (values.workbook && !existsSync(values.workbook))
    return fail(`找不到工作簿 ${values.workbook}：请核对路径`);
  const env = values.workbook ? localEnvFor(values.workbook) : localEnv();
  if (!env.ok) {
    console.error(`duban mail：${env.message}`);
    return 2;
  }
  const config = env.config;
  const smtp = config.smtp;
  if (!smtp) {
    console.error(
      'duban mail：未配置邮件服务器。请设置环境变量 DUBAN_SMTP_URL，或写入工作簿旁的 duban.env，例如：\n' +
        '  DUBAN_SMTP_URL=smtps://账号:密码@mail.example.gov.cn:465\n' +
        '未配置时，扫描生成的通知只存入发件箱文件夹（.eml），不会发给任何人。',
    );
    return 2;
  }
  const sentAt = now();
  let sender: { from: Address; replyTo?: Address };
  try {
    sender = await scanSender(config.from, values.workbook, sentAt);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    console.error(`duban mail：${error.message.replace(/^\[store:xlsx\] /, '')}`);
    return 2;
  }
  const from = sender.from;
  const mailer = smtpMailer(smtp);
  let result: SendResult;
  try {
    result = await mailer.send({
      from,
      ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
      to: [{ address: values.to }],
      subject: '【测试】督查督办系统邮件设置测试',
      text: `这是一封测试邮件：督查督办系统已能通过 ${smtp.host}:${smtp.port} 发送通知。\n发件地址：${from.address}\n发送时间：${sentAt.toISOString()}`,
      html: `<p>这是一封测试邮件：督查督办系统已能通过 ${smtp.host}:${smtp.port} 发送通知。</p>`,
      date: sentAt,
    });
  } finally {
    await mailer.close?.();
  }
  if (result.ok) {
    console.log(
      `测试邮件已由 ${smtp.host}:${smtp.port} 接收，发往 ${values.to}（发件地址 ${from.address}）。请到收件箱查看；若未收到，请检查垃圾邮件。`,
    );
    return 0;
  }
  console.error(`duban mail：测试邮件发送失败。\n${explainSendFailure(result.kind, smtp, result.error)}`);
  if (from.address === DEFAULT_SENDER.address)
    console.error(
      `注：发件地址是占位的 ${from.address}，邮件服务器多半会拒收。请加 --workbook 工作簿（取「规则配置」中的督查室邮箱），` +
        '或在 duban.env 中设置 DUBAN_MAIL_FROM=督查室 <督查室邮箱>，或在 DUBAN_SMTP_URL 中写上邮件账号。',
    );
  return 1;
}

/** The sender a scan's notices have (`senderOf` with the workbook's 规则配置); the runtime's alone without a workbook. */
async function scanSender(
  runtime: Address,
  workbook: string | undefined,
  now: Date,
): Promise<{ from: Address; replyTo?: Address }> {
  if (!workbook) return { from: runtime };
  const { officeName, officeEmail } = (await workbookSettings(workbook, shanghaiDayOf(now))).config;
  return senderOf(runtime, { officeName, officeEmail });
}

function fail(message: string): number {
  return commandError(COMMAND, message);
}
