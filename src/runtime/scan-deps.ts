/**
 * A RuntimeConfig → the ScanDeps of one scan: the google store (service-account key, or Application Default
 * Credentials when there is none), the mailer, the sender and the clock.
 *
 * Mail: with DUBAN_SMTP_HOST set, notices go out through SMTP (nodemailer; on Workers over workerd's TCP sockets, to
 * an IP address). Without it they go to the memory mailer: the scan still registers and numbers every notice in
 * 文书登记 and counts them as sent, but nobody receives them and the messages vanish with the instance. The summary's
 * `mail.note` says so; until SMTP is configured, treat the notices as drafts to send by hand from 文书登记.
 * On Workers, a TLS server's certificate names its host, not the IP we must dial; createSmtpMailer has no option yet
 * to verify against the host name (tls.servername), so TLS to a public mail host may fail there.
 */
import { createMemoryMailer } from '../mail/memory';
import type { Mailer } from '../mail/port';
import { createSmtpMailer } from '../mail/smtp';
import type { ScanDeps } from '../scan/run-scan';
import { createGoogleStore } from '../store/google';
import { applicationDefaultAuth, serviceAccountAuth } from '../store/google-auth';
import type { SheetStore } from '../store/port';
import type { RuntimeConfig } from './env';

export type MailTransport = 'smtp' | 'memory';

export interface RuntimeTargets {
  store: SheetStore;
  mailer: Mailer;
  mailTransport: MailTransport;
}

/**
 * The store and mailer a runtime scans with. Build once per instance: the auth client caches its access token.
 *
 * @example
 * const targets = runtimeTargets(loadRuntimeConfig(env, 'workers'));
 * await targets.store.read([...TAB_SPECS]);
 */
export function runtimeTargets(config: RuntimeConfig): RuntimeTargets {
  const auth = config.serviceAccountKey
    ? serviceAccountAuth(config.serviceAccountKey)
    : applicationDefaultAuth();
  const store = createGoogleStore({
    spreadsheetId: config.spreadsheetId,
    auth,
    ...(config.sheetsRootUrl ? { rootUrl: config.sheetsRootUrl } : {}),
  });
  if (!config.smtp) return { store, mailer: createMemoryMailer(), mailTransport: 'memory' };
  const { host, port, secure, user, pass } = config.smtp;
  const mailer = createSmtpMailer({ host, port, secure, user, pass, from: config.from.address });
  return { store, mailer, mailTransport: 'smtp' };
}

/**
 * The ScanDeps of one scan at `now` (the cron's scheduled time, or the request's arrival).
 *
 * @example
 * const summary = await runScan(scanDepsOf(config, targets, new Date(controller.scheduledTime)));
 */
export function scanDepsOf(config: RuntimeConfig, targets: RuntimeTargets, now: Date): ScanDeps {
  // A fresh memory mailer per scan, so a long-lived instance does not pile up every message it ever "sent".
  const mailer = targets.mailTransport === 'memory' ? createMemoryMailer() : targets.mailer;
  return { store: targets.store, mailer, from: config.from, now };
}
