// The two entry points as a newcomer uses them, as real processes reading real stdin:
// `npm start` (src/main.ts) opening the console chat on a fresh database, and the CLI's
// `chat` and `search` commands.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cli.db')}`, PORT: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('entry points', () => {
  it('npm start: creates, migrates and seeds the database, then answers on the console', async () => {
    const out = await run(['src/main.ts'], 'lam giay khai sinh cho con can gi\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Đăng ký khai sinh');
    expect(out.stdout).toContain('Hồ sơ cần chuẩn bị');
    expect(out.stdout).toMatch(/\[1\] /);
  });

  it('cli chat: scripted lines, a number presses a button', async () => {
    const out = await run(['src/cli/index.ts', 'chat', '--user', 'dan'], '/thutuc\n4\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Lĩnh vực Cư trú có \d+ thủ tục/);
  });

  it('cli search --json: ranked procedures, and one JSON line per stdin question in batch mode', async () => {
    const one = await run(['src/cli/index.ts', 'search', 'xin giay doc than', '--json'], '');
    const hits = JSON.parse(one.stdout) as { code: string; name: string; score: number; verify: boolean }[];
    expect(hits[0]).toMatchObject({ code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', verify: true, kind: 'procedure' });
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));

    const batch = await run(['src/cli/index.ts', 'search'], 'dang ky ket hon\nnhập hộ khẩu\ngiá vàng\nlam cccd o dau\n');
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; kind: string }[]);
    expect(lines).toHaveLength(4);
    expect(lines[0][0].code).toBe('1.000894');
    expect(lines[1][0].code).toBe('1.004222');
    expect(lines[2]).toEqual([]);
    expect(lines[3][0]).toMatchObject({ code: 'REF-CCCD', kind: 'referral' });
  });

  it('a bad environment stops start-up with every problem listed', async () => {
    const out = await run(['src/main.ts'], '', { PORT: 'abc', TELEGRAM_API_ROOT: 'nope' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('PORT: must be a whole number');
    expect(out.stderr).toContain('TELEGRAM_API_ROOT: must be a URL');
    expect(out.stderr).not.toMatch(/at \w+ \(/);
  });
});
