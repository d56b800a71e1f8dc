// The public page with a year of data for 100 communes: 300 dossiers returned per commune
// over the last twelve months (30,000, three in five rated), 24 complaints per commune (2,400,
// four in five resolved with a published answer). Measured over real HTTP on 127.0.0.1: pages
// rendered from the database one at a time (what the first visitor of a minute waits), then
// the page kept for a minute under 8 visitors at once (autocannon).
// Run alone with `npx tsx bench/public-page.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { buildServer } from '../src/http/server.js';
import { publicPages } from '../src/public/page.js';
import { trailingMonths } from '../src/public/figures.js';
import { vnInstant, vnMonth } from '../src/shared/vntime.js';
import { runIfMain } from './support/service.js';

const COMMUNES = 100;
const DOSSIERS_PER_MONTH = 25;
const COMPLAINTS_PER_MONTH = 2;
const SEQUENTIAL = 30;
const LEVELS = ['very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'unsatisfied'] as const;
const OUTCOMES = ['early', 'on_time', 'on_time', 'on_time', 'late'] as const;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const round = (n: number) => Math.round(n * 10) / 10;

export async function benchPublicPage(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-public-'));
  const app = await createApp(testConfig({ DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, RATE_LIMIT_IP_PER_MINUTE: '1000000' }));
  try {
    const { db } = app;
    const seeding = performance.now();
    const province = await db.province.create({ data: { code: 'BN', name: 'Bắc Ninh' } });
    await db.commune.createMany({
      data: Array.from({ length: COMMUNES }, (_, i) => ({
        code: `BN-${String(i).padStart(3, '0')}`,
        name: `Xã Thử Nghiệm ${i + 1}`,
        provinceId: province.id,
        deskAddress: `Trung tâm phục vụ hành chính công xã Thử Nghiệm ${i + 1}`,
        deskPhone: `0222 38${String(i).padStart(2, '0')} 000`,
        deskHours: 'Thứ Hai – thứ Sáu, 7:30–11:30 và 13:30–17:00',
      })),
    });
    const communes = await db.commune.findMany({ where: { provinceId: province.id } });
    const procedure = await db.procedure.findFirstOrThrow();
    const citizen = await db.account.create({ data: { channel: 'console', externalId: 'bench-citizen' } });
    const months = trailingMonths(vnMonth(new Date()));
    let n = 0;
    for (const commune of communes) {
      const dossiers = months.flatMap((month) =>
        Array.from({ length: DOSSIERS_PER_MONTH }, (_, k) => {
          n++;
          const at = vnInstant(`${month}-${String(1 + (k % 27)).padStart(2, '0')}`, '10:00');
          return {
            code: `HS-B${n}`,
            communeId: commune.id,
            procedureId: procedure.id,
            receivedAt: at,
            dueAt: at,
            status: 'returned',
            returnedAt: at,
            outcome: OUTCOMES[n % OUTCOMES.length],
            ratingTokenHash: `bt-${n}`,
            shortCodeHash: `bs-${n}`,
            tokenExpiresAt: at,
          };
        }),
      );
      await db.dossier.createMany({ data: dossiers });
      const rows = await db.dossier.findMany({ where: { communeId: commune.id }, select: { id: true } });
      await db.rating.createMany({
        data: rows
          .filter((_, i) => i % 5 < 3)
          .map((d, i) => {
            const level = LEVELS[i % LEVELS.length];
            return {
              dossierId: d.id,
              accountId: citizen.id,
              questionnaire: 'mot-cua-2025',
              answers: JSON.stringify({ overall: level, timeliness: 'on_time', attitude: 'polite', guidance: 'clear', extra: 'no' }),
              level,
              askedExtra: false,
            };
          }),
      });
      await db.complaint.createMany({
        data: months.flatMap((month, m) =>
          Array.from({ length: COMPLAINTS_PER_MONTH }, (_, k) => {
            const filed = vnInstant(`${month}-${String(3 + k * 10).padStart(2, '0')}`, '09:00');
            const resolved = (m + k) % 5 !== 0;
            return {
              code: `PA-B${commune.id}-${m}-${k}`,
              communeId: commune.id,
              category: k ? 'delay' : 'attitude',
              text: 'Nội dung phản ánh gốc, không bao giờ công bố.',
              status: resolved ? 'resolved' : 'new',
              dueAt: new Date(filed.getTime() + 21 * 86_400_000),
              createdAt: filed,
              resolvedAt: resolved ? new Date(filed.getTime() + 4 * 86_400_000) : null,
              resolution: resolved
                ? 'UBND xã đã làm việc với bộ phận một cửa, kiểm tra sổ theo dõi hồ sơ, nhắc nhở cán bộ liên quan và xin lỗi người dân; hồ sơ đã được giải quyết xong trong ngày.'
                : null,
            };
          }),
        ),
      });
    }
    const seededSeconds = (performance.now() - seeding) / 1000;

    const server = await buildServer(app, [publicPages]);
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const figures: Record<string, number | string> = {
        'communes · dossiers · ratings · complaints': `${COMMUNES} · ${await db.dossier.count()} · ${await db.rating.count()} · ${await db.complaint.count()}`,
        'seeding (s)': round(seededSeconds),
      };
      for (const [label, url] of [
        ['overview /congkhai (100 communes)', `${base}/congkhai`],
        ['one commune /congkhai/<code>', `${base}/congkhai/${communes[37].code}`],
      ] as const) {
        await fetch(`${url}?trang=999`).then((r) => r.text()); // warm-up: chart libraries, JIT
        // Each page of answers is its own cache entry, so pages 1…N are N renders from the database.
        const times: number[] = [];
        let bytes = 0;
        for (let i = 1; i <= SEQUENTIAL; i++) {
          const start = performance.now();
          const res = await fetch(`${url}?trang=${i}`);
          const html = await res.text();
          times.push(performance.now() - start);
          if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
          if (i === 1) bytes = Buffer.byteLength(html);
        }
        times.sort((a, b) => a - b);
        figures[`${label}: rendered from the database, p50 / p99 (ms)`] = `${round(percentile(times, 0.5))} / ${round(percentile(times, 0.99))}`;
        figures[`${label}: HTML (KB)`] = round(bytes / 1024);
        const load = await autocannon({ url: `${url}?trang=1`, connections: 8, duration: 5 });
        figures[`${label}: kept page, 8 visitors at once: pages/s, p99 (ms)`] = `${round(load['2xx'] / load.duration)}, ${load.latency.p99}`;
      }
      return { name: `Public page with a year of data (${COMMUNES} communes), HTTP on 127.0.0.1`, figures };
    } finally {
      await server.close();
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchPublicPage);
