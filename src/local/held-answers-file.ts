/**
 * The answers by link that wait while a clerk has the workbook open (src/web/links/held-answers.ts), as a JSON-lines
 * file beside it, `<workbook>.answers.jsonl`: a line per answer held, a line per answer written, each fsynced before
 * the unit is told. The file is removed once nothing waits. It holds the units' links (their tokens): mode 600.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { type HeldAnswer, type HeldAnswers, heldAnswerSchema } from '../web/links/held-answers';
import { editorLocks } from './open-in-editor';

const lineSchema = z.union([z.object({ held: heldAnswerSchema }), z.object({ written: z.string() })]);

/**
 * @example
 * const held = heldAnswersFile('data/督办-2026.xlsx'); // data/督办-2026.xlsx.answers.jsonl
 * if (await held.busy()) await held.add(answer);
 */
export function heldAnswersFile(workbook: string): HeldAnswers {
  const file = `${workbook}.answers.jsonl`;
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time within the process: an add never interleaves with the removal of the file.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function list(): Promise<HeldAnswer[]> {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const held = new Map<string, HeldAnswer>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const parsed = lineSchema.safeParse(safeJson(line)); // a line cut off by a power loss is skipped
      if (!parsed.success) continue;
      if ('held' in parsed.data) held.set(parsed.data.held.id, parsed.data.held);
      else held.delete(parsed.data.written);
    }
    return [...held.values()];
  }

  async function write(line: object): Promise<void> {
    const handle = await open(file, 'a+', 0o600);
    try {
      // After a torn last line, start on a line of our own so this one stays readable.
      const { size } = await handle.stat();
      const last = size ? (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0] : 0x0a;
      await handle.write(`${last === 0x0a ? '' : '\n'}${JSON.stringify(line)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  return {
    busy: async () => (await editorLocks(workbook)).length > 0,
    list: () => serial(list),
    add: (answer) => serial(() => write({ held: answer })),
    remove: (id) =>
      serial(async () => {
        await write({ written: id });
        if (!(await list()).length) await unlink(file);
      }),
  };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
