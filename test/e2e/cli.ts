import { spawnSync } from 'node:child_process';

/** Run `node bin/duban.js …` as a user would; returns exit code and output. */
export function duban(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/duban.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
