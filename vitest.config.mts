import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: 'forks',
    // Builds dist/ for the end-to-end tests when it is missing or stale.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
