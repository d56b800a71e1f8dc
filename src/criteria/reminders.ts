// The monthly messages of the criteria cycle: the reminder on the 1st (one message per
// official listing all their criteria), the nudge before the deadline (only criteria not yet
// reported this month) and the managers' summary after it.
//
// Exactly once per recipient and month: each message has a dedupKey, so a re-run after a crash,
// a catch-up, or a second run after new assignments sends only what is missing. Composing reads
// the states in chunks of communes (a fixed number of queries per chunk, see state.ts) and writes
// each chunk's messages in one transaction.
import type { Translate } from '../i18n/index.js';
import type { Services } from '../services.js';
import type { Db } from '../db/index.js';
import { enqueueMany } from '../outbox/enqueue.js';
import { localeOf } from '../accounts/accounts.js';
import type { Button, Reply } from '../conversation/types.js';
import { button } from '../conversation/replies.js';
import type { SetInfo } from './model.js';
import { COMMUNE_CHUNK, loadCommuneStates, type CommuneState, type CriterionState, type OwnerInfo } from './state.js';
import { communeLine, criterionHeading, deadlineLabel, monthLabel, progressText, reportLine } from './format.js';
import { addTo } from '../shared/maps.js';

/** Roles that receive reminders for the criteria they own. */
const OWNER_ROLES = new Set(['official', 'manager', 'admin']);
/** A summary lists at most this many communes; /baocao has them all. */
const SUMMARY_LINES = 40;
const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

export interface SendResult {
  /** Messages written to the outbox by this run. */
  enqueued: number;
  /** Recipients already served for the period (earlier run). */
  skipped: number;
}

type Kind = 'remind' | 'nudge';

export function dedupKey(kind: Kind | 'summary', month: string, accountId: number): string {
  return `crit-${kind}:${month}:${accountId}`;
}

/** The reminder of the month for every responsible official. `chunk`: communes read at a time. */
export function sendMonthlyReminders(services: Pick<Services, 'config' | 'db' | 'i18n'>, month: string, chunk = COMMUNE_CHUNK): Promise<SendResult> {
  return sendToOwners(services, month, 'remind', chunk);
}

/** The nudge: only officials with a criterion not yet reported this month. */
export function sendNudges(services: Pick<Services, 'config' | 'db' | 'i18n'>, month: string, chunk = COMMUNE_CHUNK): Promise<SendResult> {
  return sendToOwners(services, month, 'nudge', chunk);
}

interface OwnerWork {
  owner: OwnerInfo;
  items: { state: CommuneState; criterion: CriterionState }[];
}

async function sendToOwners(services: Pick<Services, 'config' | 'db' | 'i18n'>, month: string, kind: Kind, chunk: number): Promise<SendResult> {
  const { db } = services;
  const year = Number(month.slice(0, 4));
  const communeIds = (await db.communeSet.findMany({ where: { year }, select: { communeId: true }, orderBy: { communeId: 'asc' } })).map(
    (l) => l.communeId,
  );
  const spanning = await ownersSpanningChunks(db, communeIds, chunk);
  const deferred = new Map<number, OwnerWork>();
  const sets = new Map<number, SetInfo>();
  const result: SendResult = { enqueued: 0, skipped: 0 };

  for (let i = 0; i < communeIds.length; i += chunk) {
    const { states, owners } = await loadCommuneStates(db, communeIds.slice(i, i + chunk), month, sets);
    const work = groupByOwner(states, owners, kind);
    // An owner with criteria in several chunks is sent one message once all chunks are read.
    for (const [id, w] of work) {
      if (!spanning.has(id)) continue;
      const kept = deferred.get(id);
      if (kept) kept.items.push(...w.items);
      else deferred.set(id, w);
      work.delete(id);
    }
    add(result, await write(services, month, kind, [...work.values()].map((w) => toOwner(services, month, kind, w))));
  }
  add(result, await write(services, month, kind, [...deferred.values()].map((w) => toOwner(services, month, kind, w))));
  return result;
}

/** Owners whose assignments fall in more than one chunk of communes (rare: a manager owning criteria). */
async function ownersSpanningChunks(db: Db, communeIds: number[], chunk: number): Promise<Set<number>> {
  const chunkOf = new Map(communeIds.map((id, i) => [id, Math.floor(i / chunk)]));
  const firstChunk = new Map<number, number>();
  const spanning = new Set<number>();
  for (const a of await db.assignment.findMany({ select: { accountId: true, communeId: true } })) {
    const at = chunkOf.get(a.communeId);
    if (at === undefined) continue;
    const seen = firstChunk.get(a.accountId);
    if (seen === undefined) firstChunk.set(a.accountId, at);
    else if (seen !== at) spanning.add(a.accountId);
  }
  return spanning;
}

function groupByOwner(states: CommuneState[], owners: Map<number, OwnerInfo>, kind: Kind): Map<number, OwnerWork> {
  const work = new Map<number, OwnerWork>();
  for (const state of states) {
    for (const criterion of state.criteria) {
      const owner = criterion.ownerId === null ? undefined : owners.get(criterion.ownerId);
      if (!owner || !OWNER_ROLES.has(owner.role)) continue;
      if (kind === 'nudge' && criterion.inMonth) continue;
      const w = work.get(owner.id) ?? { owner, items: [] };
      w.items.push({ state, criterion });
      work.set(owner.id, w);
    }
  }
  return work;
}

function add(into: SendResult, more: SendResult): void {
  into.enqueued += more.enqueued;
  into.skipped += more.skipped;
}

/** A message to compose for one recipient, in their language, if they were not served yet. */
interface Outgoing {
  to: OwnerInfo;
  compose(t: Translate): Reply;
}

/** Writes the messages of recipients not yet served for the month, in one transaction. */
async function write(services: Pick<Services, 'db' | 'i18n'>, month: string, kind: Kind | 'summary', outgoing: Outgoing[]): Promise<SendResult> {
  if (!outgoing.length) return { enqueued: 0, skipped: 0 };
  const keys = outgoing.map((o) => dedupKey(kind, month, o.to.id));
  const done = new Set(
    (await services.db.outboxMessage.findMany({ where: { dedupKey: { in: keys } }, select: { dedupKey: true } })).map((r) => r.dedupKey),
  );
  // Only recipients not served yet are composed; enqueueMany checks the keys again inside
  // the transaction, so a concurrent run cannot write anyone twice.
  const items = outgoing.flatMap((o, i) => {
    if (done.has(keys[i])) return [];
    const t: Translate = (id, args) => services.i18n.t(localeOf(o.to), id, args);
    return [{ to: o.to, reply: o.compose(t), dedupKey: keys[i] }];
  });
  const enqueued = await services.db.$transaction((tx) => enqueueMany(tx, items), TX_OPTIONS);
  return { enqueued, skipped: outgoing.length - enqueued };
}

function toOwner(services: Pick<Services, 'config'>, month: string, kind: Kind, w: OwnerWork): Outgoing {
  return { to: w.owner, compose: (t) => ownerReply(services, t, month, kind, w) };
}

function ownerReply(services: Pick<Services, 'config'>, t: Translate, month: string, kind: Kind, w: OwnerWork): Reply {
  const deadline = deadlineLabel(month, services.config.CRITERIA_REPORT_DAY);
  const lines =
    kind === 'remind'
      ? [t('criteria-remind-title', { month: monthLabel(month) }), t('criteria-remind-intro', { count: w.items.length })]
      : [t('criteria-nudge-title', { month: monthLabel(month), date: deadline }), t('criteria-nudge-intro', { count: w.items.length })];
  let commune = -1;
  const buttons: Button[] = [];
  w.items.forEach(({ state, criterion: c }, i) => {
    if (state.commune.id !== commune) {
      commune = state.commune.id;
      lines.push('', t('criteria-commune-set', { commune: state.commune.name, decision: state.set.decision }));
    }
    lines.push(`${i + 1}. ${criterionHeading(t, c.criterion)}`);
    if (kind === 'remind') {
      lines.push(`   ${c.previous ? reportLine(t, c.previous, c.criterion.maxPoints) : t('criteria-no-report')}`);
    }
    if (c.missingEvidence.length) lines.push(`   ${t('criteria-evidence-missing', { docs: c.missingEvidence.join('; ') })}`);
    else if (c.criterion.evidence.length) lines.push(`   ${t('criteria-evidence-complete')}`);
    buttons.push(button(t('criteria-report-button', { code: c.criterion.code }), `crr:${state.commune.id}:${c.criterion.id}`));
  });
  lines.push('', t(kind === 'remind' ? 'criteria-remind-deadline' : 'criteria-nudge-end', { date: deadline }));
  return { text: lines.join('\n'), buttons: pairs(buttons) };
}

/** Report buttons two per row: short labels ("Báo cáo TC2") fit side by side on a phone. */
function pairs(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

// ─── Managers' summary ────────────────────────────────────────────────────────

/** After the deadline: each manager gets the state of the communes in their scope. */
export async function sendSummaries(services: Pick<Services, 'config' | 'db' | 'i18n'>, month: string): Promise<SendResult> {
  const { db } = services;
  const year = Number(month.slice(0, 4));
  const [managers, communes, links] = await Promise.all([
    db.account.findMany({ where: { role: 'manager' }, include: { scopes: true }, orderBy: { id: 'asc' } }),
    db.commune.findMany({ select: { id: true, provinceId: true } }),
    db.communeSet.findMany({ where: { year }, select: { communeId: true } }),
  ]);
  const following = new Set(links.map((l) => l.communeId));
  const byProvince = new Map<number, number[]>();
  for (const c of communes) addTo(byProvince, c.provinceId, c.id);
  // The same scope rule as accounts/scope.ts, computed for every manager at once.
  const scopeOf = new Map(
    managers.map((m) => {
      const ids = m.scopes.flatMap((s) => [...(s.communeId ? [s.communeId] : []), ...(s.provinceId ? (byProvince.get(s.provinceId) ?? []) : [])]);
      return [m.id, [...new Set(ids)].filter((id) => following.has(id)).sort((a, b) => a - b)];
    }),
  );
  const wanted = [...new Set([...scopeOf.values()].flat())].sort((a, b) => a - b);
  const { states, owners } = await loadCommuneStates(db, wanted, month);
  const stateOf = new Map(states.map((s) => [s.commune.id, s]));

  const outgoing: Outgoing[] = managers.flatMap((m) => {
    const mine = (scopeOf.get(m.id) ?? []).flatMap((id) => stateOf.get(id) ?? []);
    return mine.length ? [{ to: m, compose: (t: Translate) => summaryReply(services, t, month, mine, owners) }] : [];
  });
  const result: SendResult = { enqueued: 0, skipped: 0 };
  for (let i = 0; i < outgoing.length; i += COMMUNE_CHUNK) {
    add(result, await write(services, month, 'summary', outgoing.slice(i, i + COMMUNE_CHUNK)));
  }
  return result;
}

function summaryReply(services: Pick<Services, 'config'>, t: Translate, month: string, states: CommuneState[], owners: Map<number, OwnerInfo>): Reply {
  const head = t('criteria-summary-title', { month: monthLabel(month), date: deadlineLabel(month, services.config.CRITERIA_REPORT_DAY) });
  if (states.length === 1) return { text: `${head}\n\n${progressText(t, states[0], owners)}` };
  const complete = (s: CommuneState) => s.criteria.filter((c) => c.inMonth).length / s.criteria.length;
  // Communes that reported least come first: they are the ones to call.
  const ordered = [...states].sort((a, b) => complete(a) - complete(b) || a.score.total - b.score.total);
  const full = states.filter((s) => complete(s) === 1).length;
  const lines = [head, t('criteria-summary-complete', { done: full, count: states.length }), ''];
  lines.push(...ordered.slice(0, SUMMARY_LINES).map((s) => communeLine(t, s)));
  if (ordered.length > SUMMARY_LINES) lines.push(t('criteria-more-communes', { count: ordered.length - SUMMARY_LINES }));
  return { text: lines.join('\n') };
}
