// /trehan <code>: a result will be late. On a dossier whose original due date has not passed,
// the official is first warned (a result returned by that date counts as on time, apology or
// not) and confirms with a button. Then the official gives the reason and a new return date
// (a future working day after the current due date); the citizen who follows the dossier gets
// the "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (code, date received, original due date,
// reason, apology, new date and place), and the official gets the same letter to print.
import type { Translate, MessageId } from '../i18n/index.js';
import type { Services } from '../services.js';
import { END_OF_DAY, WorkingCalendar } from '../calendar/working-days.js';
import type { CommandSpec, Ctx, FlowSpec, Reply } from '../conversation/types.js';
import type { Dossier } from '../generated/prisma/client.js';
import { formatVnDate, parseVnDate, vnDate, vnInstant } from '../shared/vntime.js';
import { dossierForOfficial } from './access.js';
import { currentDueAt, dossierFacts, type DossierFacts } from './facts.js';
import { pushToFollower } from './notify.js';
import { DAY_MS } from './register.js';
import { deskOfficials } from '../accounts/roles.js';
import { button } from '../conversation/replies.js';

export const DELAY_FLOW = 'dossier-delay';
const MIN_REASON_CHARS = 10;
const MAX_REASON_CHARS = 500;

export const delayCommand: CommandSpec = {
  name: 'trehan',
  roles: deskOfficials,
  summary: 'dossier-cmd-trehan',
  async run(ctx, args) {
    const dossier = await dossierForOfficial(ctx, args, 'dossier-usage-trehan');
    if (dossier.status === 'done' || dossier.status === 'returned') {
      return [{ text: ctx.t('dossier-delay-closed', { code: dossier.code, status: dossier.status }) }];
    }
    if (ctx.services.clock.now() <= dossier.dueAt) {
      await ctx.setDialogue(DELAY_FLOW, 'confirm', { dossierId: dossier.id });
      return [confirmQuestion(ctx, dossier)];
    }
    return askReason(ctx, dossier);
  },
};

const CONFIRM = 'dly:yes';
const CANCEL = 'dly:no';

/** Not late yet: say what an apology means and ask before going on (buttons reach the flow: `dly` is no route). */
function confirmQuestion(ctx: Ctx, dossier: Dossier): Reply {
  return {
    text: ctx.t('dossier-delay-not-late', { code: dossier.code, due: formatVnDate(dossier.dueAt) }),
    buttons: [[button(ctx.t('dossier-delay-button-confirm'), CONFIRM)], [button(ctx.t('dossier-delay-button-cancel'), CANCEL)]],
  };
}

async function askReason(ctx: Ctx, dossier: Dossier): Promise<Reply[]> {
  await ctx.setDialogue(DELAY_FLOW, 'reason', { dossierId: dossier.id });
  return [{ text: ctx.t('dossier-delay-ask-reason', { code: dossier.code, due: formatVnDate(currentDueAt(dossier)) }) }];
}

export const delayFlow: FlowSpec = {
  name: DELAY_FLOW,
  async onInput(ctx, state, input) {
    const dossierId = Number(state.data.dossierId);
    const text = input.text?.trim() ?? '';
    if (state.step === 'confirm') {
      const dossier = await ctx.services.db.dossier.findUnique({ where: { id: dossierId } });
      if (!dossier || input.payload === CANCEL) {
        await ctx.clearDialogue();
        return [{ text: ctx.t(dossier ? 'dossier-delay-cancelled' : 'button-expired', { code: dossier?.code ?? '' }) }];
      }
      return input.payload === CONFIRM ? askReason(ctx, dossier) : [confirmQuestion(ctx, dossier)];
    }
    if (state.step === 'reason') {
      if (text.length < MIN_REASON_CHARS || text.length > MAX_REASON_CHARS) {
        return [{ text: ctx.t('dossier-delay-reason-length', { min: MIN_REASON_CHARS, max: MAX_REASON_CHARS }) }];
      }
      await ctx.setDialogue(DELAY_FLOW, 'date', { dossierId, reason: text });
      return [{ text: ctx.t('dossier-delay-ask-date') }];
    }
    const dossier = await ctx.services.db.dossier.findUnique({ where: { id: dossierId } });
    if (!dossier) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    const date = parseVnDate(text);
    if (!date) return [{ text: ctx.t('dossier-hoso-bad-date') }];
    const problem = checkNewDate(await WorkingCalendar.load(ctx.services.db), dossier, date, ctx.services.clock.now());
    if (problem) return [{ text: ctx.t(problem, { due: formatVnDate(currentDueAt(dossier)) }) }];
    await ctx.clearDialogue();
    return recordDelay(ctx, dossier, String(state.data.reason), date);
  },
};

/** The Fluent id of what is wrong with the new date, or null. */
function checkNewDate(calendar: WorkingCalendar, dossier: Dossier, date: string, now: Date): MessageId | null {
  if (date <= vnDate(now)) return 'dossier-delay-date-not-future';
  if (date <= vnDate(currentDueAt(dossier))) return 'dossier-delay-date-not-later';
  if (!calendar.isWorkingDay(date)) return 'dossier-problem-due_not_working_day';
  return null;
}

export function apologyLetter(t: Translate, dossier: Dossier, facts: DossierFacts): string {
  return t('dossier-apology', {
    commune: facts.commune,
    code: dossier.code,
    procedure: facts.procedure,
    received: formatVnDate(dossier.receivedAt),
    due: formatVnDate(dossier.dueAt),
    reason: dossier.delayReason ?? '',
    newDue: formatVnDate(dossier.newDueAt ?? dossier.dueAt),
    place: facts.place,
  });
}

async function recordDelay(ctx: Ctx, before: Dossier, reason: string, date: string): Promise<Reply[]> {
  const { followerTold, dossier, facts } = await saveDelay(ctx.services, before, reason, date, ctx.account.id);
  return [{ text: `${ctx.t('dossier-delay-saved', { code: dossier.code, told: followerTold ? 'yes' : 'no' })}\n\n${apologyLetter(ctx.t, dossier, facts)}` }];
}

/** Records the delay and queues the apology for the follower, in one transaction. */
export async function saveDelay(services: Pick<Services, 'db' | 'clock' | 'config' | 'i18n'>, before: Dossier, reason: string, date: string, actorId: number | null) {
  const now = services.clock.now();
  const newDueAt = vnInstant(date, END_OF_DAY);
  const facts = await dossierFacts(services.db, before);
  return services.db.$transaction(async (tx) => {
    const dossier = await tx.dossier.update({
      where: { id: before.id },
      data: {
        delayReason: reason,
        newDueAt,
        apologizedAt: now,
        tokenExpiresAt: new Date(Math.max(before.tokenExpiresAt.getTime(), newDueAt.getTime() + services.config.RATING_TOKEN_DAYS * DAY_MS)),
      },
    });
    await tx.auditLog.create({ data: { actorId, action: 'dossier.delay', subject: dossier.code, detail: date } });
    const data = {
      code: dossier.code,
      procedure: facts.procedure,
      citizenName: dossier.citizenName ?? '',
      newDueDate: formatVnDate(newDueAt),
      reason,
    };
    const follower = await pushToFollower(
      tx,
      services,
      dossier,
      `dossier-apology:${dossier.id}:${date}`,
      (t) => ({ text: apologyLetter(t, dossier, facts) }),
      { about: { kind: 'late_apology', data }, reportTo: actorId },
    );
    return { dossier, facts, followerTold: follower !== null };
  });
}
