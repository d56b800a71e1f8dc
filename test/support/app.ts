// A real app on a fresh database per call — an SQLite file, or under TEST_DATABASE=postgresql a
// schema of its own (test/support/database.ts) — with its console exports in a temporary
// folder: migrated, seeded with the catalogue, and closed (files and schema removed) by the
// returned cleanup. Its strings record what was said (RecordingI18n; `said(app)` in
// ./conversation.ts) unless others are given.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { testDatabase } from './database.js';
import { RecordingI18n } from './i18n.js';

export interface TestApp extends App {
  dir: string;
}

export async function makeTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-test-'));
  const database = testDatabase(dir);
  const config = testConfig({ DATABASE_URL: database.url, EXPORT_DIR: path.join(dir, 'exports'), ...env });
  let app: TestApp;
  try {
    app = (await createApp(config, { i18n: new RecordingI18n(), ...options })) as TestApp;
  } catch (error) {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  app.dir = dir;
  const close = app.close;
  app.close = async () => {
    await close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  return app;
}
