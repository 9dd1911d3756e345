/**
 * deploy/duban.service as an IT person installs it: node found wherever Node.js was put, the office's settings and
 * folder, no restart loop on a setting error, and comments they can read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** A systemd unit as section → key → every value given, in order (a key may repeat, as Environment= does). */
type Unit = Record<string, Record<string, string[]>>;

/**
 * Reads a unit file the way systemd does for what the tests need: `[Section]` headers, `Key=value` lines, `#` and `;`
 * comments; no line continuations.
 *
 * @example parseUnit('[Service]\nRestart=on-failure\n').Service.Restart // ['on-failure']
 */
function parseUnit(text: string): Unit {
  const unit: Unit = {};
  let section: Record<string, string[]> | undefined;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = unit[header[1]!] ??= {};
    else if (section) {
      const at = line.indexOf('=');
      (section[line.slice(0, at)] ??= []).push(line.slice(at + 1));
    }
  }
  return unit;
}

const text = readFileSync('deploy/duban.service', 'utf8');
const unit = parseUnit(text);
const service = unit.Service!;
const one = (key: string): string => {
  expect(service[key], key).toHaveLength(1);
  return service[key]![0]!;
};

describe('the systemd unit', () => {
  it('finds node through PATH (/usr/local/bin included), not at one fixed path', () => {
    expect(one('ExecStart')).toMatch(/^\/usr\/bin\/env node \/opt\/duban-sheets\/bin\/duban\.js serve /);
    const path = service.Environment!.map((e) => /^PATH=(.*)$/.exec(e)?.[1]).find(Boolean);
    expect(path?.split(':')).toEqual(expect.arrayContaining(['/usr/local/bin', '/usr/bin']));
  });

  it('runs in the office folder, reads its duban.env, and may write only there', () => {
    const folder = one('WorkingDirectory');
    expect(folder).toBe('/srv/duban');
    expect(one('EnvironmentFile')).toBe(`-${folder}/duban.env`);
    expect(one('ExecStart')).toContain(` --workbook ${folder}/duban.xlsx `);
    expect(one('ReadWritePaths')).toBe(folder);
  });

  it('restarts after a crash but not on a setting error (exit code 2)', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('RestartPreventExitStatus')).toBe('2');
  });

  it('names its documentation with an address systemd accepts (ASCII only)', () => {
    for (const url of unit.Unit!.Documentation!) expect(url).toMatch(/^file:\/\/\/[\x21-\x7e]+$/);
  });

  it('explains itself in Chinese: a comment line without Chinese is a command, not English prose', () => {
    const comments = text.split('\n').filter((l) => l.startsWith('#'));
    expect(comments.some((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
    const prose = comments.filter(
      (l) => !/[\u4e00-\u9fff]/.test(l) && /\b(the|is|are|and|to|of|with|it)\b/i.test(l),
    );
    expect(prose).toEqual([]);
  });
});
