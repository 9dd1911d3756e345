import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `fast`: pure and in-memory tests (domain, calendar, workbook, the scan on the memory store, the web app
 * through `app.request`), for the edit-test loop (`npm run test:fast`). `real`: tests that start real parts — xlsx
 * files on disk, the local Sheets API server, SMTP, workerd, functions-framework, the CLI, LibreOffice, Chromium —
 * named `*.real.test.ts`. `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.real.test.ts'],
          // The fast files share no global state, so a worker keeps its loaded modules between them: the tier spends
          // its time in tests, not in importing the same modules 80 times (53 s → 15 s on this 2-core machine).
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // Real parts start servers; keep files isolated but few at a time.
        test: { name: 'real', include: ['test/**/*.real.test.ts'], maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
