/**
 * What the ops person of an office sees when the Google Sheet cannot be used, on the runtime Workers and Cloud
 * Functions build from their env (runtimeFromEnv), against the local Sheets server: POST /api/scan and the scheduler's
 * run answer in Chinese with what to fix, not the local-file wording about a shared drive.
 */
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { runtimeFromEnv } from '../../src/runtime/from-env';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { ADMIN_TOKEN, FROM, SCAN_TIME, SERVICE_ACCOUNT, seedDemo, serviceAccountJson } from './fixtures';

let server: SheetsServer;
beforeAll(async () => {
  server = await startSheetsServer({ requireIssuedTokens: true });
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

/** The runtime of a deployment whose DUBAN_SPREADSHEET_ID is `id` (a fresh env object: no cached runtime). */
function deployment(id: string) {
  const found = runtimeFromEnv(
    {
      DUBAN_SPREADSHEET_ID: id,
      GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(`${server.url}/token`),
      DUBAN_SHEETS_ROOT_URL: server.url,
      DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
      DUBAN_MAIL_FROM: FROM,
    },
    'cloud-functions',
    () => new Date(SCAN_TIME),
  );
  if (!found.ok) throw new Error(found.problems.map((p) => p.message).join('\n'));
  return found.runtime;
}

/** POST /api/scan and the scheduler's run: status and the error each answers. */
async function scanAnswers(id: string) {
  const runtime = deployment(id);
  const manual = await runtime.app.request('/api/scan', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const scheduled = await runtime.scheduledApp.request('/', {
    method: 'POST',
    headers: {
      'x-duban-token': ADMIN_TOKEN,
      'x-cloudscheduler-scheduletime': new Date(SCAN_TIME).toISOString(),
    },
  });
  return {
    manual: { status: manual.status, error: ((await manual.json()) as { error: string }).error },
    scheduled: { status: scheduled.status, error: ((await scheduled.json()) as { error: string }).error },
  };
}

describe('a Google Sheet the deployment cannot use', () => {
  it('not shared with the service account: says to share it with that account as an editor', async () => {
    const id = server.seed({ sheets: [{ title: '挂图作战表' }], sharedWith: ['clerk@example.gov.cn'] });
    const { manual, scheduled } = await scanAnswers(id);
    const share = `没有访问表格 ${id} 的权限：请在该 Google 表格中点“共享”，把服务账号 ${SERVICE_ACCOUNT} 添加为“编辑者”`;
    expect(manual).toEqual({ status: 503, error: share });
    expect(scheduled).toEqual({ status: 500, error: `扫描失败：${share}` });
  });

  it('a wrong DUBAN_SPREADSHEET_ID: says to check the id', async () => {
    const { manual } = await scanAnswers('1AbCdEfGhIjKlMnOpQrStUv');
    expect(manual.error).toBe(
      '找不到表格 1AbCdEfGhIjKlMnOpQrStUv：请检查表格 ID（网址中 /d/ 与 /edit 之间的部分）',
    );
  });

  it('over the Sheets quota even after the retries: says so, to try later', async () => {
    const id = seedDemo(server);
    server.faults.fail({ when: (c) => c.spreadsheetId === id }, { status: 429, retryAfter: 0 }, Infinity);
    const { manual } = await scanAnswers(id);
    expect(manual).toEqual({ status: 503, error: 'Google Sheets 调用次数超出配额，请稍后再试' });
  }, 30_000);

  it('文书登记 and 审计日志 protected for another account (the sheet set up with another key): says whom to add', async () => {
    const id = seedDemo(server);
    // Google's answer when the runtime's account is an editor of the spreadsheet but not of its protected tabs.
    server.faults.fail(
      { when: (c) => c.spreadsheetId === id && c.method === 'spreadsheets.batchUpdate' },
      {
        status: 400,
        message:
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      },
      Infinity,
    );
    const { manual } = await scanAnswers(id);
    expect(manual.status).toBe(503);
    expect(manual.error).toContain('文书登记、审计日志');
    expect(manual.error).toContain(`把服务账号 ${SERVICE_ACCOUNT} 加为可编辑者`);
  });
});
