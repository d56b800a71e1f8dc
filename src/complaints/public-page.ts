// The public results page (GET /congkhai, /congkhai/<commune code>): server-rendered HTML in
// Vietnamese, readable on a phone, no JavaScript. It shows what the directives ask to publish
// — category, dates, the resolution summary, working days taken, per-commune figures — and
// never the reporter or the complaint's own text.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Commune } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import type { HttpRoutes } from '../http/server.js';
import type { Locale, MessageId } from '../i18n/index.js';
import { escapeHtml } from '../shared/html.js';
import { formatVnDate, vnDate, vnInstant } from '../shared/vntime.js';
import { complaintFigures, publishedResolutions, type CommuneComplaintFigures } from './figures.js';

const PAGE_ITEMS = 100;
const querySchema = z.object({ nam: z.coerce.number().int().min(2000).max(2100).optional() });
const paramsSchema = z.object({ code: z.string().trim().min(1).max(40) });

/** The Vietnamese calendar year as [from, to). */
export function yearRange(year: number): { from: Date; to: Date } {
  return { from: vnInstant(`${year}-01-01`), to: vnInstant(`${year + 1}-01-01`) };
}

export function currentYear(services: Pick<Services, 'clock'>): number {
  return Number(vnDate(services.clock.now()).slice(0, 4));
}

/** "—" for a figure that has no value yet (nothing resolved), else the number (comma decimal in Vietnamese). */
export function figureText(services: Pick<Services, 'i18n'>, value: number | null, suffix = '', locale: Locale = 'vi'): string {
  if (value === null) return services.i18n.t(locale, 'complaints-no-value');
  return `${locale === 'vi' ? String(value).replace('.', ',') : String(value)}${suffix}`;
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;line-height:1.5;color:#1b1b1b;background:#f7f7f5}
h1{font-size:1.35rem;color:#a31515;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.7rem .9rem;margin:.6rem 0}
.card h3{font-size:1rem;margin:0 0 .3rem}.meta{color:#555;font-size:.9rem;margin:.1rem 0 .4rem}
dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.4rem;margin:0}
dl div{background:#f1f4f8;border-radius:.4rem;padding:.35rem .5rem}dt{font-size:.8rem;color:#555}dd{margin:0;font-size:1.15rem;font-weight:600}
a{color:#0b4f9c}p.lead{color:#333}footer{margin-top:2rem;font-size:.8rem;color:#666}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

function figuresCard(services: Pick<Services, 'i18n'>, f: CommuneComplaintFigures, link: boolean): string {
  const t = (id: MessageId) => escapeHtml(services.i18n.t('vi', id));
  const name = escapeHtml(f.communeName);
  const heading = link ? `<a href="/congkhai/${encodeURIComponent(f.communeCode)}">${name}</a>` : name;
  const cell = (label: MessageId, value: string) => `<div><dt>${t(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  return `<section class="card"><h3>${heading}</h3><dl>${[
    cell('complaints-public-received', String(f.received)),
    cell('complaints-public-resolved', String(f.resolved)),
    cell('complaints-public-ontime', figureText(services, f.onTimePercent, '%')),
    cell('complaints-public-avgdays', figureText(services, f.averageWorkingDays)),
  ].join('')}</dl></section>`;
}

async function render(services: Pick<Services, 'complaintCategories' | 'db' | 'i18n'>, year: number, commune: Commune | null): Promise<string> {
  const { db, i18n } = services;
  const t = i18n.in('vi');
  const categories = services.complaintCategories;
  const communes = commune ? [commune] : await db.commune.findMany({ orderBy: { name: 'asc' } });
  const names = new Map(communes.map((c) => [c.id, c.name]));
  const ids = communes.map((c) => c.id);
  const { from, to } = yearRange(year);
  const [figures, items] = await Promise.all([
    complaintFigures(db, ids, from, to),
    publishedResolutions(db, ids, from, to, PAGE_ITEMS),
  ]);
  const title = commune ? t('complaints-public-commune-title', { commune: commune.name }) : t('complaints-public-title');
  const list = items.length
    ? items
        .map((r) => {
          const where = commune ? '' : ` · ${escapeHtml(names.get(r.communeId) ?? '')}`;
          const dates = t('complaints-public-item-dates', {
            filed: formatVnDate(r.filedAt),
            resolved: formatVnDate(r.resolvedAt),
            days: r.workingDays,
          });
          return `<article class="card"><h3>${escapeHtml(categories.label(r.category, 'vi'))}${where}</h3><p class="meta">${escapeHtml(r.code)} · ${escapeHtml(dates)}</p><p>${escapeHtml(r.resolution)}</p></article>`;
        })
        .join('\n')
    : `<p>${escapeHtml(t('complaints-public-none', { year: String(year) }))}</p>`;
  const body = [
    commune ? `<p><a href="/congkhai?nam=${year}">${escapeHtml(t('complaints-public-all'))}</a></p>` : '',
    `<p class="lead">${escapeHtml(t('complaints-public-intro', { year: String(year) }))}</p>`,
    `<h2>${escapeHtml(t('complaints-public-figures', { year: String(year) }))}</h2>`,
    // The overview lists only communes with something to show; each commune's own page shows its zeros too.
    figures
      .filter((f) => commune || f.received + f.resolved > 0)
      .map((f) => figuresCard(services, f, !commune))
      .join('\n'),
    `<h2>${escapeHtml(t('complaints-public-list'))}</h2>`,
    list,
  ].join('\n');
  return page(title, body);
}

export const complaintPages: HttpRoutes = (server, services) => {
  const respond = async (rawQuery: unknown, code: string | null) => {
    const query = querySchema.safeParse(rawQuery);
    const title = services.i18n.t('vi', 'complaints-public-title');
    if (!query.success) return { status: 400, html: page(title, `<p>${escapeHtml(services.i18n.t('vi', 'complaints-public-bad-year'))}</p>`) };
    const commune = code ? await services.db.commune.findFirst({ where: { code: { in: [code, code.toUpperCase()] } } }) : null;
    if (code && !commune) {
      return { status: 404, html: page(title, `<p>${escapeHtml(services.i18n.t('vi', 'complaints-public-unknown-commune', { code }))}</p>`) };
    }
    return { status: 200, html: await render(services, query.data.nam ?? currentYear(services), commune) };
  };
  const send = (reply: FastifyReply, r: { status: number; html: string }) =>
    reply.code(r.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(r.html);

  server.get('/congkhai', async (request, reply) => send(reply, await respond(request.query, null)));
  server.get('/congkhai/:code', async (request, reply) => {
    const params = paramsSchema.safeParse(request.params);
    return send(reply, await respond(request.query, params.success ? params.data.code : '?'));
  });
};
