import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The whole suite runs on SQLite (the default deployment), and again on PostgreSQL when
// TEST_POSTGRES_URL is set: there TEST_DATABASE=postgresql and every test database is a schema
// of its own, dropped after (test/support/database.ts). Left out of the second run: suites that
// are about the SQLite file itself, and those that pick PostgreSQL on their own when it is
// there (they already ran on it). Suites that need Redis skip themselves without TEST_REDIS_URL.
const sqliteOnly = [
  // SQLite triggers make writes fail on purpose; the SQLite file is what is checked.
  'test/hardening/log-privacy.test.ts',
  // The CLI processes are started on an SQLite file of their own.
  'test/cli/processes.test.ts',
  // Two real instances, and SQLite → PostgreSQL: on PostgreSQL whenever TEST_POSTGRES_URL is set.
  'test/instances/**',
  'test/cli/migrate-data.test.ts',
];

const postgres = process.env.TEST_POSTGRES_URL;
const skipped = [
  ...(postgres ? [] : ['the PostgreSQL run of the suite (set TEST_POSTGRES_URL=postgresql://…)']),
  ...(process.env.TEST_REDIS_URL ? [] : ['the Redis suites (set TEST_REDIS_URL=redis://…)']),
];
if (skipped.length && !process.env.VITEST_WORKER_ID) process.stderr.write(`\nNOT RUN: ${skipped.join('; ')}\n\n`);

// Each project names its own files: with `extends: true` a root `include` would be merged into
// the PostgreSQL project's list, which would then run everything.
const projects: TestProjectInlineConfiguration[] = [{ extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } }];
if (postgres) {
  projects.push({
    extends: true,
    test: { name: 'postgresql', include: ['test/**/*.test.ts'], exclude: sqliteOnly, env: { TEST_DATABASE: 'postgresql' } },
  });
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Suites start real HTTP servers and databases; two workers match the 2-core machines.
    maxWorkers: 2,
    projects,
  },
});
