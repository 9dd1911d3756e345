import type { JournalEntry, NoticeJournal } from './port';

/** A journal in memory: for tests, and for runtimes whose register tab is the record (Google: see its README). */
export function createMemoryJournal(
  initial: JournalEntry[] = [],
): NoticeJournal & { entries: JournalEntry[] } {
  const entries = [...initial];
  return {
    entries,
    read: async () => [...entries],
    append: async (more) => void entries.push(...more),
  };
}
