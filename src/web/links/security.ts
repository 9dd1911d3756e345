import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers of every link page: no script at all, no framing, no referrer to other sites (the token is in the URL), forms post only
 * back here, nothing cached.
 */
export const linkSecurityHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  // The token is in the address: never sent to another site, kept on this one so forms carry their Origin.
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
});

export const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** Form bodies: four texts of 10,000 Chinese characters fit; more is refused before it is parsed. */
export const MAX_FORM_BYTES = 256 * 1024;

export const linkBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: (c) => c.text('提交的内容过大（上限 256 KB），请精简后重新提交。', 413),
});

/**
 * The same-origin half of CSRF protection: a browser says where a form was posted from. `Sec-Fetch-Site` decides when
 * sent (every current browser); else `Origin` must be this server's (`null`, from a sandboxed frame, is refused). A
 * client that sends neither (curl) still needs the form's CSRF field.
 */
export function crossSite(
  headers: { get(name: string): string | null | undefined },
  ownOrigins: string[],
): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('origin');
  return Boolean(origin) && !ownOrigins.includes(origin!);
}

/**
 * A fixed-window counter per key (token, address), in memory: per process on `duban serve`, per isolate on Workers
 * and per instance on Cloud Functions — a brake on guessing and flooding, not a quota.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Count a hit; false when the key is over its limit in the current window. */
  hit(key: string, now: number): boolean {
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.hits.size > 10_000) this.hits.clear();
      this.hits.set(key, { start: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }
}

/** The client's address as the platform reports it (Workers, a proxy), for rate limits and audit rows. */
export function addressOf(c: Context): string {
  const forwarded = c.req.header('cf-connecting-ip') ?? c.req.header('x-forwarded-for')?.split(',')[0];
  return forwarded?.trim() || 'local';
}
