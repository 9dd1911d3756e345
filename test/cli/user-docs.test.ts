/** Issue 13: the documentation users get — Chinese first, no files they do not have, every command and exit code. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/cli/help';
import { SETTINGS } from '../../src/runtime/env-problem';
import { requiredNode } from '../../bin/node-version.js';

const manual = readFileSync('docs/使用手册.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');
/** package.json engines as the docs write it: '>=20.19' → '20.19'. */
const nodeVersion = requiredNode().replace(/^>=\s*/, '');

describe('user documentation', () => {
  it('the README opens in Chinese with the Node.js version package.json needs, the two commands and the manual', () => {
    const first = readme.slice(0, readme.indexOf('\n---\n'));
    expect(first).toMatch(/^# duban-sheets\n\n督查督办/);
    expect(first).toContain(`Node.js ${nodeVersion} 或更高版本`);
    expect(first).toMatch(/^npm install && npm start {2,}# /m);
    expect(first).toMatch(/^npm test {2,}# /m);
    expect(first).toContain('](docs/使用手册.md)');
    for (const [, path] of first.matchAll(/\]\(([^)]+\.(?:md|png))\)/g))
      expect(existsSync(path!), path).toBe(true);
  });

  it('the manual asks for the Node.js version package.json needs, wherever it names one', () => {
    const section1 = manual.slice(manual.indexOf('## 1.'), manual.indexOf('## 2.'));
    expect(section1).toContain(`**${nodeVersion} 或更高版本**`);
    expect(manual).toContain(`v${nodeVersion}.0`);
    expect(manual).not.toMatch(/Node\.js 20(?!\.)|nodejs:20|v20\.x\.x/);
  });

  it('the manual has the year-end section the scan summary sends the clerk to, with init --previous carrying the open items into the new year', () => {
    const section5 = manual.slice(manual.indexOf('## 5.'), manual.indexOf('## 6.'));
    expect(section5).toContain('**年底和新年度**');
    const yearEnd = section5.slice(section5.indexOf('**年底和新年度**'));
    expect(yearEnd).toContain('「节假日」');
    expect(yearEnd).toMatch(/npx duban init --workbook [^`\n]* --year 2027/);
    expect(yearEnd).toMatch(/npx duban init --workbook [^`\n]* --previous [^`\n]*督办-2026\.xlsx/);
    expect(yearEnd).toContain('挂图作战表不转入');
  });

  it('the manual and the README cite no file users do not have, and the images exist', () => {
    expect(manual).not.toMatch(/SPEC|seeds\/|seed \d|\.txt/);
    expect(readme).not.toMatch(/SPEC/);
    for (const [, path] of manual.matchAll(/\]\((images\/[^)]+)\)/g))
      expect(existsSync(`docs/${path}`), path).toBe(true);
  });

  it('every npx duban command in the manual names its files by full path, so it works from the program folder', () => {
    const commands = [...manual.matchAll(/npx duban [^`\n]*/g)].map((m) => m[0]);
    expect(commands.length).toBeGreaterThanOrEqual(6);
    const fullPath = /^"?([A-Za-z]:\\|\/|\\\\)/;
    for (const command of commands)
      for (const [, option, value] of command.matchAll(
        /--(workbook|docx|out|log|outbox|previous) +("[^"]*"|\S+)/g,
      ))
        expect(value, `${command}: --${option}`).toMatch(fullPath);
  });

  it('the manual says where npx duban runs: in the program folder, the Linux service’s files as its user', () => {
    const where = manual.slice(manual.indexOf('**在哪里运行命令**'), manual.indexOf('### 3.1'));
    expect(where).toContain('cd /d D:\\duban-sheets');
    expect(where).toContain('cd /opt/duban-sheets');
    expect(where).toContain('sudo -u duban node /opt/duban-sheets/bin/duban.js');
  });

  it('the manual lists every command and the three exit codes', () => {
    for (const [name] of COMMAND_SUMMARIES) expect(manual, name).toContain(`duban ${name}`);
    expect(manual).toMatch(/\| 0 \| 成功[\s\S]*\| 1 \| 运行中失败[\s\S]*\| 2 \| 命令或参数有误/);
  });

  it('the manual quotes the setting errors as the program words them: each setting with its own Chinese name', () => {
    const quoted = [...manual.matchAll(/`设置 ([A-Z_]+)（([^）]+)）/g)];
    expect(quoted.length).toBeGreaterThan(5);
    for (const [, key, label] of quoted)
      expect(SETTINGS[key as keyof typeof SETTINGS]?.label, key).toBe(label);
    expect(manual).not.toMatch(/DUBAN_[A-Z_]+ is (not|set|missing|too)/);
  });
});
