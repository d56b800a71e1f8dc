// /congkhai in the chat: the published complaint figures and results of the web page, shortened
// for a phone screen, with a link to the page when the service has a public address.
import type { Ctx, Reply } from '../conversation/types.js';
import type { Services } from '../services.js';
import type { Locale } from '../i18n/index.js';
import { formatVnDate, vnDate } from '../shared/vntime.js';
import { yearRange } from '../shared/periods.js';
import { matchCommunes } from './communes.js';
import { complaintFigures, publishedResolutions, type CommuneComplaintFigures } from './figures.js';

const CHAT_ITEMS = 10;

function currentYear(services: Pick<Services, 'clock'>): number {
  return Number(vnDate(services.clock.now()).slice(0, 4));
}

/** "—" for a figure that has no value yet (nothing resolved), else the number (comma decimal in Vietnamese). */
function figureText(services: Pick<Services, 'i18n'>, value: number | null, suffix = '', locale: Locale = 'vi'): string {
  if (value === null) return services.i18n.t(locale, 'complaints-no-value');
  return `${locale === 'vi' ? String(value).replace('.', ',') : String(value)}${suffix}`;
}
/** Above this many communes the overview asks for one commune instead of listing them all. */
const CHAT_COMMUNES = 20;

function figuresLine(ctx: Ctx, f: CommuneComplaintFigures): string {
  return ctx.t('complaints-public-chat-figures', {
    commune: f.communeName,
    received: f.received,
    resolved: f.resolved,
    ontime: figureText(ctx.services, f.onTimePercent, '%', ctx.locale),
    avg: figureText(ctx.services, f.averageWorkingDays, '', ctx.locale),
  });
}

function pageLink(ctx: Ctx, path: string): string[] {
  const base = ctx.services.config.PUBLIC_URL?.replace(/\/+$/, '');
  return base ? ['', ctx.t('complaints-public-chat-link', { url: `${base}${path}` })] : [];
}

export async function publicResults(ctx: Ctx, args: string): Promise<Reply[]> {
  const { db } = ctx.services;
  const year = currentYear(ctx.services);
  const { from, to } = yearRange(year);
  const communes = await db.commune.findMany({ orderBy: { name: 'asc' } });
  const example = communes[0]?.code ?? 'BG-TANTIEN';

  if (!args) {
    const lines = [ctx.t('complaints-public-intro', { year: String(year) })];
    if (communes.length <= CHAT_COMMUNES) {
      const figures = await complaintFigures(db, communes.map((c) => c.id), from, to);
      lines.push('', ...figures.map((f) => figuresLine(ctx, f)));
    }
    lines.push('', ctx.t('complaints-public-chat-usage', { example }), ...pageLink(ctx, '/congkhai'));
    return [{ text: lines.join('\n') }];
  }

  const found = await matchCommunes(db, args);
  if (found.length !== 1) {
    const text = found.length ? ctx.t('complaints-commune-several', { typed: args }) : ctx.t('complaints-commune-unknown', { typed: args });
    const options = found.slice(0, CHAT_COMMUNES).map((c) => `• ${c.name}: /congkhai ${c.code}`);
    return [{ text: [text, ...options].join('\n') }];
  }
  const commune = found[0];
  const [figures] = await complaintFigures(db, [commune.id], from, to);
  const items = await publishedResolutions(db, [commune.id], from, to, CHAT_ITEMS);
  const categories = ctx.services.complaintCategories;
  const lines = [figuresLine(ctx, figures), ''];
  if (!items.length) lines.push(ctx.t('complaints-public-none', { year: String(year) }));
  for (const r of items) {
    lines.push(
      ctx.t('complaints-public-chat-item', {
        code: r.code,
        category: categories.label(r.category, ctx.locale),
        filed: formatVnDate(r.filedAt),
        resolved: formatVnDate(r.resolvedAt),
        days: r.workingDays,
        summary: r.resolution,
      }),
    );
  }
  lines.push(...pageLink(ctx, `/congkhai/${encodeURIComponent(commune.code)}`));
  return [{ text: lines.join('\n') }];
}
