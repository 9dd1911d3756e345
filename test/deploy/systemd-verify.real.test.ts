/** systemd itself reads deploy/duban.service without a complaint (where systemd-analyze is installed). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe.skipIf(!analyze)('systemd-analyze verify', () => {
  it('finds nothing wrong in the unit', () => {
    const run = spawnSync('systemd-analyze', ['verify', 'deploy/duban.service'], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toBe('');
    expect(run.status).toBe(0);
  });
});
