import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { JournalEntry, NoticeJournal } from './port';

const entrySchema = z.object({
  key: z.string(),
  docNo: z.string(),
  state: z.enum(['registered', 'sending', 'sent', 'stored', 'failed', 'rejected']),
  at: z.string(),
  row: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.null(),
        z.object({ date: z.string(), time: z.string().optional() }),
      ]),
    )
    .optional(),
});

/**
 * The journal as a JSON-lines file (one entry per line), appended and fsynced before `append` returns. A line cut off
 * by a crash or power loss is skipped on read (it is always the last, and its notice is then treated as not sent).
 *
 * @example
 * const journal = createFileJournal('data/demo.xlsx.notices.jsonl');
 */
export function createFileJournal(file: string): NoticeJournal {
  return {
    async read() {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      const out: JournalEntry[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue;
        }
        const entry = entrySchema.safeParse(parsed);
        if (entry.success) out.push(entry.data as JournalEntry);
      }
      return out;
    },
    async append(entries) {
      if (!entries.length) return;
      await mkdir(dirname(file), { recursive: true });
      const handle = await open(file, 'a+');
      try {
        // After a torn last line, start on a line of our own so the new entries stay readable.
        const { size } = await handle.stat();
        const last = size ? (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0] : 0x0a;
        const lines = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
        await handle.write(last === 0x0a ? lines : `\n${lines}`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },
  };
}
