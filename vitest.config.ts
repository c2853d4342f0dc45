import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: `unit` runs in Node/happy-dom with WXT's fake browser; `e2e` drives the built
// extension in real Chromium and needs the build (see `npm run test:e2e`).
// CI asks for a JSON report per run (`npm run test:unit`, `npm run test:e2e`) to count results.
const reportDir = process.env.THREADSIDE_REPORT_DIR;
const reportName = process.env.npm_lifecycle_event ?? 'vitest';

export default defineConfig({
  test: {
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/${reportName}.json` }]] : ['default'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // One browser at a time: CI has two cores and Chromium wants both.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
