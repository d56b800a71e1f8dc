// Chart rendering as the chat sends it: Vega-Lite spec → Vega SVG → resvg PNG, for the three
// chat charts (/tiendo with 5 criteria, /xephang with 30 communes, /hailong with 12 months)
// and the public page's inline SVG trend. The states come from a real database (40 communes on
// the Bắc Giang set with reports); only rendering is timed. The first chart, which loads the
// chart libraries, is reported apart. Run alone with `npx tsx bench/charts.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { I18n } from '../src/i18n/index.js';
import { chartPng, chartSvg, type ChartSpec } from '../src/charts/render.js';
import { CHART_COMMUNES, progressChart, rankingChart } from '../src/criteria/charts.js';
import { loadCommuneStates } from '../src/criteria/state.js';
import { useSet } from '../src/criteria/cli.js';
import { emptyCounts, figuresOf } from '../src/ratings/figures.js';
import { publicTrendChart, satisfactionChart } from '../src/ratings/charts.js';
import { trailingMonths } from '../src/public/figures.js';
import { runIfMain } from './support/service.js';

const RUNS = 200;
const COMMUNES = 40;
const MONTH = '2026-11';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const round = (n: number) => Math.round(n * 10) / 10;

async function specs(): Promise<{ name: string; spec: ChartSpec; svg?: true }[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-charts-'));
  const app = await createApp(testConfig({ DATABASE_URL: `file:${path.join(dir, 'bench.db')}` }));
  try {
    const { db } = app;
    const province = await db.province.create({ data: { code: 'BN', name: 'Bắc Ninh' } });
    const codes: string[] = [];
    for (let i = 0; i < COMMUNES; i++) {
      const code = `BN-${String(i).padStart(3, '0')}`;
      codes.push(code);
      await db.commune.create({ data: { code, name: `Xã Thử Nghiệm Số ${i + 1}`, provinceId: province.id } });
    }
    const used = await useSet(app, 'bac-giang-710-2024', 2026, codes);
    if (!used.ok) throw new Error(used.message);
    const set = await db.criteriaSet.findUniqueOrThrow({ where: { key: 'bac-giang-710-2024' }, include: { criteria: true } });
    const account = await db.account.create({ data: { channel: 'console', externalId: 'bench', role: 'official' } });
    const communes = await db.commune.findMany({ where: { provinceId: province.id } });
    for (const [i, c] of communes.entries()) {
      await db.progressReport.createMany({
        data: set.criteria.map((k, j) => ({
          communeId: c.id,
          criterionId: k.id,
          month: MONTH,
          status: 'done',
          selfScore: Math.round(k.maxPoints * (0.4 + (((i * 7 + j * 3) % 11) / 11) * 0.6) * 2) / 2,
          accountId: account.id,
        })),
      });
    }
    const { states } = await loadCommuneStates(db, communes.map((c) => c.id), MONTH);
    const i18n = new I18n();
    const t = i18n.in('vi');
    const trend = trailingMonths(MONTH).map((month, i) => {
      const c = emptyCounts();
      c.returned = 300 + i * 7;
      c.early = 60;
      c.onTime = 200 + i * 5;
      c.late = c.returned - c.early - c.onTime;
      c.levels = { very_satisfied: 90 + i * 3, satisfied: 80, unsatisfied: 12 - (i % 5) };
      c.rated = c.levels.very_satisfied + c.levels.satisfied + c.levels.unsatisfied;
      return { month, figures: figuresOf(c) };
    });
    return [
      { name: '/tiendo (5 criteria + star levels)', spec: progressChart(t, states[0]) },
      { name: `/xephang (${CHART_COMMUNES} communes shown of 40)`, spec: rankingChart(t, states, MONTH) },
      { name: '/hailong (3 levels + 12-month trend)', spec: satisfactionChart(t, '40 xã, phường', 'năm 2026', trend.at(-1)!.figures, trend) },
      { name: 'public page trend (inline SVG, no PNG)', spec: publicTrendChart(t, trend), svg: true },
    ];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCharts(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const charts = await specs();
  const figures: Record<string, number | string> = {};
  const cold = performance.now();
  await chartPng(charts[0].spec);
  figures['first chart in a process, libraries loaded (ms)'] = round(performance.now() - cold);
  for (const chart of charts) {
    const render = () => (chart.svg ? chartSvg(chart.spec) : chartPng(chart.spec));
    for (let i = 0; i < 10; i++) await render(); // warm-up (JIT)
    // Wall time is what a manager waits for; this process's CPU time is reported too, because
    // on a shared machine the wall-time tail mostly measures the other processes.
    const wall: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    let size = '';
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      const out = await render();
      const used = process.cpuUsage(startCpu);
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
      if (typeof out === 'string') bytes = Buffer.byteLength(out);
      else {
        bytes = out.png.length;
        size = `${out.width}×${out.height}`;
      }
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    figures[`${chart.name}: wall p50 / p99 (ms)`] = `${round(percentile(wall, 0.5))} / ${round(percentile(wall, 0.99))}`;
    figures[`${chart.name}: CPU p50 / p99 (ms)`] = `${round(percentile(cpu, 0.5))} / ${round(percentile(cpu, 0.99))}`;
    figures[`${chart.name}: ${chart.svg ? 'SVG' : `PNG ${size} px,`} KB`] = round(bytes / 1024);
  }
  figures['renders per chart'] = RUNS;
  return { name: `Chart rendering (Vega-Lite → SVG → resvg PNG), ${RUNS} renders each, one at a time`, figures };
}

await runIfMain(import.meta.url, benchCharts);
