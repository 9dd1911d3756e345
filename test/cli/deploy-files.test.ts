/**
 * Issue 13: the service definitions (Dockerfile, systemd unit, WinSW config) start `duban serve` with options it
 * knows: each command line, with its workbook swapped for a missing file, gets past option parsing to the workbook check.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliCommands } from '../../src/cli/commands';
import { runCli } from '../../src/cli/main';

let err: string[] = [];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(String(s)));
});
afterEach(() => vi.restoreAllMocks());

/** `--workbook X` → `--workbook /nonexistent/…`, quotes removed. */
function withMissingWorkbook(args: string[]): string[] {
  return args.map((a, i) =>
    args[i - 1] === '--workbook' ? '/nonexistent/duban.xlsx' : a.replace(/^"|"$/g, ''),
  );
}

const docker = (): string[] =>
  JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))![1]!) as string[];
const systemd = (): string[] =>
  /^ExecStart=\S+ \S+duban\.js (.*)$/m.exec(readFileSync('deploy/duban.service', 'utf8'))![1]!.split(' ');
const winsw = (): string[] =>
  /<arguments>"[^"]+duban\.js" (.*)<\/arguments>/
    .exec(readFileSync('deploy/windows/duban-service.xml', 'utf8'))![1]!
    .match(/"[^"]*"|\S+/g)!;

describe('service definitions start duban serve with options it knows', () => {
  it.each([
    ['Dockerfile', docker],
    ['deploy/duban.service', systemd],
    ['deploy/windows/duban-service.xml', winsw],
  ])('%s', async (_name, argsOf) => {
    const args = argsOf();
    expect(args[0]).toBe('serve');
    expect(await runCli(withMissingWorkbook(args), cliCommands)).toBe(2);
    expect(err.join('\n')).toMatch(/^duban serve：找不到工作簿 \/nonexistent\/duban\.xlsx/);
  });

  it('the systemd unit does not restart on a setting error (exit code 2) and reads duban.env', () => {
    const unit = readFileSync('deploy/duban.service', 'utf8');
    expect(unit).toMatch(/^RestartPreventExitStatus=2$/m);
    expect(unit).toMatch(/^EnvironmentFile=-\/srv\/duban\/duban\.env$/m);
  });
});
