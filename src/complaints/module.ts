// Complaints in the chat: /phananh to file, /tracuu to follow, /congkhai for published
// results; /xuly and /phananh_ds for the commune's handlers. Buttons: `cp:<action>:<code>`
// (and `cp:d:<dossier code>`, which the dossier module shows after a poor rating, and
// `cp:k:<category>`, filing with the category chosen, offered when a message reads like a complaint).
import type { ButtonRoute, CommandSpec, ConversationModule, Ctx, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { communeIdsInScope } from '../accounts/scope.js';
import { formatVnDate } from '../shared/vntime.js';
import type { Prisma } from '../generated/prisma/client.js';
import { roleOf } from '../accounts/accounts.js';
import { canHandle, canRead, dossierCodesActedOnBy } from './access.js';
import { beginAction, beginReopen, beginReply, actionFlow } from './action-flow.js';
import { rateResolution } from './citizen.js';
import { findComplaintCode, parseComplaintCode } from './codes.js';
import { matchCommunes } from './communes.js';
import { mentionsDenunciation } from './denunciation.js';
import { Refusal } from '../conversation/refusal.js';
import { filingFlow, legalRedirect, startFiling, startFilingWithCategory } from './filing-flow.js';
import { complaintForHandler } from './handling.js';
import { publicResults } from './public-chat.js';
import { canReopen, statusLabel } from './render.js';
import { isOpen, OPEN_STATUSES, type OfficialAction } from './status.js';
import { handlerView, reporterView } from './views.js';
import { everyone, staff } from '../accounts/roles.js';

const LIST_LIMIT = 30;
const LIST_BUTTONS = 10;
const MINE_LIMIT = 10;

function codeOrRefuse(typed: string): string {
  const code = parseComplaintCode(typed);
  if (!code) throw new Refusal('complaints-not-found', { code: typed.trim().slice(0, 32) });
  return code;
}

/** The reporter's view, or the handler's, or nothing at all for anyone else. */
async function track(ctx: Ctx, typed: string): Promise<Reply[]> {
  const code = codeOrRefuse(typed);
  const complaint = await ctx.services.db.complaint.findUnique({ where: { code } });
  if (!complaint || !(await canRead(ctx.services.db, ctx.account, complaint))) throw new Refusal('complaints-not-found', { code });
  const handler = complaint.reporterId !== ctx.account.id && (await canHandle(ctx.services.db, ctx.account, complaint));
  return [handler ? await handlerView(ctx, complaint) : await reporterView(ctx, complaint)];
}

async function mine(ctx: Ctx): Promise<Reply[]> {
  const rows = await ctx.services.db.complaint.findMany({
    where: { reporterId: ctx.account.id },
    orderBy: { createdAt: 'desc' },
    take: MINE_LIMIT,
  });
  if (!rows.length) return [{ text: ctx.t('complaints-mine-none') }];
  return [
    {
      text: ctx.t('complaints-mine-title'),
      buttons: column(rows.map((c) => button(`${c.code} · ${statusLabel(ctx.t, c.status)}`.slice(0, 60), `cp:t:${c.code}`))),
    },
  ];
}

/**
 * What the person may work in their scope: officials the commune's own complaints (never the
 * leadership's), managers everything but what may be about them, and the rejected ones too,
 * so that no complaint is closed out of the leadership's sight.
 */
async function listFilter(ctx: Ctx): Promise<Prisma.ComplaintWhereInput> {
  const { db } = ctx.services;
  const communeIds = await communeIdsInScope(db, ctx.account);
  const leader = roleOf(ctx.account) !== 'official';
  const statuses = leader ? [...OPEN_STATUSES, 'rejected'] : [...OPEN_STATUSES];
  const base: Prisma.ComplaintWhereInput = { communeId: { in: communeIds }, status: { in: statuses } };
  if (!leader) return { ...base, leadership: false };
  const mine = await dossierCodesActedOnBy(db, ctx.account.id);
  return mine.length ? { ...base, OR: [{ dossierCode: null }, { dossierCode: { notIn: mine } }] } : base;
}

async function openList(ctx: Ctx): Promise<Reply[]> {
  const { db, clock } = ctx.services;
  const where = await listFilter(ctx);
  const [rows, total] = await Promise.all([
    db.complaint.findMany({ where, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: LIST_LIMIT }),
    db.complaint.count({ where }),
  ]);
  if (!rows.length) return [{ text: ctx.t('complaints-list-empty') }];
  const categories = ctx.services.complaintCategories;
  const now = clock.now();
  const lines = rows.map((c) =>
    ctx.t('complaints-list-item', {
      code: c.code,
      category: categories.label(c.category, ctx.locale),
      status: statusLabel(ctx.t, c.status),
      due: formatVnDate(c.dueAt),
      overdue: isOpen(c.status) && c.dueAt < now ? 'yes' : 'no',
    }),
  );
  if (total > rows.length) lines.push(ctx.t('complaints-list-more', { count: total - rows.length }));
  return [
    {
      text: `${ctx.t('complaints-list-title', { count: total })}\n${lines.join('\n')}`,
      buttons: column(rows.slice(0, LIST_BUTTONS).map((c) => button(c.code, `cp:v:${c.code}`))),
    },
  ];
}

async function fileFromDossier(ctx: Ctx, dossierCode: string): Promise<Reply[]> {
  const dossier = await ctx.services.db.dossier.findUnique({ where: { code: dossierCode } });
  if (!dossier) return startFiling(ctx, {}, [{ text: ctx.t('complaints-dossier-link-unknown', { code: dossierCode }) }]);
  return startFiling(ctx, { communeId: dossier.communeId, dossierCode: dossier.code });
}

async function startCommand(ctx: Ctx, args: string): Promise<Reply[]> {
  if (args && mentionsDenunciation(args)) return legalRedirect(ctx);
  const communes = args ? await matchCommunes(ctx.services.db, args) : [];
  return startFiling(ctx, communes.length === 1 ? { communeId: communes[0].id } : {});
}

async function rate(ctx: Ctx, rest: string): Promise<Reply[]> {
  const [typed, verdict] = rest.split(':');
  const satisfied = verdict === '1';
  const complaint = await rateResolution(ctx.services, ctx.account, codeOrRefuse(typed), satisfied);
  const text = ctx.t('complaints-satisfaction-thanks', { satisfied: satisfied ? 'yes' : 'no' });
  const reopen = !satisfied && canReopen(complaint, ctx.services.clock.now()) === 'ok';
  return [reopen ? { text, buttons: [[button(ctx.t('complaints-button-reopen'), `cp:o:${complaint.code}`)]] } : { text }];
}

const officialButtons: Record<string, OfficialAction> = {
  a: 'acknowledge',
  q: 'question',
  n: 'answer',
  r: 'resolve',
  f: 'forward',
  x: 'reject',
};

const complaintButtons: ButtonRoute = {
  prefix: 'cp',
  async run(ctx, rest) {
    const cut = rest.indexOf(':');
    const [kind, arg] = cut > 0 ? [rest.slice(0, cut), rest.slice(cut + 1)] : [rest, ''];
    if (kind === 'd') return fileFromDossier(ctx, arg);
    if (kind === 'k') return startFilingWithCategory(ctx, arg);
    if (kind === 's') return rate(ctx, arg);
    const code = codeOrRefuse(arg);
    if (officialButtons[kind]) return beginAction(ctx, code, officialButtons[kind]);
    switch (kind) {
      case 'v':
        return [await handlerView(ctx, await complaintForHandler(ctx.services, ctx.account, code))];
      case 't':
        return track(ctx, code);
      case 'c':
        return beginReply(ctx, code);
      case 'o':
        return beginReopen(ctx, code);
      default:
        return [{ text: ctx.t('button-expired') }];
    }
  },
};

const commands: CommandSpec[] = [
  {
    name: 'phananh',
    roles: everyone,
    summary: 'complaints-cmd-phananh',
    run: startCommand,
  },
  {
    name: 'tracuu',
    roles: everyone,
    summary: 'complaints-cmd-tracuu',
    run: (ctx, args) => (args ? track(ctx, args) : mine(ctx)),
  },
  {
    name: 'congkhai',
    roles: everyone,
    summary: 'complaints-cmd-congkhai',
    run: publicResults,
  },
  {
    name: 'xuly',
    roles: staff,
    summary: 'complaints-cmd-xuly',
    async run(ctx, args) {
      if (!args) return [{ text: ctx.t('complaints-xuly-usage') }];
      return [await handlerView(ctx, await complaintForHandler(ctx.services, ctx.account, codeOrRefuse(args)))];
    },
  },
  {
    name: 'phananh_ds',
    roles: staff,
    summary: 'complaints-cmd-list',
    run: (ctx) => openList(ctx),
  },
];

/** A complaint code typed anywhere in a message is looked up as /tracuu would. */
async function trackTypedCode(ctx: Ctx, text: string): Promise<Reply[] | null> {
  const code = findComplaintCode(text);
  return code ? track(ctx, code) : null;
}

export const complaintsModule: ConversationModule = {
  name: 'complaints',
  commands,
  flows: [filingFlow, actionFlow],
  buttons: [complaintButtons],
  text: trackTypedCode,
};
