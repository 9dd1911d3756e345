/**
 * Docker as the manual runs it: inside a container `duban serve` sees only the container's own address (172.17.x.x),
 * so links in mails open nowhere unless DUBAN_PUBLIC_URL names the server's address. Every example that starts the
 * service in a container sets it, the manual's in duban.env where the one-off commands' containers read it too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manual = readFileSync('docs/使用手册.md', 'utf8');
const dockerSteps = manual.slice(manual.indexOf('**用 Docker 运行**'), manual.indexOf('## 3.'));
/** `docker run -d …` commands (the long-running service), continuation lines joined. */
const serviceRuns = (text: string): string[] =>
  [...text.replace(/\\\n\s*(#\s*)?/g, ' ').matchAll(/docker run -d .*/g)].map((m) => m[0]);

describe('Docker', () => {
  it('the manual’s Docker steps set DUBAN_PUBLIC_URL to the server’s address for every container, and say why', () => {
    const block = dockerSteps.slice(dockerSteps.indexOf('```sh'), dockerSteps.indexOf('```\n', 10));
    const commands = block.split('\n').filter((l) => !l.startsWith('#'));
    const setting = commands.find((l) => /DUBAN_PUBLIC_URL=http:\/\/\S+:8787/.test(l));
    expect(setting).toMatch(/ \/srv\/duban\/duban\.env$/);
    expect(commands.indexOf(setting!)).toBeLessThan(
      commands.findIndex((l) => l.startsWith('docker run -d ')),
    );
    expect(dockerSteps).toContain('172.17.');
  });

  it('the Dockerfile’s own example of starting the service sets DUBAN_PUBLIC_URL', () => {
    const runs = serviceRuns(readFileSync('Dockerfile', 'utf8'));
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) expect(run).toContain('-e DUBAN_PUBLIC_URL=');
  });

  it('the smoke test runs the image as the manual does', () => {
    const runs = serviceRuns(readFileSync('scripts/docker-smoke.sh', 'utf8'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain('-e DUBAN_PUBLIC_URL=');
  });
});
