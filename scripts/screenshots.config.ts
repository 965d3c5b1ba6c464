import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: the screenshot script runs as one long test on the test harness. */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    include: ['scripts/take-screenshots.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
