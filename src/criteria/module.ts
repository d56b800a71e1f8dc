// The criteria cycle in conversation: officials report progress (/capnhat, or the buttons of
// the monthly reminder); managers follow it (/tiendo, /xephang, /baocao) and assign owners
// (/phancong). Every command stays within the person's scope.
import type { ConversationModule, Ctx, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { communeIdsInScope, officialsOf } from '../accounts/scope.js';
import { vnMonth } from '../shared/vntime.js';
import { monthlyReport } from '../reports/monthly.js';
import { setOfCommune } from './model.js';
import { loadCommuneStates } from './state.js';
import { monthLabel, ownerName, personName, progressText } from './format.js';
import { rankingText } from './ranking.js';
import { progressAlt, progressChart, rankingAlt, rankingChart } from './charts.js';
import { chartImage, fileSlug } from '../charts/render.js';
import { ownedCriteria, type OwnedCriterion } from './reports.js';
import { reportFlow, startReport } from './report-flow.js';
import { communeInScope, pickCommune } from './pick.js';
import { assignInTx, mayOwn } from './assignments.js';
import { criterionOwners, leadership, staff } from '../accounts/roles.js';

const LABEL_CHARS = 48;

const thisMonth = (ctx: Ctx) => vnMonth(ctx.services.clock.now());
const thisYear = (ctx: Ctx) => Number(thisMonth(ctx).slice(0, 4));

/** Button labels stay short on a phone: cut at a word boundary. */
function label(text: string): string {
  if (text.length <= LABEL_CHARS) return text;
  const cut = text.slice(0, LABEL_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > LABEL_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/** "12:34" → [12, 34]; null unless every part is a whole number. */
function ints(rest: string, count: number): number[] | null {
  const parts = rest.split(':').map(Number);
  return parts.length === count && parts.every(Number.isInteger) ? parts : null;
}

function notAllowed(ctx: Ctx): Reply[] {
  return [{ text: ctx.t('criteria-commune-not-allowed') }];
}

// ─── /capnhat ────────────────────────────────────────────────────────────────

async function report(ctx: Ctx, args: string): Promise<Reply[]> {
  const { db, clock } = ctx.services;
  const owned = await ownedCriteria(db, ctx.account, clock.now());
  const code = args.split(/\s+/)[0]?.toUpperCase();
  if (code) {
    const mine = owned.find((o) => o.criterion.code.toUpperCase() === code);
    if (mine) return startReport(ctx, mine.communeId, mine.criterion.id);
    const set = ctx.account.communeId ? await setOfCommune(db, ctx.account.communeId, thisYear(ctx)) : null;
    const exists = set?.criteria.some((c) => c.code.toUpperCase() === code);
    return [{ text: ctx.t(exists ? 'criteria-report-not-owner' : 'criteria-report-unknown', { code }) }];
  }
  if (!owned.length) return [{ text: ctx.t('criteria-report-none', { year: String(thisYear(ctx)) }) }];
  if (owned.length === 1) return startReport(ctx, owned[0].communeId, owned[0].criterion.id);
  return [{ text: ctx.t('criteria-report-choose', { month: monthLabel(thisMonth(ctx)) }), buttons: column(owned.map((o) => reportButton(o))) }];
}

function reportButton(o: OwnedCriterion) {
  return button(label(`${o.criterion.code} · ${o.criterion.title}`), `crr:${o.communeId}:${o.criterion.id}`);
}

// ─── /tiendo, /xephang, /baocao ──────────────────────────────────────────────

async function progress(ctx: Ctx, communeId: number): Promise<Reply[]> {
  const { db } = ctx.services;
  const { states, owners: people } = await loadCommuneStates(db, [communeId], thisMonth(ctx));
  if (!states.length) return [await noSet(ctx, communeId)];
  const [state] = states;
  const image = await chartImage(
    progressChart(ctx.t, state),
    `${fileSlug('tien-do', state.commune.code, state.month)}.png`,
    progressAlt(ctx.t, state),
  );
  return [{ text: progressText(ctx.t, state, people), image }];
}

async function noSet(ctx: Ctx, communeId: number): Promise<Reply> {
  const commune = await ctx.services.db.commune.findUnique({ where: { id: communeId } });
  return { text: ctx.t('criteria-no-set', { commune: commune?.name ?? '', year: String(thisYear(ctx)) }) };
}

async function ranking(ctx: Ctx): Promise<Reply[]> {
  const scope = await communeIdsInScope(ctx.services.db, ctx.account);
  if (!scope.length) return [{ text: ctx.t('criteria-no-scope') }];
  const month = thisMonth(ctx);
  const { states } = await loadCommuneStates(ctx.services.db, scope, month);
  const text = rankingText(ctx.t, states, month, scope.length - states.length);
  if (!states.length) return [{ text }];
  const image = await chartImage(rankingChart(ctx.t, states, month), `${fileSlug('xep-hang', month)}.png`, rankingAlt(ctx.t, states, month));
  return [{ text, image }];
}

/** "2026-11", "11/2026" or nothing (this month). */
function parseMonth(args: string, fallback: string): string | null {
  const t = args.trim();
  if (!t) return fallback;
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m] = iso ? [Number(iso[1]), Number(iso[2])] : vn ? [Number(vn[2]), Number(vn[1])] : [0, 0];
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}` : null;
}

async function workbook(ctx: Ctx, args: string): Promise<Reply[]> {
  const month = parseMonth(args, thisMonth(ctx));
  if (!month) return [{ text: ctx.t('criteria-xlsx-bad-month') }];
  const scope = await communeIdsInScope(ctx.services.db, ctx.account);
  if (!scope.length) return [{ text: ctx.t('criteria-no-scope') }];
  const document = await monthlyReport(ctx.services, ctx.t, ctx.locale, scope, month);
  return [{ text: ctx.t('criteria-xlsx-caption', { month: monthLabel(month), count: scope.length }), document }];
}

// ─── /phancong ───────────────────────────────────────────────────────────────

async function criteriaToAssign(ctx: Ctx, communeId: number, prefix?: string): Promise<Reply[]> {
  const { db } = ctx.services;
  const set = await setOfCommune(db, communeId, thisYear(ctx));
  if (!set) return [await noSet(ctx, communeId)];
  const commune = await db.commune.findUnique({ where: { id: communeId } });
  const assignments = await db.assignment.findMany({ where: { communeId, criterionId: { in: set.criteria.map((c) => c.id) } } });
  const people = new Map((await db.account.findMany({ where: { id: { in: assignments.map((a) => a.accountId) } } })).map((a) => [a.id, a]));
  const ownerOf = new Map(assignments.map((a) => [a.criterionId, a.accountId]));
  const buttons = set.criteria.map((c) =>
    button(label(`${c.code}: ${ownerName(ctx.t, people, ownerOf.get(c.id) ?? null)}`), `crc:${communeId}:${c.id}`),
  );
  const text = ctx.t('criteria-assign-choose-criterion', { commune: commune?.name ?? '' });
  return [{ text: prefix ? `${prefix}\n\n${text}` : text, buttons: column(buttons) }];
}

async function officialsToChoose(ctx: Ctx, communeId: number, criterionId: number): Promise<Reply[]> {
  const { db } = ctx.services;
  const set = await setOfCommune(db, communeId, thisYear(ctx));
  const criterion = set?.criteria.find((c) => c.id === criterionId);
  if (!criterion) return [{ text: ctx.t('button-expired') }];
  const [officials, current, commune] = await Promise.all([
    officialsOf(db, communeId),
    db.assignment.findUnique({ where: { communeId_criterionId: { communeId, criterionId } } }),
    db.commune.findUnique({ where: { id: communeId } }),
  ]);
  if (!officials.length) return [{ text: ctx.t('criteria-assign-no-officials', { commune: commune?.name ?? '' }) }];
  const buttons = officials.map((o) =>
    button(label(`${personName(ctx.t, o)}${o.id === current?.accountId ? ' ✓' : ''}`), `cro:${communeId}:${criterionId}:${o.id}`),
  );
  return [{ text: ctx.t('criteria-assign-choose-official', { code: criterion.code, title: criterion.title }), buttons: column(buttons) }];
}

async function assign(ctx: Ctx, communeId: number, criterionId: number, accountId: number): Promise<Reply[]> {
  const { db } = ctx.services;
  const [set, owner, commune] = await Promise.all([
    setOfCommune(db, communeId, thisYear(ctx)),
    db.account.findUnique({ where: { id: accountId } }),
    db.commune.findUnique({ where: { id: communeId } }),
  ]);
  const criterion = set?.criteria.find((c) => c.id === criterionId);
  if (!criterion || !owner || !commune) return [{ text: ctx.t('button-expired') }];
  if (!(await mayOwn(db, owner, communeId))) return [{ text: ctx.t('criteria-assign-not-official') }];
  await db.$transaction((tx) =>
    assignInTx(ctx.services, tx, { communeId, communeName: commune.name, criterion, owner, actorId: ctx.account.id }, { notify: true }),
  );
  const done = ctx.t('criteria-assign-done', { code: criterion.code, owner: personName(ctx.t, owner) });
  return criteriaToAssign(ctx, communeId, done);
}

// ─── The module ──────────────────────────────────────────────────────────────

export const criteriaModule: ConversationModule = {
  name: 'criteria',
  commands: [
    { name: 'capnhat', roles: criterionOwners, summary: 'criteria-cmd-capnhat', run: report },
    {
      name: 'tiendo',
      roles: staff,
      summary: 'criteria-cmd-tiendo',
      async run(ctx, args) {
        const picked = await pickCommune(ctx, args, 'crt', 'tiendo');
        return picked.ok ? progress(ctx, picked.communeId) : picked.replies;
      },
    },
    { name: 'xephang', roles: leadership, summary: 'criteria-cmd-xephang', run: ranking },
    { name: 'baocao', roles: leadership, summary: 'criteria-cmd-baocao', run: workbook },
    {
      name: 'phancong',
      roles: leadership,
      summary: 'criteria-cmd-phancong',
      async run(ctx, args) {
        const picked = await pickCommune(ctx, args, 'cra', 'phancong');
        return picked.ok ? criteriaToAssign(ctx, picked.communeId) : picked.replies;
      },
    },
  ],
  flows: [reportFlow],
  buttons: [
    {
      prefix: 'crr',
      roles: criterionOwners,
      async run(ctx, rest) {
        const ids = ints(rest, 2);
        return ids ? startReport(ctx, ids[0], ids[1]) : [{ text: ctx.t('button-expired') }];
      },
    },
    {
      prefix: 'crt',
      roles: staff,
      async run(ctx, rest) {
        const id = await communeInScope(ctx, rest);
        return id === null ? notAllowed(ctx) : progress(ctx, id);
      },
    },
    {
      prefix: 'cra',
      roles: leadership,
      async run(ctx, rest) {
        const id = await communeInScope(ctx, rest);
        return id === null ? notAllowed(ctx) : criteriaToAssign(ctx, id);
      },
    },
    {
      prefix: 'crc',
      roles: leadership,
      async run(ctx, rest) {
        const ids = ints(rest, 2);
        if (!ids || (await communeInScope(ctx, String(ids[0]))) === null) return notAllowed(ctx);
        return officialsToChoose(ctx, ids[0], ids[1]);
      },
    },
    {
      prefix: 'cro',
      roles: leadership,
      async run(ctx, rest) {
        const ids = ints(rest, 3);
        if (!ids || (await communeInScope(ctx, String(ids[0]))) === null) return notAllowed(ctx);
        return assign(ctx, ids[0], ids[1], ids[2]);
      },
    },
  ],
};
