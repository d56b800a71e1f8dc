// The real service (src/main.ts) in its own process for a benchmark, on a given SQLite file,
// with the channel settings the benchmark passes; plus its peak memory from /proc.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, stopChild, waitHealthy } from './child.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `node --max-old-space-size=… --import tsx src/main.ts` → the flags between node and the script. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  return words.slice(1, words.indexOf('src/main.ts'));
}

export interface RunningService {
  port: number;
  child: ChildProcess;
  /** Peak resident memory of the service so far (VmHWM), in MiB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startService(dbFile: string, env: Record<string, string>): Promise<RunningService> {
  const port = await freePort();
  const child = fork(path.join(root, 'src/main.ts'), [], {
    cwd: root,
    // The Node flags of `npm start`, so the benchmark measures the service as it runs;
    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" adds flags (profiling under load).
    execArgv: [...startFlags(), ...(process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `file:${dbFile}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      CONSOLE_CHAT: 'false',
      DEMO_DATA: 'false',
      ...env,
      ...(env.PUBLIC_URL === 'self' ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    },
  });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    port,
    child,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () => stopChild(child),
  };
}

/** For `npx tsx bench/<name>.ts`: runs the benchmark when the file is the entry point. */
export async function runIfMain(
  moduleUrl: string,
  bench: () => Promise<{ name: string; figures: Record<string, number | string> }>,
): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const { name, figures } = await bench();
  process.stdout.write(`${name}\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k}: ${v}\n`);
}

/** The floor: bench/support/floor-server.ts (node:http + one better-sqlite3 INSERT per update). */
export async function startFloor(dbFile: string): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = fork(path.join(root, 'bench/support/floor-server.ts'), [dbFile, String(port)], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`floor server exited with code ${code}`)));
  });
  return { port, stop: () => stopChild(child) };
}
