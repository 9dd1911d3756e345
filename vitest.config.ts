import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real-part tests (SMTP, workerd, Chromium) start servers; keep files isolated but few at a time.
    maxWorkers: 2,
  },
});
