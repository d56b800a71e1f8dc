// Fixtures for the dossier and rating suites: the demo province on a fake clock, staff
// accounts written directly, and helpers that drive the conversation (buttons pressed by
// payload) or the console channel.
import type { Account, Commune, Dossier } from '../../src/generated/prisma/client.js';
import type { Reply } from '../../src/conversation/types.js';
import { FakeClock } from '../../src/shared/clock.js';
import type { I18n } from '../../src/i18n/index.js';
import { registerDossier, type DossierInput, type Registration } from '../../src/dossiers/register.js';
import { changeDossierStatus } from '../../src/dossiers/status.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';
import { person, type Person } from '../support/conversation.js';

export interface World {
  app: TestApp;
  clock: FakeClock;
  tanTien: Commune;
  yenThe: Commune;
}

/** Monday 2 March 2026, 09:00 in Vietnam. */
export const MONDAY_9AM = '2026-03-02T02:00:00Z';
export const BOT = 'cqtt_test_bot';
export const DESK_TOKEN = 'desk-token-for-tests-0123456789';

export async function makeWorld(env: Record<string, string> = {}, start = MONDAY_9AM, i18n?: I18n): Promise<World> {
  const clock = new FakeClock(start);
  const app = await makeTestApp(
    { DEMO_DATA: 'true', RATE_LIMIT_MESSAGES_PER_MINUTE: '10000', TELEGRAM_BOT_USERNAME: BOT, DESK_API_TOKEN: DESK_TOKEN, ...env },
    { clock, ...(i18n ? { i18n } : {}) },
  );
  const commune = (code: string) => app.db.commune.findUniqueOrThrow({ where: { code } });
  return { app, clock, tanTien: await commune('BG-TANTIEN'), yenThe: await commune('BG-YENTHE') };
}

export function official(app: TestApp, externalId: string, communeId: number): Promise<Account> {
  return app.db.account.create({ data: { channel: 'console', externalId, role: 'official', communeId } });
}

export function manager(app: TestApp, externalId: string, scope: { communeId: number } | { provinceId: number }): Promise<Account> {
  return app.db.account.create({ data: { channel: 'console', externalId, role: 'manager', scopes: { create: [scope] } } });
}

/** A console session that first prints the pushes waiting for the person (`/help` changes nothing). */
export function session(app: TestApp, userId: string, lines: string[]): Promise<string> {
  return consoleSession(app, userId, ['/help', ...lines]);
}

/** The `r_<token>` deep-link payload printed in a registration reply. */
export function startPayloadIn(printed: string): string {
  const m = new RegExp(`https://t\\.me/${BOT}\\?start=(r_[A-Za-z0-9_-]{32})`).exec(printed);
  if (!m) throw new Error(`no rating link in:\n${printed}`);
  return m[1];
}

/** A procedure with a known time limit (working days). */
export async function procedureWithDays(app: TestApp, days: number | null) {
  const p = await app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
  return app.db.procedure.update({ where: { id: p.id }, data: { timeLimitDays: days } });
}

export async function register(w: World, input: Partial<DossierInput> = {}): Promise<Registration> {
  const procedure = await w.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
  return registerDossier(w.app, { communeId: w.tanTien.id, procedureId: procedure.id, ...input });
}

/** Registers a dossier, has `citizenId` follow it with the receipt link, and returns it. */
export async function followedDossier(w: World, citizenId: string, input: Partial<DossierInput> = {}): Promise<{ reg: Registration; dossier: Dossier }> {
  const reg = await register(w, input);
  const citizen = person(w.app, citizenId);
  await citizen.say(`/start ${reg.startPayload}`);
  await citizen.press('dso:follow');
  const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
  if (!dossier.followerId) throw new Error('follow failed');
  return { reg, dossier };
}

export async function returned(w: World, dossierId: number): Promise<Dossier> {
  return (await changeDossierStatus(w.app, dossierId, 'returned')).dossier;
}

/** The pushes waiting in the outbox for a person, oldest first, as the replies they carry. */
export async function pushesTo(w: World, externalId: string): Promise<Reply[]> {
  const to = await w.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId } } });
  const rows = await w.app.db.outboxMessage.findMany({ where: { accountId: to.id }, orderBy: { id: 'asc' } });
  return rows.map((r) => JSON.parse(r.payload) as Reply);
}

/** Answers of the questionnaire (mot-cua-2025), by value; `comment` null presses "skip", undefined stops before it. */
export interface RatingAnswers {
  overall: string;
  timeliness: string;
  attitude: string;
  guidance: string;
  extra: string;
  comment?: string | null;
}

/** Answers the questions by pressing the buttons for these values, then comments or skips. */
export async function rate(citizen: Person, a: RatingAnswers): Promise<Reply[]> {
  for (const question of ['overall', 'timeliness', 'attitude', 'guidance', 'extra'] as const) {
    await citizen.press(`rf:${question}:${a[question]}`);
  }
  if (a.comment === undefined) return citizen.last;
  return a.comment === null ? citizen.press('rf:skip') : citizen.say(a.comment);
}
