/**
 * The Cloudflare Workers entry: each cron runs at `controller.scheduledTime` (the daily scan, or the weekly brief on
 * its own cron: runtime/crons.ts), fetch serves the shared Hono app.
 * Configuration: wrangler.toml (vars) and `wrangler secret put` (secrets); src/runtime/env-keys.ts checks every key.
 */
import type {
  ExecutionContext,
  ExportedHandler,
  Request as WorkerRequest,
  Response as WorkerResponse,
  ScheduledController,
} from '@cloudflare/workers-types/index';
import { onCron } from './runtime/crons';
import { RuntimeEnvError, type Env } from './runtime/env';
import { misconfiguredResponse, runtimeFromEnv } from './runtime/from-env';

export default {
  async fetch(request: WorkerRequest, env: Env): Promise<WorkerResponse> {
    const found = runtimeFromEnv(env, 'workers');
    // Same objects at run time: workers-types and @types/node only spell Request and Response differently.
    const response = found.ok
      ? await found.runtime.app.fetch(request as unknown as Request)
      : misconfiguredResponse(found.problems);
    return response as unknown as WorkerResponse;
  },

  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const found = runtimeFromEnv(env, 'workers');
    if (!found.ok) throw new RuntimeEnvError(found.problems);
    ctx.waitUntil(onCron(found.runtime, controller.cron, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env>;
