/**
 * The demo county of 2026-06-15 under `duban serve` as the browser tests open it: no schedule (held answers written
 * within 0.3 s), the clock at 08:30 that
 * day, drafts sent without 签发 (that is tested on its own), scanned once; and the mails of its outbox folder.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { expect } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { type RunningServer, startServer } from '../../src/local/serve';
import { sendWithoutSigning } from './no-signing';

export async function scannedDemoServer(
  prefix: string,
): Promise<{ dir: string; workbook: string; server: RunningServer }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workbook = join(dir, 'demo.xlsx');
  await createWorkbook(workbook, '2026-06-15');
  await sendWithoutSigning(workbook);
  const server = await startServer({
    workbook,
    port: 0,
    schedule: false,
    tickMs: 300, // how soon answers held while the workbook was open are written once it is closed
    now: () => new Date('2026-06-15T00:30:00Z'),
  });
  const scan = await fetch(`${server.url}/api/scan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
  });
  expect(scan.status).toBe(200);
  return { dir, workbook, server };
}

/** The server's outbox mails, parsed, oldest first. */
export async function outboxMails(server: RunningServer) {
  const files = readdirSync(server.outboxDir).filter((f) => f.endsWith('.eml'));
  const parsed = await Promise.all(
    files.map(async (f) => {
      const file = join(server.outboxDir, f);
      return { mtime: statSync(file).mtimeMs, mail: await simpleParser(readFileSync(file)) };
    }),
  );
  return parsed.sort((a, b) => a.mtime - b.mtime).map((p) => p.mail);
}
