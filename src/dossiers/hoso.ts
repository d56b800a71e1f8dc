// /hoso: an official registers a dossier at the desk, in four short steps: the procedure
// (searched, then picked with a button), the citizen's name (optional), the due date (computed
// from the procedure's time limit, may be set by hand) and a confirmation. The answer carries
// the code, the rating link, the Zalo code and the QR picture to print on the receipt.
import { END_OF_DAY, WorkingCalendar } from '../calendar/working-days.js';
import { button, column } from '../conversation/replies.js';
import type { CommandSpec, Ctx, DialogueInput, FlowSpec, Reply } from '../conversation/types.js';
import { formatVnDate, parseVnDate, vnInstant } from '../shared/vntime.js';
import { checkDueDate, dossierProblem, newDossierCode, registerDossier } from './register.js';
import { Refusal } from '../conversation/refusal.js';

export const HOSO_FLOW = 'hoso';
/** Payloads of this dialogue: hso:p:<procedure id>, hso:skip, hso:keep, hso:ok, hso:no. */
const P = 'hso';
const PICK = new RegExp(`^${P}:p:(\\d+)$`);
const MAX_NAME_CHARS = 100;
const SEARCH_RESULTS = 5;

interface HosoData {
  /** ISO time the dossier was received: when /hoso started. */
  receivedAt: string;
  procedureId?: number;
  citizenName?: string | null;
  dueDate?: string | null;
  /**
   * Drawn when the confirmation is shown, so that a confirmation pressed twice (a double tap
   * on Telegram) registers one dossier: the second press is a repeat of the first.
   */
  code?: string;
}

export const hosoCommand: CommandSpec = {
  name: 'hoso',
  roles: ['official'],
  summary: 'dossier-cmd-hoso',
  async run(ctx, args) {
    if (!ctx.account.communeId) return [{ text: ctx.t('dossier-no-commune') }];
    const data: HosoData = { receivedAt: ctx.services.clock.now().toISOString() };
    await ctx.setDialogue(HOSO_FLOW, 'procedure', { ...data });
    return args ? searchProcedures(ctx, args) : [{ text: ctx.t('dossier-hoso-ask-procedure') }];
  },
};

function searchProcedures(ctx: Ctx, query: string): Reply[] {
  const hits = ctx.services.procedures.searchProcedures(query, SEARCH_RESULTS);
  if (!hits.length) return [{ text: ctx.t('dossier-hoso-no-procedure') }];
  return [
    {
      text: ctx.t('dossier-hoso-pick-procedure'),
      buttons: column(hits.map((h) => button(h.record.name, `${P}:p:${h.record.id}`))),
    },
  ];
}

const steps: Record<string, (ctx: Ctx, data: HosoData, input: DialogueInput) => Promise<Reply[]>> = {
  async procedure(ctx, data, input) {
    const picked = PICK.exec(input.payload ?? '');
    if (!picked) return input.text ? searchProcedures(ctx, input.text) : [{ text: ctx.t('dossier-hoso-ask-procedure') }];
    const procedure = ctx.services.procedures.byId(Number(picked[1]));
    if (!procedure) return [{ text: ctx.t('button-expired') }];
    return moveTo(ctx, 'name', { ...data, procedureId: procedure.id });
  },
  async name(ctx, data, input) {
    if (input.payload === `${P}:skip`) return moveTo(ctx, 'due', { ...data, citizenName: null });
    const name = input.text?.trim();
    if (!name) return askFor(ctx, 'name', data);
    if (name.length > MAX_NAME_CHARS) return [{ text: ctx.t('dossier-hoso-name-too-long', { max: MAX_NAME_CHARS }) }];
    return moveTo(ctx, 'due', { ...data, citizenName: name });
  },
  async due(ctx, data, input) {
    if (input.payload === `${P}:keep`) return moveTo(ctx, 'confirm', { ...data, dueDate: null });
    const date = parseVnDate(input.text ?? '');
    if (!date) return [{ text: ctx.t('dossier-hoso-bad-date') }];
    try {
      checkDueDate(await WorkingCalendar.load(ctx.services.db), date, ctx.services.clock.now(), new Date(data.receivedAt));
    } catch (error) {
      // A date that cannot be used is asked for again; the dialogue goes on.
      if (error instanceof Refusal) return [{ text: ctx.t(error.messageId, error.args) }];
      throw error;
    }
    return moveTo(ctx, 'confirm', { ...data, dueDate: date });
  },
  async confirm(ctx, data, input) {
    if (input.payload === `${P}:no`) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('cancelled') }];
    }
    if (input.payload !== `${P}:ok`) return askFor(ctx, 'confirm', data);
    return register(ctx, data);
  },
};

export const hosoFlow: FlowSpec = {
  name: HOSO_FLOW,
  async onInput(ctx, state, input) {
    const step = steps[state.step];
    if (!step) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    return step(ctx, state.data as unknown as HosoData, input);
  },
};

async function moveTo(ctx: Ctx, step: string, data: HosoData): Promise<Reply[]> {
  if (step === 'confirm' && !data.code) data = { ...data, code: await newDossierCode(ctx.services.db, ctx.services.clock.now()) };
  await ctx.setDialogue(HOSO_FLOW, step, { ...data });
  return askFor(ctx, step, data);
}

async function computedDue(ctx: Ctx, data: HosoData): Promise<Date> {
  const procedure = ctx.services.procedures.byId(data.procedureId!);
  const days = procedure?.timeLimitDays ?? ctx.services.config.DOSSIER_DEFAULT_DAYS;
  return (await WorkingCalendar.load(ctx.services.db)).dueAt(new Date(data.receivedAt), days);
}

async function askFor(ctx: Ctx, step: string, data: HosoData): Promise<Reply[]> {
  const procedure = ctx.services.procedures.byId(data.procedureId!);
  switch (step) {
    case 'name':
      return [{ text: ctx.t('dossier-hoso-ask-name', { procedure: procedure?.name ?? '' }), buttons: column([button(ctx.t('dossier-button-skip'), `${P}:skip`)]) }];
    case 'due':
      return [
        {
          text: ctx.t('dossier-hoso-ask-due', {
            due: formatVnDate(await computedDue(ctx, data)),
            days: procedure?.timeLimitDays ?? ctx.services.config.DOSSIER_DEFAULT_DAYS,
            known: procedure?.timeLimitDays == null ? 'no' : 'yes',
          }),
          buttons: column([button(ctx.t('dossier-button-keep-due'), `${P}:keep`)]),
        },
      ];
    default: {
      const due = data.dueDate ? vnInstant(data.dueDate, END_OF_DAY) : await computedDue(ctx, data);
      return [
        {
          text: ctx.t('dossier-hoso-confirm', {
            procedure: procedure?.name ?? '',
            name: data.citizenName ?? '',
            hasName: data.citizenName ? 'yes' : 'no',
            due: formatVnDate(due),
          }),
          buttons: [[button(ctx.t('dossier-button-confirm'), `${P}:ok`), button(ctx.t('dossier-button-cancel'), `${P}:no`)]],
        },
      ];
    }
  }
}

async function register(ctx: Ctx, data: HosoData): Promise<Reply[]> {
  let code = data.code!;
  for (let tries = 0; ; tries++) {
    try {
      const done = await registerDossier(ctx.services, {
        code,
        communeId: ctx.account.communeId!,
        procedureId: data.procedureId!,
        citizenName: data.citizenName ?? null,
        handlerId: ctx.account.id,
        receivedAt: new Date(data.receivedAt),
        dueDate: data.dueDate ?? null,
      });
      await ctx.clearDialogue();
      const procedure = ctx.services.procedures.byId(done.dossier.procedureId);
      const reply: Reply = {
        text: ctx.t('dossier-registered', {
          code: done.code,
          procedure: procedure?.name ?? '',
          due: formatVnDate(done.dossier.dueAt),
          link: done.ratingLink ?? 'none',
          zaloCode: done.zaloCode,
        }),
      };
      if (!done.qrPngBase64) return [reply];
      const image = { filename: `qr-${done.code}.png`, base64: done.qrPngBase64, alt: ctx.t('dossier-qr-alt', { code: done.code }) };
      return [{ ...reply, image }];
    } catch (error) {
      const problem = dossierProblem(error);
      if (!problem) throw error;
      // Another registration took the code since the confirmation was shown: draw a new one.
      if (problem === 'code_taken' && tries < 3) {
        code = await newDossierCode(ctx.services.db, ctx.services.clock.now());
        continue;
      }
      // Only the due date can have gone stale since it was checked (the day changed): ask again.
      if ((error as Refusal).field === 'dueDate') {
        const again = await moveTo(ctx, 'due', { ...data, dueDate: null });
        return [{ text: ctx.t(`dossier-problem-${problem}`) }, ...again];
      }
      throw error;
    }
  }
}
