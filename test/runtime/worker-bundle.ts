/**
 * The Worker as deployed, for the workerd tests: bundled by `wrangler deploy --dry-run` (offline: no login, no call to
 * the Cloudflare API) and run through miniflare with the production compatibility settings.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare, type Request as MfRequest, type Response as MfResponse } from 'miniflare';

const run = promisify(execFile);

/** Build the bundle into a new temp folder named after `prefix`; returns the folder (its `worker.js`). */
export async function buildWorkerBundle(prefix: string): Promise<string> {
  const outdir = await mkdtemp(join(tmpdir(), prefix));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '' };
  await run('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', outdir], { env });
  return outdir;
}

/** The bundle built in `outdir`, in workerd with these bindings; fetches leave through `outbound` when given. */
export function bundleIn(
  outdir: string,
  bindings: Record<string, string>,
  outbound?: (request: MfRequest) => Promise<MfResponse>,
): Miniflare {
  return new Miniflare({
    modules: true,
    scriptPath: join(outdir, 'worker.js'),
    modulesRoot: outdir,
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    bindings,
    ...(outbound ? { outboundService: outbound } : {}),
  });
}
