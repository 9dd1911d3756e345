/** The held link answers beside the workbook: kept across restarts, private, gone once written, torn lines skipped. */
import { appendFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldAnswersFile } from '../../src/local/held-answers-file';
import type { HeldAnswer } from '../../src/web/links/held-answers';

const answer = (id: string): HeldAnswer => ({
  id,
  at: '2026-06-15T00:30:00.000Z',
  task: 'ZD-2026-007',
  action: 'feedback',
  token: `token-${id}`,
  person: 'swj.lianluo@demo.gov.cn',
  form: { t: `token-${id}`, csrf: 'c', month: '6', done: '已完成', draft: ['a', 'b'] },
  ip: '10.0.0.8',
});

function workbook() {
  const dir = mkdtempSync(join(tmpdir(), 'duban-held-'));
  const file = join(dir, '督办.xlsx');
  writeFileSync(file, '');
  return { dir, file, journal: `${file}.answers.jsonl` };
}

describe('heldAnswersFile', () => {
  it('keeps answers in order across instances (a restart), readable by its owner only, removed once all are written', async () => {
    const w = workbook();
    const held = heldAnswersFile(w.file);
    await held.add(answer('1'));
    await held.add(answer('2'));
    expect(statSync(w.journal).mode & 0o777).toBe(0o600);
    const restarted = heldAnswersFile(w.file);
    expect((await restarted.list()).map((a) => a.id)).toEqual(['1', '2']);
    expect((await restarted.list())[0]).toEqual(answer('1'));
    await restarted.remove('1');
    expect((await held.list()).map((a) => a.id)).toEqual(['2']);
    await restarted.remove('2');
    expect(existsSync(w.journal)).toBe(false);
    expect(await held.list()).toEqual([]);
  });

  it('skips a line cut off by a power loss and keeps the rest', async () => {
    const w = workbook();
    const held = heldAnswersFile(w.file);
    await held.add(answer('1'));
    appendFileSync(w.journal, '{"held":{"id":"2","at":"2026-06-');
    await held.add(answer('3'));
    expect((await held.list()).map((a) => a.id)).toEqual(['1', '3']);
  });

  it('is busy while Excel / WPS (~$) or LibreOffice (.~lock…#) has the workbook open', async () => {
    const w = workbook();
    const held = heldAnswersFile(w.file);
    expect(await held.busy()).toBe(false);
    writeFileSync(join(w.dir, '~$督办.xlsx'), '');
    expect(await held.busy()).toBe(true);
  });
});
