import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { appendJsonLines, readJsonLines } from './json-lines';
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
      const out: JournalEntry[] = [];
      for (const value of await readJsonLines(file)) {
        const entry = entrySchema.safeParse(value);
        if (entry.success) out.push(entry.data as JournalEntry);
      }
      return out;
    },
    async append(entries) {
      if (!entries.length) return;
      await mkdir(dirname(file), { recursive: true });
      await appendJsonLines(file, entries);
    },
  };
}
