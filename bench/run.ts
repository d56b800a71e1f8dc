// `npm run bench [name…]`: runs every benchmark in this folder (or the named ones) one after
// another and prints their figures as Markdown tables, with the machine they ran on.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

type BenchResult = { name: string; figures: Record<string, number | string> };
type Bench = () => Promise<BenchResult>;

const dir = path.dirname(fileURLToPath(import.meta.url));
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
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
  const benches = Object.entries(mod).filter(([k, v]) => k.startsWith('bench') && typeof v === 'function') as [
    string,
    Bench,
  ][];
  for (const [, bench] of benches) {
    process.stderr.write(`running ${file} …\n`);
    try {
      const result = await bench();
      const rows = Object.entries(result.figures).map(
        ([k, v]) => `| ${k} | ${typeof v === 'number' ? formatNumber(v) : v} |`,
      );
      process.stdout.write(`### ${result.name}\n\n| figure | value |\n|---|---|\n${rows.join('\n')}\n\n`);
    } catch (error) {
      failed++;
      process.stdout.write(`### ${file}: FAILED — ${(error as Error).message}\n\n`);
    }
  }
}
process.exitCode = failed ? 1 : 0;

function formatNumber(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
