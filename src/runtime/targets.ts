/**
 * A RuntimeConfig → what its scans read and send with: the google store (service-account key, or Application
 * Default Credentials when there is none) and the mailer.
 *
 * Mail: with DUBAN_SMTP_HOST set, notices go out through SMTP (nodemailer; on Workers over workerd's TCP sockets, to
 * an IP address, the certificate checked against DUBAN_SMTP_SERVERNAME). Without it every send fails on purpose: the
 * scan registers and numbers each notice in 文书登记 as 待发送 and sends it on the first scan after SMTP is set up.
 */
import { createUnconfiguredMailer } from '../mail/unconfigured';
import type { Mailer } from '../mail/port';
import { createGoogleStore } from '../store/drivers/google/google';
import { applicationDefaultAuth, serviceAccountAuth } from '../store/drivers/google/google-auth';
import type { RuntimeConfig } from './env';
import { smtpMailer } from './smtp-mailer';
import type { ServiceTargets } from './service';

/**
 * The store and mailer a runtime scans with. Build once per instance: the auth client caches its access token.
 *
 * @example
 * const targets = runtimeTargets(loadRuntimeConfig(env, 'workers'));
 * await targets.store.read([...RUN_SPECS]);
 */
export function runtimeTargets(config: RuntimeConfig): ServiceTargets {
  const auth = config.serviceAccountKey
    ? serviceAccountAuth(config.serviceAccountKey)
    : applicationDefaultAuth();
  const store = createGoogleStore({
    spreadsheetId: config.spreadsheetId,
    auth,
    ...(config.sheetsRootUrl ? { rootUrl: config.sheetsRootUrl } : {}),
  });
  if (!config.smtp) return { store, mailer: noMailTransport(), mailTransport: 'none' };
  return { store, mailer: smtpMailer(config.smtp), mailTransport: 'smtp' };
}

/** The mailer of a runtime without SMTP: every send fails, so notices stay 待发送 (see createUnconfiguredMailer). */
export function noMailTransport(): Mailer {
  return createUnconfiguredMailer('set DUBAN_SMTP_URL (smtps://user:pass@host:465) to send notices');
}
