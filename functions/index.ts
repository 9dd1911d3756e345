/**
 * Cloud Functions (2nd gen) entries, both HTTP-triggered and served by functions-framework:
 * - `duban`: the web app (GET /health, GET /, POST /api/scan with the admin token);
 * - `dubanScan`: the daily scan for Cloud Scheduler (see src/web/scheduled-app.ts for its authentication).
 * Build with `npx tsx scripts/build-functions.ts` and deploy dist/functions (functions/README.md).
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { getRequestListener } from '@hono/node-server';
import { misconfiguredResponse, runtimeFromEnv } from '../src/runtime/from-env';
import type { DubanRuntime } from '../src/runtime/runtime';

type FetchHandler = (request: Request) => Response | Promise<Response>;

/** An HttpFunction over a fetch handler of the instance's runtime, built on the first request. */
function fromRuntime(pick: (runtime: DubanRuntime) => FetchHandler): HttpFunction {
  let listener: ReturnType<typeof getRequestListener> | undefined;
  return function handle(req, res) {
    listener ??= getRequestListener((request: Request) => {
      const found = runtimeFromEnv(process.env, 'cloud-functions');
      return found.ok ? pick(found.runtime)(request) : misconfiguredResponse(found.problems);
    });
    return listener(req, res);
  };
}

export const duban = fromRuntime((runtime) => runtime.app.fetch);
export const dubanScan = fromRuntime((runtime) => runtime.scheduledApp.fetch);
