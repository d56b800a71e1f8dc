import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The whole suite runs on SQLite (the default deployment). With TEST_POSTGRES_URL the suites of
// the database layer and the domain modules that write through it run again on PostgreSQL,
// each test database a schema of its own (test/support/database.ts). The channel, search,
// chart and page suites do not depend on the database's provider, so they run once: that
// keeps CI inside its time. Suites that need Redis skip themselves without TEST_REDIS_URL.
const postgresSuites = [
  'test/db/**/*.test.ts',
  'test/accounts/**/*.test.ts',
  'test/outbox/**/*.test.ts',
  'test/jobs/**/*.test.ts',
  'test/dossiers/**/*.test.ts',
  'test/complaints/**/*.test.ts',
  'test/criteria/**/*.test.ts',
];

const postgres = process.env.TEST_POSTGRES_URL;
const skipped = [
  ...(postgres ? [] : ['the PostgreSQL run of the database suites (set TEST_POSTGRES_URL=postgresql://…)']),
  ...(process.env.TEST_REDIS_URL ? [] : ['the Redis suites (set TEST_REDIS_URL=redis://…)']),
];
if (skipped.length && !process.env.VITEST_WORKER_ID) process.stderr.write(`\nNOT RUN: ${skipped.join('; ')}\n\n`);

// Each project names its own files: with `extends: true` a root `include` would be merged into
// the PostgreSQL project's list, which would then run everything.
const projects: TestProjectInlineConfiguration[] = [{ extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } }];
if (postgres) {
  projects.push({ extends: true, test: { name: 'postgresql', include: postgresSuites, env: { TEST_DATABASE: 'postgresql' } } });
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
