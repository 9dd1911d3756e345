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

/** The PNG's own size in pixels, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

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
      // Outlook 2010–2016 ignore max-width: without a width attribute a 1440-pixel chart runs off the screen and the page.
      for (const image of images) {
        const tag = new RegExp(`<img[^>]*src="cid:${image.cid}"[^>]*>`).exec(String(parsed.html))![0];
        const width = Number(/\swidth="(\d+)"/.exec(tag)?.[1]);
        const height = Number(/\sheight="(\d+)"/.exec(tag)?.[1]);
        const own = pngSize(image.content);
        expect(width).toBeGreaterThan(300);
        expect(width).toBeLessThanOrEqual(600);
        expect(Math.abs(height / width - own.height / own.width)).toBeLessThan(0.01);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
