// `npm run bench [name…]`: runs every benchmark in this folder (or the named ones) one after
// another, each in a fresh process so that one's heap and JIT state cannot skew the next, and
// prints their figures as Markdown tables, with the machine they ran on.
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

type BenchResult = { name: string; figures: Record<string, number | string> };
type Bench = () => Promise<BenchResult>;

const dir = path.dirname(fileURLToPath(import.meta.url));

/** In the child: run the benchmarks of one file and send their results to the parent. */
async function runFile(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
  for (const [name, bench] of Object.entries(mod)) {
    if (!name.startsWith('bench') || typeof bench !== 'function') continue;
    try {
      process.send!({ ok: true, result: await (bench as Bench)() });
    } catch (error) {
      process.send!({ ok: false, error: (error as Error).message });
    }
  }
}

type Message = { ok: true; result: BenchResult } | { ok: false; error: string };

function inChild(file: string): Promise<Message[]> {
  return new Promise((resolve, reject) => {
    const messages: Message[] = [];
    const child = fork(fileURLToPath(import.meta.url), ['--one', file], { execArgv: ['--import', 'tsx'] });
    child.on('message', (m) => messages.push(m as Message));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(messages) : reject(new Error(`exited with code ${code}`))));
  });
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .filter((f) => !wanted.length || wanted.includes(f.replace(/\.ts$/, '')))
    .sort();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n\n`,
  );
  let failed = 0;
  for (const file of files) {
    process.stderr.write(`running ${file} …\n`);
    let messages: Message[];
    try {
      messages = await inChild(file);
    } catch (error) {
      messages = [{ ok: false, error: (error as Error).message }];
    }
    for (const m of messages) {
      if (!m.ok) {
        failed++;
        process.stdout.write(`### ${file}: FAILED — ${m.error}\n\n`);
        continue;
      }
      const rows = Object.entries(m.result.figures).map(
        ([k, v]) => `| ${k} | ${typeof v === 'number' ? formatNumber(v) : v} |`,
      );
      process.stdout.write(`### ${m.result.name}\n\n| figure | value |\n|---|---|\n${rows.join('\n')}\n\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

const one = process.argv.indexOf('--one');
if (one >= 0) await runFile(process.argv[one + 1]);
else await main();
