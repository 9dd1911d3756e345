import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { applyStaffEditOnServer, dumpSpreadsheet, seedOfWorkbook } from '../sheets-server/workbook';
import { testStoreContract } from './contract';

let server: SheetsServer;
beforeAll(async () => {
  server = await startSheetsServer();
});
afterAll(async () => {
  await server.close();
});

/** An OAuth2 client holding a fixed access token: works offline against the local server. */
function offlineAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.UTC(2100, 0, 1) });
  return auth;
}

testStoreContract('google (local Sheets API server)', async (fixture) => {
  const spreadsheetId = server.seed(seedOfWorkbook(fixture));
  const store = createGoogleStore({
    spreadsheetId,
    auth: offlineAuth(),
    rootUrl: `${server.url}/`,
    retry: { sleep: async () => undefined },
  });
  return {
    store,
    staleOnEdit: false,
    staffEdit: async (tab, edit) => applyStaffEditOnServer(server, spreadsheetId, tab, edit),
    dump: async () => dumpSpreadsheet(server.state.spreadsheets.get(spreadsheetId)!),
    cleanup: async () => {
      server.state.spreadsheets.delete(spreadsheetId);
    },
  };
});
