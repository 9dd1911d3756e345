/**
 * The answers by link that wait while a clerk has the workbook open (src/web/links/held-answers.ts), as a JSON-lines
 * file beside it, `<workbook>.answers.jsonl`: a line per answer held, a line per answer written, each fsynced before
 * the unit is told. The file is removed once nothing waits. It holds the units' links (their tokens): mode 600.
 */
import { unlink } from 'node:fs/promises';
import { z } from 'zod';
import { appendJsonLines, readJsonLines } from '../store/journal/json-lines';
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
    const held = new Map<string, HeldAnswer>();
    for (const value of await readJsonLines(file)) {
      const line = lineSchema.safeParse(value);
      if (!line.success) continue;
      if ('held' in line.data) held.set(line.data.held.id, line.data.held);
      else held.delete(line.data.written);
    }
    return [...held.values()];
  }

  return {
    busy: async () => (await editorLocks(workbook)).length > 0,
    list: () => serial(list),
    add: (answer) => serial(() => appendJsonLines(file, [{ held: answer }], 0o600)),
    remove: (id) =>
      serial(async () => {
        await appendJsonLines(file, [{ written: id }], 0o600);
        if (!(await list()).length) await unlink(file);
      }),
  };
}
