/**
 * A JSON-lines file that survives a crash or power loss mid-write: each append is fsynced before it returns, a line cut
 * off at the end is skipped on read, and the next append starts on a line of its own so what follows stays readable.
 * The notice journal (file.ts) and the link answers held on `duban serve` (src/local/held-answers-file.ts) use it.
 */
import { open, readFile } from 'node:fs/promises';

/**
 * Every whole line of `file` parsed, in order; a missing file is empty, a line that is not JSON is skipped.
 * @example const entries = (await readJsonLines('demo.xlsx.notices.jsonl')).map((v) => schema.safeParse(v));
 */
export async function readJsonLines(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const out: unknown[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // cut off by a crash: always the last line, and never acted on
    }
  }
  return out;
}

/**
 * Append one line per value and fsync; a file made now gets `mode` (e.g. 0o600 when the lines hold links).
 * @example await appendJsonLines('demo.xlsx.answers.jsonl', [{ written: id }], 0o600);
 */
export async function appendJsonLines(file: string, values: unknown[], mode?: number): Promise<void> {
  const handle = await open(file, 'a+', mode);
  try {
    // After a torn last line, start on a line of our own so the new lines stay readable.
    const { size } = await handle.stat();
    const last = size ? (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0] : 0x0a;
    const lines = values.map((v) => `${JSON.stringify(v)}\n`).join('');
    await handle.write(last === 0x0a ? lines : `\n${lines}`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
