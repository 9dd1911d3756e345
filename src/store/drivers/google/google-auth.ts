/**
 * Credentials for the google driver. The caller reads the environment and passes the key JSON in; nothing here
 * touches process.env.
 * - A service-account key (the JSON downloaded from the Cloud console, e.g. from a secret) → a JWT client.
 * - Application Default Credentials (Cloud Functions' own service account) → GoogleAuth.
 */
import { GoogleAuth, JWT } from 'google-auth-library';
import { z } from 'zod';
import { StoreError } from '../../errors';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/** The fields of a service-account key the driver needs; the rest of the file is ignored. */
export const serviceAccountKeySchema = z.object({
  type: z
    .literal('service_account', { error: 'type must be "service_account" (is this an OAuth client file?)' })
    .optional(),
  client_email: z.email({ error: 'client_email is missing or not an e-mail address' }),
  private_key: z
    .string({ error: 'private_key is missing' })
    .includes('PRIVATE KEY', { error: 'private_key is not a PEM private key' }),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
  token_uri: z.url({ error: 'token_uri is not a URL' }).optional(),
});

export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

/**
 * Parse a service-account key from its JSON text, with one clear message per bad or missing field.
 * Private keys pasted into env files with literal `\n` are repaired.
 * @example const key = parseServiceAccountKey(env.GOOGLE_SERVICE_ACCOUNT_KEY);
 */
export function parseServiceAccountKey(json: string): ServiceAccountKey {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new StoreError('google', `service-account key is not valid JSON (${(error as Error).message})`);
  }
  const parsed = serviceAccountKeySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'key'}: ${i.message}`);
    throw new StoreError('google', `service-account key is not usable: ${problems.join('; ')}`);
  }
  return { ...parsed.data, private_key: parsed.data.private_key.replace(/\\n/g, '\n') };
}

/**
 * A JWT client for a service account with the spreadsheets scope. A `token_uri` other than Google's (a local test
 * server, a proxy) is honoured by redirecting the token request there.
 * @example const auth = serviceAccountAuth(parseServiceAccountKey(keyJson));
 */
export function serviceAccountAuth(key: ServiceAccountKey | string): JWT {
  const k = typeof key === 'string' ? parseServiceAccountKey(key) : key;
  const jwt = new JWT({
    email: k.client_email,
    key: k.private_key,
    keyId: k.private_key_id,
    scopes: [SHEETS_SCOPE],
  });
  const tokenUri = k.token_uri;
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URI) {
    // gtoken always posts to Google's token URL; the key file's token_uri says where this account's tokens come from.
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URI) config.url = new URL(tokenUri);
        return config;
      },
    });
  }
  return jwt;
}

/**
 * Application Default Credentials with the spreadsheets scope (Cloud Functions, Cloud Run, `gcloud auth application-default login`).
 * @example const auth = applicationDefaultAuth();
 */
export function applicationDefaultAuth(): GoogleAuth {
  return new GoogleAuth({ scopes: [SHEETS_SCOPE] });
}

/** The service-account e-mail behind an auth client, when it can be known (for "share the sheet with …" messages). */
export async function clientEmailOf(auth: unknown): Promise<string | undefined> {
  if (auth instanceof JWT) return auth.email;
  if (auth instanceof GoogleAuth) return (await auth.getCredentials()).client_email ?? undefined;
  const email = (auth as { email?: unknown })?.email;
  return typeof email === 'string' ? email : undefined;
}
