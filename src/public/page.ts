// The public results page (GET /congkhai, /congkhai/<commune code>): the page a commune links
// from its website and prints as a QR code at the desk. It shows the desk's address, hours and
// hotline; satisfaction on the national 3-level scale and the on-time rate of dossiers for the
// month, the quarter and the year; the twelve-month trend as inline SVG; the year's complaint
// figures; the resolved complaints with the published answer, ten to a page; and when it was
// computed (a page is kept a minute). Never a reporter, a rating comment or a complaint's own
// text. In Vietnamese.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Services } from '../services.js';
import type { Commune } from '../generated/prisma/client.js';
import type { HttpRoutes } from '../http/server.js';
import type { MessageId, Translate } from '../i18n/index.js';
import { escapeHtml } from '../shared/html.js';
import { formatVnDate, formatVnDateTime, vnMonth } from '../shared/vntime.js';
import { chartSvg } from '../charts/render.js';
import { publishedResolutions, type CommuneComplaintFigures } from '../complaints/figures.js';
import { monthTick, publicTrendChart } from '../ratings/charts.js';
import type { SatisfactionFigures } from '../ratings/figures.js';
import { yearRange } from '../shared/periods.js';
import { publicFigures, type PublicFigures, type PublicPeriod } from './figures.js';
import { accessibleSvg, cells, num, page, pct } from './html.js';

/** Resolved complaints per page: keeps the page small (under 50 KB) even with long answers. */
export const PAGE_ITEMS = 10;
/** On the overview an answer is cut here, with a link to the commune's page for the rest. */
const OVERVIEW_ANSWER_CHARS = 280;

const querySchema = z.object({
  nam: z.coerce.number().int().min(2000).max(2100).optional(),
  trang: z.coerce.number().int().min(1).max(100_000).optional(),
});
const paramsSchema = z.object({ code: z.string().trim().min(1).max(40) });

type T = Translate;
/** What rendering the page reads. */
type PageServices = Pick<Services, 'db' | 'clock' | 'i18n' | 'complaintCategories'>;

/** The month the page is "as of": this month for this year, December for a past year. */
function referenceMonth(services: Pick<Services, 'clock'>, year: number): string {
  const now = vnMonth(services.clock.now());
  const thisYear = Number(now.slice(0, 4));
  return year === thisYear ? now : year < thisYear ? `${year}-12` : `${year}-01`;
}

function periodTitle(t: T, p: PublicPeriod, toDate: boolean): string {
  const last = p.months.at(-1)!;
  const [year, month] = [last.slice(0, 4), last.slice(5, 7)];
  if (p.kind === 'month') return t('public-period-month', { month: `${month}/${year}` });
  if (p.kind === 'quarter') return t('public-period-quarter', { quarter: Math.ceil(Number(month) / 3), year });
  return t('public-period-year', { year, toDate: toDate ? 'yes' : 'no' });
}

function periodCard(t: T, p: PublicPeriod, toDate: boolean): string {
  const f = p.total;
  const none = t('complaints-no-value');
  return `<section class="card"><h3>${escapeHtml(periodTitle(t, p, toDate))}</h3>${cells([
    [t('public-satisfied'), pct(f.satisfiedPct, none)],
    [t('public-unsatisfied'), pct(f.levelPct.unsatisfied, none)],
    [t('public-rated'), num(f.rated)],
    [t('public-in-time'), pct(f.inTimePct, none)],
  ])}<p class="meta">${escapeHtml(
    t('public-levels', { very: num(f.levels.very_satisfied), satisfied: num(f.levels.satisfied), unsatisfied: num(f.levels.unsatisfied), returned: num(f.returned) }),
  )}</p></section>`;
}

async function trendFigure(t: T, figures: PublicFigures): Promise<string> {
  const { trend } = figures;
  const months = trend.map((m) => m.month);
  const label = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
  const chart = publicTrendChart(t, trend) as { config?: object };
  // The browser draws the text: the page's own fonts, since Be Vietnam Pro is not served.
  const spec = { ...chart, config: { ...chart.config, font: `system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif`, aria: false } };
  const svg = accessibleSvg(await chartSvg(spec as Parameters<typeof chartSvg>[0]), 'trend-caption');
  const none = t('complaints-no-value');
  const rows = trend
    .map(
      (m) =>
        `<tr><th scope="row">${escapeHtml(monthTick(t, m.month, months))}</th><td>${pct(m.figures.satisfiedPct, none)}</td><td>${pct(m.figures.inTimePct, none)}</td><td>${num(m.figures.rated)}</td></tr>`,
    )
    .join('');
  return `<h2>${escapeHtml(t('public-trend'))}</h2>
<figure><figcaption id="trend-caption">${escapeHtml(t('public-trend-caption', { from: label(months[0]), to: label(months.at(-1)!) }))}</figcaption>
${svg}
<details><summary>${escapeHtml(t('public-trend-table'))}</summary><table><thead><tr><th scope="col">${escapeHtml(t('public-month'))}</th><th scope="col">${escapeHtml(t('public-satisfied'))}</th><th scope="col">${escapeHtml(t('public-in-time'))}</th><th scope="col">${escapeHtml(t('public-rated'))}</th></tr></thead><tbody>${rows}</tbody></table></details></figure>`;
}

function complaintCells(t: T, f: CommuneComplaintFigures): string {
  const none = t('complaints-no-value');
  return cells([
    [t('complaints-public-received'), num(f.received)],
    [t('complaints-public-resolved'), num(f.resolved)],
    [t('complaints-public-ontime'), pct(f.onTimePercent, none)],
    [t('complaints-public-avgdays'), f.averageWorkingDays === null ? none : num(f.averageWorkingDays)],
  ]);
}

function communesTable(t: T, year: number, figures: PublicFigures, communes: Commune[]): string {
  const yearFigures = figures.periods.find((p) => p.kind === 'year')!;
  const complaints = new Map(figures.complaints.map((c) => [c.communeId, c]));
  const none = t('complaints-no-value');
  const rows = communes
    .map((c) => {
      const f: SatisfactionFigures | undefined = yearFigures.byCommune.get(c.id);
      const k = complaints.get(c.id);
      return `<tr><th scope="row"><a href="/congkhai/${encodeURIComponent(c.code)}">${escapeHtml(c.name)}</a></th><td>${pct(f?.satisfiedPct ?? null, none)}</td><td>${pct(f?.inTimePct ?? null, none)}</td><td>${num(k?.received ?? 0)}/${num(k?.resolved ?? 0)}</td></tr>`;
    })
    .join('');
  return `<h2>${escapeHtml(t('public-communes'))}</h2>
<table><caption>${escapeHtml(t('public-communes-caption', { year: String(year) }))}</caption><thead><tr><th scope="col">${escapeHtml(t('public-commune'))}</th><th scope="col">${escapeHtml(t('public-satisfied'))}</th><th scope="col">${escapeHtml(t('public-in-time'))}</th><th scope="col">${escapeHtml(t('public-complaints-col'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function clip(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${space > max / 2 ? cut.slice(0, space) : cut}…`, clipped: true };
}

async function resolvedList(services: PageServices, t: T, year: number, communes: Commune[], one: Commune | null, pageNo: number): Promise<string> {
  const { from, to } = yearRange(year);
  const items = await publishedResolutions(services.db, communes.map((c) => c.id), from, to, PAGE_ITEMS + 1, (pageNo - 1) * PAGE_ITEMS);
  const more = items.length > PAGE_ITEMS;
  const categories = services.complaintCategories;
  const byId = new Map(communes.map((c) => [c.id, c]));
  const list = items.slice(0, PAGE_ITEMS).map((r) => {
    const commune = byId.get(r.communeId);
    const where = one || !commune ? '' : ` · ${escapeHtml(commune.name)}`;
    const dates = t('complaints-public-item-dates', { filed: formatVnDate(r.filedAt), resolved: formatVnDate(r.resolvedAt), days: r.workingDays });
    const answer = one ? { text: r.resolution, clipped: false } : clip(r.resolution, OVERVIEW_ANSWER_CHARS);
    const link =
      answer.clipped && commune
        ? ` <a href="/congkhai/${encodeURIComponent(commune.code)}?nam=${year}#${encodeURIComponent(r.code)}">${escapeHtml(t('public-read-more'))}</a>`
        : '';
    return `<article class="card" id="${escapeHtml(r.code)}"><h3>${escapeHtml(categories.label(r.category, 'vi'))}${where}</h3><p class="meta">${escapeHtml(r.code)} · ${escapeHtml(dates)}</p><p>${escapeHtml(answer.text)}${link}</p></article>`;
  });
  const base = one ? `/congkhai/${encodeURIComponent(one.code)}` : '/congkhai';
  const to_ = (n: number) => `${base}?nam=${year}${n > 1 ? `&amp;trang=${n}` : ''}`;
  const pager =
    pageNo > 1 || more
      ? `<nav class="pager" aria-label="${escapeHtml(t('public-page-of', { page: pageNo }))}">${pageNo > 1 ? `<a href="${to_(pageNo - 1)}">${escapeHtml(t('public-page-newer'))}</a>` : '<span></span>'}${more ? `<a href="${to_(pageNo + 1)}">${escapeHtml(t('public-page-older'))}</a>` : ''}</nav>`
      : '';
  const body = list.length ? list.join('\n') : `<p>${escapeHtml(t('complaints-public-none', { year: String(year) }))}</p>`;
  return `<h2>${escapeHtml(t('public-resolved'))}</h2>\n${body}\n${pager}`;
}

function deskBlock(t: T, c: Commune): string {
  const items: string[] = [];
  if (c.deskAddress) items.push(`<div><dt>${escapeHtml(t('public-desk'))}</dt><dd>${escapeHtml(c.deskAddress)}</dd></div>`);
  if (c.deskHours) items.push(`<div><dt>${escapeHtml(t('public-hours'))}</dt><dd>${escapeHtml(c.deskHours)}</dd></div>`);
  if (c.deskPhone) {
    const dial = c.deskPhone.replace(/[^\d+]/g, '');
    items.push(`<div><dt>${escapeHtml(t('public-hotline'))}</dt><dd><a href="tel:${escapeHtml(dial)}">${escapeHtml(c.deskPhone)}</a></dd></div>`);
  }
  return items.length ? `<dl class="desk">${items.join('')}</dl>` : '';
}

export interface PageRequest {
  year: number;
  page: number;
  commune: Commune | null;
}

/** The whole page for a year (and one commune, or all of them). */
export async function renderPublicPage(services: PageServices, req: PageRequest): Promise<string> {
  const t = services.i18n.in('vi');
  const { year, commune } = req;
  const communes = commune ? [commune] : await services.db.commune.findMany({ orderBy: { name: 'asc' } });
  const month = referenceMonth(services, year);
  const figures = await publicFigures(services.db, communes.map((c) => c.id), month);
  const toDate = month === vnMonth(services.clock.now());
  const title = commune ? t('public-commune-title', { commune: commune.name }) : t('public-title');
  const header = [
    commune ? `<p class="crumb"><a href="/congkhai?nam=${year}">${escapeHtml(t('public-all'))}</a></p>` : '',
    `<h1>${escapeHtml(title)}</h1>`,
    commune ? deskBlock(t, commune) : '',
  ].join('\n');
  const complaints = commune
    ? complaintCells(t, figures.complaints[0])
    : complaintCells(t, totalComplaints(figures.complaints));
  const main = [
    `<h2>${escapeHtml(t('public-satisfaction'))}</h2>`,
    `<p class="lead">${escapeHtml(t('public-satisfaction-intro'))}</p>`,
    ...figures.periods.map((p) => periodCard(t, p, toDate)),
    await trendFigure(t, figures),
    commune ? '' : communesTable(t, year, figures, communes),
    `<h2>${escapeHtml(t('public-complaints', { year: String(year) }))}</h2>`,
    `<section class="card">${complaints}</section>`,
    await resolvedList(services, t, year, communes, commune, req.page),
  ].join('\n');
  const updated = formatVnDateTime(services.clock.now());
  const footer = `<p>${escapeHtml(t('public-updated', { time: updated.slice(11), date: updated.slice(0, 10) }))}</p><p>${escapeHtml(t('public-privacy'))}</p>`;
  return page(title, `<header>\n${header}\n</header>\n<main>\n${main}\n</main>`, footer);
}

function totalComplaints(list: CommuneComplaintFigures[]): CommuneComplaintFigures {
  const received = list.reduce((s, f) => s + f.received, 0);
  const resolved = list.reduce((s, f) => s + f.resolved, 0);
  const onTime = list.reduce((s, f) => s + f.resolvedOnTime, 0);
  const days = list.reduce((s, f) => s + (f.averageWorkingDays ?? 0) * f.resolved, 0);
  const one = (n: number) => Math.round(n * 10) / 10;
  return {
    communeId: 0,
    communeCode: '',
    communeName: '',
    received,
    resolved,
    resolvedOnTime: onTime,
    onTimePercent: resolved ? one((onTime / resolved) * 100) : null,
    averageWorkingDays: resolved ? one(days / resolved) : null,
  };
}

/**
 * Pages are kept this long: the figures are read from a year of dossiers, and a page linked from
 * a commune's website or scanned at the desk is asked for far more often than they change. The
 * page says when its figures were read, and proxies may keep it as long (Cache-Control).
 */
export const PAGE_CACHE_MS = 60_000;
/** Distinct pages kept at most (communes × years × pages of answers); the oldest go first. */
const CACHE_ENTRIES = 500;

export const publicPages: HttpRoutes = (server, services) => {
  const t = services.i18n.in('vi');
  const title = t('public-title');
  // The promise is kept, so visitors arriving while a page renders wait for that one render.
  const cache = new Map<string, { at: number; html: Promise<string> }>();
  const cached = (key: string, render: () => Promise<string>): Promise<string> => {
    const now = services.clock.now().getTime();
    const hit = cache.get(key);
    if (hit && now - hit.at < PAGE_CACHE_MS) return hit.html;
    const html = render();
    cache.delete(key);
    cache.set(key, { at: now, html });
    html.catch(() => cache.delete(key));
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    return html;
  };
  const respond = async (rawQuery: unknown, code: string | null): Promise<{ status: number; html: string }> => {
    const query = querySchema.safeParse(rawQuery);
    if (!query.success) {
      const bad: MessageId = query.error.issues.some((i) => i.path[0] === 'trang') ? 'public-bad-page' : 'complaints-public-bad-year';
      return { status: 400, html: page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(bad))}</p>`) };
    }
    const commune = code ? await services.db.commune.findFirst({ where: { code: { in: [code, code.toUpperCase()] } } }) : null;
    if (code && !commune) {
      return { status: 404, html: page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(t('complaints-public-unknown-commune', { code }))}</p>`) };
    }
    const year = query.data.nam ?? Number(vnMonth(services.clock.now()).slice(0, 4));
    const pageNo = query.data.trang ?? 1;
    const html = await cached(`${commune?.code ?? '*'}:${year}:${pageNo}`, () => renderPublicPage(services, { year, page: pageNo, commune }));
    return { status: 200, html };
  };
  const send = (reply: FastifyReply, r: { status: number; html: string }) =>
    reply
      .code(r.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      // Nothing on the page runs or loads: even an injected tag could do nothing.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff')
      .send(r.html);

  server.get('/congkhai', async (request, reply) => send(reply, await respond(request.query, null)));
  server.get('/congkhai/:code', async (request, reply) => {
    const params = paramsSchema.safeParse(request.params);
    return send(reply, await respond(request.query, params.success ? params.data.code : '?'));
  });
};
