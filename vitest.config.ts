import { defineConfig } from 'vitest/config';

/** Flows that assert wall-clock targets (a TV call within a second, held for its set time; the loop during a large import): each run alone, last. */
const TIMED = [
  'server/test/e2e/annex-scenario.test.ts',
  'server/test/e2e/display-settings.test.ts',
  'server/test/integration/import-event-loop.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real servers; two cores only.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './build/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['**/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', ...TIMED],
        },
      },
      // Later groups, one file each: a timed flow gets the machine to itself instead of sharing it with the
      // fuzz and kill tests or with another timed flow (the annex's 1 s TV call failed beside the 40,000-row
      // import, and the import's 100 ms loop target failed beside the browsers; each passes alone).
      ...TIMED.map((file, order) => ({
        extends: true as const,
        test: { name: `timed-${order + 1}`, include: [file], sequence: { groupOrder: order + 1 } },
      })),
    ],
  },
});
