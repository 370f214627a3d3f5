import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real servers; two cores only.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './build/summary-reporter.ts'],
  },
});
