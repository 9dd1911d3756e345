/**
 * Issue 11: the 通报 mail as a leader's mail client gets it — written by the outbox mailer as an .eml and parsed back
 * by mailparser: the .docx attached, the three charts as PNG images shown inline by cid (resvg on Node).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../src/mail/outbox';
import { nodePngRuntime } from '../../src/report/resvg-node';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from './demo-workbook';

describe('the 通报 mail in a mail client', () => {
  it('carries the .docx and the three charts as inline PNG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duban-bulletin-mail-'));
    try {
      const store = createMemoryStore(demoWorkbook('2026-06-08'));
      const summary = await runScan({
        store,
        mailer: createOutboxMailer(dir),
        from: FROM,
        now: at830('2026-06-08'),
        mailBulletin: true,
        png: nodePngRuntime,
      });
      expect(summary.problems.filter((p) => p.code === 'bulletin-mail')).toEqual([]);
      const mails = await Promise.all(
        (await readdir(dir)).map(async (f) =>
          simpleParser(await readFile(join(dir, f)), { keepCidLinks: true }),
        ),
      );
      const bulletin = mails.filter((m) => m.subject?.startsWith('【督查通报】'));
      expect(bulletin).toHaveLength(1);
      const parsed = bulletin[0]!;
      const docx = parsed.attachments.find((a) => a.filename?.endsWith('.docx'))!;
      expect(docx.content.subarray(0, 2).toString()).toBe('PK');
      const images = parsed.attachments.filter((a) => a.contentType === 'image/png');
      expect(images.map((a) => a.cid)).toEqual(['chart-1@duban', 'chart-2@duban', 'chart-3@duban']);
      for (const image of images) expect(image.content.subarray(1, 4).toString()).toBe('PNG');
      for (const cid of ['chart-1@duban', 'chart-2@duban', 'chart-3@duban'])
        expect(parsed.html).toContain(`cid:${cid}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
