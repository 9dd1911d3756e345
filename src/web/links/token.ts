/**
 * Signed links (SPEC §4.5): an HMAC-SHA-256 token naming one office (workbook), one task, one action, one person and
 * an expiry, so a unit answers from the mail it received without a spreadsheet account. Web Crypto only: the same
 * code signs on Node and verifies on Workers. Keys carry an id, so a new key signs while the old ones still verify
 * the links already in mailboxes (`DUBAN_LINK_SECRET=k2:new,k1:old`).
 *
 * Token: `<key id>.<payload base64url JSON>.<signature base64url>`; the signature covers `<key id>.<payload>`.
 */

/** What a link to one task's page lets its holder do (`/l/<编号>/<action>`). */
export const TASK_ACTIONS = [
  'ack',
  'feedback',
  'extend',
  'approve-extension',
  'complete',
  'sign-completion',
  'adjust',
  'approve-adjustment',
  'consent-notices',
  'sign-notices',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** What a link lets its holder do: one task's page, or the 督查室's desk (`/desk`, desk-link.ts). */
export const LINK_ACTIONS = [...TASK_ACTIONS, 'desk'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

export interface LinkClaims {
  /** The office: the workbook (spreadsheet id, or the workbook's file name on the local default). */
  office: string;
  /** 编号 of the task. */
  task: string;
  action: LinkAction;
  /** The person the link was mailed to: their e-mail address in 通讯录. */
  person: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** What the use is recorded against: the notice's 文号 for 签收, the 申请号 for an approval, the signer for a card. */
  ref?: string;
}

export interface LinkKey {
  id: string;
  secret: string;
}

/** The keys of a deployment: the first signs, every one verifies. */
export interface LinkKeys {
  signing: LinkKey;
  all: LinkKey[];
}

export type VerifyResult =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'expired'; claims?: LinkClaims };

export const MIN_LINK_SECRET_LENGTH = 16;

/** Why DUBAN_LINK_SECRET is unusable; `key` names the key (its id, or its position when it has none), never its secret. */
export class LinkKeysError extends Error {
  override name = 'LinkKeysError';
  constructor(
    readonly reason: 'empty' | 'no-id' | 'too-short' | 'duplicate-id',
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parse `DUBAN_LINK_SECRET`: `k2:secret2,k1:secret1` (the first signs) or one bare secret (key id `k1`).
 * Throws a LinkKeysError (English message, never quoting a secret) when a key is unusable.
 *
 * @example parseLinkKeys('k2:aaaaaaaaaaaaaaaa,k1:bbbbbbbbbbbbbbbb').signing.id // 'k2'
 */
export function parseLinkKeys(text: string): LinkKeys {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length)
    throw new LinkKeysError(
      'empty',
      '',
      'DUBAN_LINK_SECRET is empty: give `k1:<secret>` (at least 16 characters).',
    );
  const all = parts.map((part, i): LinkKey => {
    const m = /^([A-Za-z0-9_-]{1,16}):(.+)$/.exec(part);
    const key = m ? { id: m[1]!, secret: m[2]! } : { id: parts.length === 1 ? 'k1' : '', secret: part };
    if (!key.id)
      throw new LinkKeysError(
        'no-id',
        String(i + 1),
        `DUBAN_LINK_SECRET key ${i + 1} has no id: write each key as <id>:<secret>, e.g. k2:…,k1:….`,
      );
    if (key.secret.length < MIN_LINK_SECRET_LENGTH)
      throw new LinkKeysError(
        'too-short',
        key.id,
        `DUBAN_LINK_SECRET key ${key.id} is too short: use at least ${MIN_LINK_SECRET_LENGTH} random characters ` +
          '(e.g. `openssl rand -base64 32`).',
      );
    return key;
  });
  const ids = new Set(all.map((k) => k.id));
  if (ids.size !== all.length)
    throw new LinkKeysError(
      'duplicate-id',
      all.find((k, i) => all.findIndex((o) => o.id === k.id) !== i)!.id,
      'DUBAN_LINK_SECRET names one key id twice: give each key its own id.',
    );
  return { signing: all[0]!, all };
}

const encoder = new TextEncoder();
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const cryptoKeys = new Map<string, Promise<HmacKey>>();

function hmacKey(secret: string): Promise<HmacKey> {
  let key = cryptoKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    cryptoKeys.set(secret, key);
  }
  return key;
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** HMAC-SHA-256 of `data` under `secret`, base64url. */
export async function hmac(secret: string, data: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(data));
  return base64url(new Uint8Array(sig));
}

/**
 * Sign a link's claims with the signing key.
 *
 * @example
 * const token = await signLink({ office: 'demo.xlsx', task: 'ZD-2026-001', action: 'feedback',
 *   person: 'liaison@example.gov.cn', exp: 1798761600 }, keys);
 */
export async function signLink(claims: LinkClaims, keys: LinkKeys): Promise<string> {
  const payload = base64url(encoder.encode(JSON.stringify(claims)));
  const head = `${keys.signing.id}.${payload}`;
  return `${head}.${await hmac(keys.signing.secret, head)}`;
}

/**
 * Check a token's signature (constant time, Web Crypto's verify) and expiry. A bad signature never yields claims;
 * an expired one does (the refusal page and the audit row name the task it was for).
 *
 * @example
 * const result = await verifyLink(token, keys, new Date());
 * if (result.ok) result.claims.task; // 'ZD-2026-001'
 */
export async function verifyLink(token: string, keys: LinkKeys, now: Date): Promise<VerifyResult> {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 2000) return { ok: false, reason: 'malformed' };
  const [kid, payload, sig] = parts as [string, string, string];
  const key = keys.all.find((k) => k.id === kid);
  if (!key) return { ok: false, reason: 'unknown-key' };
  const sigBytes = fromBase64url(sig);
  if (!sigBytes) return { ok: false, reason: 'malformed' };
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(key.secret),
    sigBytes as Uint8Array<ArrayBuffer>,
    encoder.encode(`${kid}.${payload}`),
  );
  if (!valid) return { ok: false, reason: 'bad-signature' };
  const claims = claimsOf(fromBase64url(payload));
  if (!claims) return { ok: false, reason: 'malformed' };
  if (now.getTime() / 1000 > claims.exp) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

function claimsOf(bytes: Uint8Array | null): LinkClaims | null {
  if (!bytes) return null;
  try {
    const c = JSON.parse(new TextDecoder().decode(bytes)) as Partial<LinkClaims>;
    const str = (v: unknown) => typeof v === 'string' && v.length > 0;
    if (!str(c.office) || !str(c.task) || !str(c.person) || typeof c.exp !== 'number') return null;
    if (!(LINK_ACTIONS as readonly string[]).includes(c.action as string)) return null;
    if (c.ref !== undefined && typeof c.ref !== 'string') return null;
    return c as LinkClaims;
  } catch {
    return null;
  }
}
