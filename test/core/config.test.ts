import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, loadDotEnv, ConfigError } from '../../src/config/index.js';

describe('configuration', () => {
  it('starts on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('file:./data/cqtt.db');
    expect(config.PORT).toBe(3000);
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(config.ZALO_API_BASE).toBe('https://openapi.zalo.me');
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('lists every bad value in one error, with what a valid value looks like', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TELEGRAM_API_ROOT: 'not a url', TELEGRAM_BOT_TOKEN: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT: must be a whole number 0–65535 \(got "abc"\)/);
    expect(problems).toMatch(/DATABASE_URL: must be a SQLite file URL such as file:\.\/data\/cqtt\.db or a PostgreSQL URL/);
    expect(problems).toMatch(/TELEGRAM_API_ROOT: must be a URL/);
    // Secrets are never echoed back.
    expect(problems).toMatch(/TELEGRAM_BOT_TOKEN: .*\(got "\*\*\*"\)/);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('requires a webhook secret in webhook mode', () => {
    expect(() =>
      loadConfig({ PUBLIC_URL: 'https://bot.example.vn', TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET: is required in webhook mode/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', PUBLIC_URL: '' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('reads a .env file without overriding the environment, and ignores a missing one', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cqtt-env-')), '.env');
    writeFileSync(file, 'CQTT_TEST_FROM_FILE=file\nCQTT_TEST_BOTH=file\n');
    process.env.CQTT_TEST_BOTH = 'environment';
    try {
      loadDotEnv(file);
      expect(process.env.CQTT_TEST_FROM_FILE).toBe('file');
      expect(process.env.CQTT_TEST_BOTH).toBe('environment');
      expect(() => loadDotEnv(path.join(path.dirname(file), 'missing.env'))).not.toThrow();
    } finally {
      delete process.env.CQTT_TEST_FROM_FILE;
      delete process.env.CQTT_TEST_BOTH;
    }
  });
});
