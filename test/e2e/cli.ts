import { spawn, spawnSync } from 'node:child_process';

/** Run `node bin/duban.js …` as a user would; returns exit code and output. */
export function duban(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/duban.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking this process (a server in the test, e.g. SMTP, must keep answering). */
export function dubanAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/duban.js', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
