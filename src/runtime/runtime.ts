/**
 * The serverless runtimes (Workers, Cloud Functions): a parsed RuntimeConfig → the service over the Google
 * spreadsheet, plus the scheduler's HTTP face for Cloud Scheduler.
 */
import type { Hono } from 'hono';
import { createScheduledApp } from '../web/scheduled-app';
import type { RuntimeConfig } from './env';
import { createService, type DubanService } from './service';
import { runtimeTargets } from './targets';

export interface DubanRuntime extends DubanService {
  config: RuntimeConfig;
  /** POST (admin token) → the daily scan, dated by Cloud Scheduler's schedule time. */
  scheduledApp: Hono;
}

/**
 * Build one instance's runtime. `clock` dates the scans started over HTTP; scheduled scans pass their own `now`.
 *
 * @example
 * const runtime = createRuntime(loadRuntimeConfig(env, 'workers'));
 * ctx.waitUntil(runtime.scheduledScan(new Date(controller.scheduledTime)));
 * return runtime.app.fetch(request);
 */
export function createRuntime(config: RuntimeConfig, clock: () => Date = () => new Date()): DubanRuntime {
  const service = createService({
    name: config.runtime,
    targets: runtimeTargets(config),
    from: config.from,
    adminToken: config.adminToken,
    viewerToken: config.viewerToken,
    clock,
    links: {
      keys: config.linkKeys,
      office: config.spreadsheetId,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    },
  });
  return { ...service, config, scheduledApp: createScheduledApp(service, config.adminToken, clock) };
}
