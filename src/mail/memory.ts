import type { MailMessage, Mailer, SendResult } from './port';

export interface MemoryMailer extends Mailer {
  /** Every message accepted, in send order. */
  readonly sent: MailMessage[];
  /** Make the next `count` sends fail with `error` (for retry tests: a failed send must stay 待发送). */
  failNext(count: number, error?: string, permanent?: boolean): void;
}

/**
 * A Mailer that keeps messages in memory: the default in tests and in `--dry-run` scans.
 *
 * @example
 * const mailer = createMemoryMailer();
 * mailer.failNext(1);
 * await mailer.send(message); // { ok: false, error: '[mail:memory] simulated failure' }
 * await mailer.send(message); // { ok: true, messageId: '<memory-1@duban.local>' }
 * mailer.sent.length; // 1
 */
export function createMemoryMailer(): MemoryMailer {
  const sent: MailMessage[] = [];
  let failures = 0;
  let failure = '[mail:memory] simulated failure';
  let refused = false;

  async function send(message: MailMessage): Promise<SendResult> {
    if (failures > 0) {
      failures--;
      return refused
        ? { ok: false, error: failure, permanent: true, kind: 'rejected' }
        : { ok: false, error: failure };
    }
    sent.push(message);
    return { ok: true, messageId: `<memory-${sent.length}@duban.local>` };
  }

  /** `permanent`: answer as a server refusing for good (5xx), so the notice is 发送失败, not retried. */
  function failNext(count: number, error = '[mail:memory] simulated failure', permanent = false): void {
    failures = Math.max(0, Math.floor(count));
    failure = error;
    refused = permanent;
  }

  return { sent, send, failNext };
}
