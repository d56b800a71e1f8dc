// Fixtures for the complaint suites: an app on the demo province with a fake clock, staff
// accounts written directly, and a scripted citizen filing through the console channel.
import type { Account, Commune } from '../../src/generated/prisma/client.js';
import { FakeClock } from '../../src/shared/clock.js';
import type { I18n } from '../../src/i18n/index.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';

export interface World {
  app: TestApp;
  clock: FakeClock;
  tanTien: Commune;
  yenThe: Commune;
  boHa: Commune;
}

/** Monday 2 November 2026, 09:00 in Vietnam. */
export const MONDAY_9AM = '2026-11-02T02:00:00Z';

export async function makeWorld(
  env: Record<string, string> = {},
  start = MONDAY_9AM,
  logs?: { write(s: string): void },
  i18n?: I18n,
): Promise<World> {
  const clock = new FakeClock(start);
  const app = await makeTestApp(
    { DEMO_DATA: 'true', RATE_LIMIT_MESSAGES_PER_MINUTE: '10000', ...env },
    { clock, ...(logs ? { logDestination: logs } : {}), ...(i18n ? { i18n } : {}) },
  );
  const commune = (code: string) => app.db.commune.findUniqueOrThrow({ where: { code } });
  return { app, clock, tanTien: await commune('BG-TANTIEN'), yenThe: await commune('BG-YENTHE'), boHa: await commune('BG-BOHA') };
}

export function official(app: TestApp, externalId: string, communeId: number): Promise<Account> {
  return app.db.account.create({ data: { channel: 'console', externalId, role: 'official', communeId, displayName: `Cán bộ ${externalId}` } });
}

/** A manager whose scope is one commune, or a whole province. */
export function manager(app: TestApp, externalId: string, scope: { communeId: number } | { provinceId: number }): Promise<Account> {
  return app.db.account.create({ data: { channel: 'console', externalId, role: 'manager', scopes: { create: [scope] } } });
}

export type Staff = Record<'offTT' | 'offTT2' | 'offYT' | 'mgrTT' | 'mgrProv' | 'mgrYT', Account>;

/** Two officials of Tân Tiến, one of Yên Thế, a manager of each and one of the province. */
export async function staffOf({ app, tanTien, yenThe }: World): Promise<Staff> {
  return {
    offTT: await official(app, 'off-tt', tanTien.id),
    offTT2: await official(app, 'off-tt2', tanTien.id),
    offYT: await official(app, 'off-yt', yenThe.id),
    mgrTT: await manager(app, 'mgr-tt', { communeId: tanTien.id }),
    mgrProv: await manager(app, 'mgr-bg', { provinceId: tanTien.provinceId }),
    mgrYT: await manager(app, 'mgr-yt', { communeId: yenThe.id }),
  };
}

export function citizen(app: TestApp, externalId: string, displayName?: string): Promise<Account> {
  return app.db.account.create({ data: { channel: 'console', externalId, displayName } });
}

export const CODE_RE = /PA-\d{4}-[2-9A-HJKMNP-Z]{5}/;

export function codeIn(printed: string): string {
  const m = CODE_RE.exec(printed);
  if (!m) throw new Error(`no complaint code in:\n${printed}`);
  return m[0];
}

/**
 * A console session that first lets the channel print the pushes waiting for this person
 * (`/help` changes nothing), so that the numbers typed afterwards press the buttons of the
 * replies in the script, not those of an earlier push.
 */
export function session(app: TestApp, userId: string, lines: string[]): Promise<string> {
  return consoleSession(app, userId, ['/help', ...lines]);
}

/**
 * Files a complaint through the console as a citizen: commune typed by name, the second
 * category (delay) unless another number is given, photo and dossier skipped, then the anonymity choice.
 */
export async function fileByConsole(
  app: TestApp,
  userId: string,
  opts: { commune: string; text: string; anonymous: boolean; category?: number },
): Promise<{ code: string; out: string }> {
  const out = await session(app, userId, [
    '/phananh',
    opts.commune,
    String(opts.category ?? 2), // "delay": the commune's officials handle it (1 and 3 are the leadership's)
    opts.text,
    '1', // skip the photo
    '1', // skip the dossier
    opts.anonymous ? '1' : '2',
  ]);
  // The printed pushes may name older complaints; the new ticket follows "Mã phản ánh:".
  const ticket = new RegExp(`Mã phản ánh: (${CODE_RE.source})`).exec(out);
  if (!ticket) throw new Error(`no ticket in:\n${out}`);
  return { code: ticket[1], out };
}

/** Push texts queued for an account, oldest first. */
export async function pushesTo(app: TestApp, accountId: number): Promise<{ text: string; buttons?: { payload: string }[][] }[]> {
  const rows = await app.db.outboxMessage.findMany({ where: { accountId }, orderBy: { id: 'asc' } });
  return rows.map((r) => JSON.parse(r.payload));
}

export async function accountOf(app: TestApp, externalId: string): Promise<Account> {
  return app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId } } });
}
