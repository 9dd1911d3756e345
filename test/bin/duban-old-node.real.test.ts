/** `duban` started on a Node.js older than package.json's engines stops at once with a Chinese message and exit 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `node <script> args` as if the Node.js were `version` (a preload changes process.versions.node). */
function runAs(version: string, script: string, args: string[]) {
  const preload = join(mkdtempSync(join(tmpdir(), 'duban-node-')), 'old-node.cjs');
  writeFileSync(
    preload,
    `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });\n`,
  );
  return spawnSync(process.execPath, ['--require', preload, script, ...args], { encoding: 'utf8' });
}

describe('an old Node.js', () => {
  it('duban --version on Node 18 says in Chinese that 20.19 is needed (exit 2), before loading anything', () => {
    const run = runAs('18.19.1', 'bin/duban.js', ['--version']);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(/^duban 需要 Node\.js 20\.19 或更高版本，本机是 v18\.19\.1/);
    expect(run.status).toBe(2);
  });

  it('the quick-start scripts’ check alone (node bin/node-version.js) says the same', () => {
    const run = runAs('20.18.0', 'bin/node-version.js', []);
    expect(run.stderr).toContain('本机是 v20.18.0');
    expect(run.status).toBe(2);
    expect(runAs('20.19.0', 'bin/node-version.js', []).status).toBe(0);
  });

  it('on a Node.js new enough, duban runs', () => {
    const run = runAs('20.19.0', 'bin/duban.js', ['--version']);
    expect(run.stdout).toMatch(/^duban \d+\.\d+\.\d+/);
    expect(run.status).toBe(0);
  });
});
