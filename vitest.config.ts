import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Suites start real HTTP servers and SQLite files; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
