// Two test projects: `unit` (spec builders, formatting, CSV; no browser, no server) and `e2e`
// (Debian's chromium through playwright-core against a real `stroom serve` on a generated region).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One server and one browser for the whole suite; the tests share them in order.
          fileParallelism: false,
        },
      },
    ],
  },
});
