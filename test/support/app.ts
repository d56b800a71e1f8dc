// A real app on a fresh SQLite file per call (its console exports beside it): migrated, seeded
// with the catalogue, and closed (files removed) by the returned cleanup. Its strings record
// what was said (RecordingI18n; `said(app)` in ./conversation.ts) unless others are given.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { RecordingI18n } from './i18n.js';

export interface TestApp extends App {
  dir: string;
}

export async function makeTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-test-'));
  const config = testConfig({ DATABASE_URL: `file:${path.join(dir, 'test.db')}`, EXPORT_DIR: path.join(dir, 'exports'), ...env });
  const app = (await createApp(config, { i18n: new RecordingI18n(), ...options })) as TestApp;
  app.dir = dir;
  const close = app.close;
  app.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return app;
}
