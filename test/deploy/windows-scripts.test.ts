/**
 * The Windows scripts as a county office's PC runs them: Windows PowerShell 5.1 reads a .ps1 without a byte-order mark
 * in the ANSI code page (GBK), so its Chinese messages come out garbled; cmd.exe reads a .cmd line by line in the
 * console code page and runs a byte-order mark as part of the first command. And the manual's install command uses
 * only options the script has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const chinese = /[\u4e00-\u9fff]/;

/** Files under `dir` (and its folders) whose names end with `ext`. */
function filesOf(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .map((name) => join(dir, name));
}

const ps1 = filesOf('deploy', '.ps1');
const cmd = [...filesOf('deploy', '.cmd'), ...filesOf('scripts', '.cmd')];

describe('Windows scripts', () => {
  it('there are some to check', () => {
    expect(ps1).toContain(join('deploy', 'windows', 'install-service.ps1'));
    expect(cmd).toContain(join('scripts', 'quick-start.cmd'));
  });

  it.each(ps1)('%s starts with a UTF-8 byte-order mark, so PowerShell 5.1 reads its Chinese', (file) => {
    expect(readFileSync(file).subarray(0, 3)).toEqual(BOM);
  });

  it.each(cmd)(
    '%s has no byte-order mark, CRLF lines, and switches to UTF-8 before it prints Chinese',
    (file) => {
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 3)).not.toEqual(BOM);
      const lines = bytes.toString('utf8').split('\n');
      expect(lines.slice(0, -1).filter((l) => !l.endsWith('\r'))).toEqual([]);
      const chcp = lines.findIndex((l) => /^chcp 65001\b/i.test(l.trim()));
      const firstChinese = lines.findIndex((l) => chinese.test(l) && !/^(rem|::)\b/i.test(l.trim()));
      expect(chcp).toBeGreaterThanOrEqual(0);
      if (firstChinese >= 0) expect(chcp).toBeLessThan(firstChinese);
    },
  );

  it('the manual installs the Windows service with options install-service.ps1 has, a local WinSW file among them', () => {
    const script = readFileSync('deploy/windows/install-service.ps1', 'utf8');
    const params = new Set([...script.matchAll(/\[\w+\]\$(\w+)/g)].map((m) => m[1]!.toLowerCase()));
    const manual = readFileSync('docs/使用手册.md', 'utf8');
    const runs = [...manual.matchAll(/install-service\.ps1((?: +-\w+(?: +"[^"]*"| +[^\s-]\S*)?)+)/g)];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const used = runs.flatMap((m) => [...m[1]!.matchAll(/ -(\w+)/g)].map((o) => o[1]!.toLowerCase()));
    for (const option of used) expect(params, `-${option}`).toContain(option);
    expect(used).toContain('winswexe');
  });
});
