import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import {
  SHEETS_SCOPE,
  parseServiceAccountKey,
  serviceAccountAuth,
} from '../../src/store/drivers/google/google-auth';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';

const EMAIL = 'duban-bot@duban-2026.iam.gserviceaccount.com';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const keyJson = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'duban-2026',
    private_key_id: 'k1',
    private_key: privateKey,
    client_email: EMAIL,
    ...extra,
  });

describe('service-account key parsing', () => {
  it('accepts a key file and repairs a private key pasted with literal \\n', () => {
    const key = parseServiceAccountKey(keyJson({ private_key: privateKey.replace(/\n/g, '\\n') }));
    expect(key.client_email).toBe(EMAIL);
    expect(key.private_key).toBe(privateKey);
  });

  it('names every missing or bad field in one message', () => {
    const bad = JSON.stringify({ type: 'service_account', private_key: 'not a key' });
    expect(() => parseServiceAccountKey(bad)).toThrow(
      /^\[store:google\] service-account key is not usable: client_email: client_email is missing or not an e-mail address; private_key: private_key is not a PEM private key$/,
    );
  });

  it('says when the text is not JSON at all, or is an OAuth client file instead of a service-account key', () => {
    expect(() => parseServiceAccountKey('{"type":')).toThrow(
      /\[store:google\] service-account key is not valid JSON/,
    );
    expect(() => parseServiceAccountKey(keyJson({ type: 'authorized_user' }))).toThrow(
      /type must be "service_account"/,
    );
  });
});

describe('service-account JWT against the local token endpoint', () => {
  let server: SheetsServer;
  beforeAll(async () => {
    server = await startSheetsServer({ requireIssuedTokens: true });
  });
  afterAll(() => server.close());

  it('gets its access token from token_uri and reads a spreadsheet shared with it', async () => {
    const spreadsheetId = server.seed({
      sheets: [
        {
          title: '通讯录',
          rows: [
            ['姓名', '邮箱'],
            ['张三', 'zhang@example.gov.cn'],
          ],
        },
      ],
      sharedWith: [EMAIL],
    });
    const auth = serviceAccountAuth(keyJson({ token_uri: `${server.url}/token` }));
    const store = createGoogleStore({ spreadsheetId, auth, rootUrl: `${server.url}/` });
    const snapshot = await store.read([{ name: '通讯录', headerRows: 1 }]);
    expect(snapshot.tabs['通讯录']!.rows[0]!.cells).toEqual({ 姓名: '张三', 邮箱: 'zhang@example.gov.cn' });
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.tokenRequests[0]).toMatchObject({ iss: EMAIL, scope: SHEETS_SCOPE });
    expect(server.calls.every((c) => c.principal === EMAIL)).toBe(true);
  });

  it('refuses a made-up token, and names the service account when the spreadsheet is not shared with it', async () => {
    const spreadsheetId = server.seed({
      sheets: [{ title: '通讯录' }],
      sharedWith: ['someone@example.gov.cn'],
    });
    const denied = createGoogleStore({
      spreadsheetId,
      auth: serviceAccountAuth(keyJson({ token_uri: `${server.url}/token` })),
      rootUrl: `${server.url}/`,
    });
    await expect(denied.read([{ name: '通讯录', headerRows: 1 }])).rejects.toThrow(
      `share spreadsheet ${spreadsheetId} with ${EMAIL} as an Editor`,
    );
    const res = await fetch(`${server.url}/v4/spreadsheets/${spreadsheetId}`, {
      headers: { authorization: 'Bearer made-up' },
    });
    expect(res.status).toBe(401);
  });
});
