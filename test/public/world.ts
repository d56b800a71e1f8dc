// A province with a year of activity for the public page's suites: the demo communes, dossiers
// returned month by month with ratings on the national scale, and resolved complaints whose
// published answers include an official's answer with markup in it. Reporters have names,
// phone numbers and texts of their own, which the page must never show.
import type { FastifyInstance } from 'fastify';
import type { Commune } from '../../src/generated/prisma/client.js';
import { buildServer } from '../../src/http/server.js';
import { publicPages } from '../../src/public/page.js';
import { FakeClock } from '../../src/shared/clock.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { makeTestApp, type TestApp } from '../support/app.js';

export const INJECTED = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">Đã xử lý';
export const SECRETS = ['Nguyễn Văn Bình', '0912345678', 'Cán bộ Long đòi 500 nghìn', 'Góp ý riêng của tôi'];

export interface PublicWorld {
  app: TestApp;
  clock: FakeClock;
  server: FastifyInstance;
  base: string;
  tanTien: Commune;
  yenThe: Commune;
  close(): Promise<void>;
}

type Level = 'very_satisfied' | 'satisfied' | 'unsatisfied';

export async function makePublicWorld(): Promise<PublicWorld> {
  // Friday 20 November 2026, 09:00 in Vietnam: the month is November, the quarter Q4.
  const clock = new FakeClock(vnInstant('2026-11-20', '09:00'));
  const app = await makeTestApp({ DEMO_DATA: 'true', RATE_LIMIT_IP_PER_MINUTE: '100000' }, { clock });
  const { db } = app;
  const commune = (code: string) => db.commune.findUniqueOrThrow({ where: { code } });
  const [tanTien, yenThe] = [await commune('BG-TANTIEN'), await commune('BG-YENTHE')];
  const procedure = await db.procedure.findFirstOrThrow();
  const reporter = await db.account.create({ data: { channel: 'console', externalId: 'dan-binh', displayName: 'Nguyễn Văn Bình' } });
  let n = 0;

  const returned = async (c: Commune, day: string, outcome: 'early' | 'on_time' | 'late', level?: Level) => {
    n++;
    const at = vnInstant(day, '10:00');
    const d = await db.dossier.create({
      data: {
        code: `HS-P${n}`,
        communeId: c.id,
        procedureId: procedure.id,
        citizenName: 'Nguyễn Văn Bình',
        receivedAt: vnInstant(day, '08:00'),
        dueAt: at,
        status: 'returned',
        returnedAt: at,
        outcome,
        ratingTokenHash: `pt-${n}`,
        shortCodeHash: `ps-${n}`,
        tokenExpiresAt: vnInstant('2027-12-31'),
      },
    });
    if (level) {
      await db.rating.create({
        data: {
          dossierId: d.id,
          accountId: reporter.id,
          questionnaire: 'mot-cua-2025',
          answers: JSON.stringify({ overall: level, timeliness: 'on_time', attitude: 'polite', guidance: 'clear', extra: 'no' }),
          level,
          askedExtra: false,
          comment: 'Góp ý riêng của tôi, số 0912345678',
        },
      });
    }
  };

  // November in Tân Tiến: 10 returned (2 early, 6 on time, 2 late), 8 rated: 4 / 3 / 1.
  const november: [string, 'early' | 'on_time' | 'late', Level | undefined][] = [
    ['2026-11-02', 'early', 'very_satisfied'],
    ['2026-11-03', 'early', 'very_satisfied'],
    ['2026-11-04', 'on_time', 'very_satisfied'],
    ['2026-11-05', 'on_time', 'very_satisfied'],
    ['2026-11-06', 'on_time', 'satisfied'],
    ['2026-11-09', 'on_time', 'satisfied'],
    ['2026-11-10', 'on_time', 'satisfied'],
    ['2026-11-11', 'on_time', 'unsatisfied'],
    ['2026-11-12', 'late', undefined],
    ['2026-11-13', 'late', undefined],
  ];
  for (const [day, outcome, level] of november) await returned(tanTien, day, outcome, level);
  // October (same quarter) and earlier months of the year; one month of last year for the trend.
  for (const [day, level] of [['2026-10-05', 'satisfied'], ['2026-10-06', 'unsatisfied'], ['2026-07-01', 'very_satisfied'], ['2026-02-10', 'satisfied'], ['2025-12-15', 'unsatisfied']] as const) {
    await returned(tanTien, day, 'on_time', level);
  }
  await returned(yenThe, '2026-11-05', 'late', 'unsatisfied');

  // Twelve resolved complaints in Tân Tiến this year (newest first on the page), one with markup in its answer.
  for (let i = 1; i <= 12; i++) {
    const filed = vnInstant(`2026-${String(Math.min(11, i)).padStart(2, '0')}-02`, '09:00');
    await db.complaint.create({
      data: {
        code: `PA-2026-T${String(i).padStart(3, '0')}`,
        communeId: tanTien.id,
        category: i % 2 ? 'delay' : 'extra_pay',
        text: 'Cán bộ Long đòi 500 nghìn, gọi tôi số 0912345678',
        reporterId: reporter.id,
        status: 'resolved',
        dueAt: new Date(filed.getTime() + 20 * 86_400_000),
        createdAt: filed,
        resolvedAt: new Date(filed.getTime() + (i === 12 ? 3 : 2) * 86_400_000),
        resolution: i === 12 ? INJECTED : `Trả lời số ${i}: đã làm việc với bộ phận một cửa và khắc phục.`,
      },
    });
  }
  await db.complaint.create({
    data: { code: 'PA-2026-OPEN1', communeId: tanTien.id, category: 'delay', text: 'Đang chờ', reporterId: reporter.id, dueAt: vnInstant('2026-12-10'), createdAt: vnInstant('2026-11-18') },
  });

  const server = await buildServer(app, [publicPages]);
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    clock,
    server,
    base,
    tanTien,
    yenThe,
    async close() {
      await server.close();
      await app.close();
    },
  };
}
