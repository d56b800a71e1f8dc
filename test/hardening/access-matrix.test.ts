// Who may do what, as a table. Every command registered in the conversation (collected from
// `commandsFor` over every role, so a new command is covered the day it appears) is run by a
// citizen, the citizen who filed the complaint, an official of commune A, the official of
// commune A who registered the dossier a second complaint is about, an official of commune B,
// a manager of commune A, a manager of the province, a manager of commune B, a manager of
// another province and an administrator. The complaint about the dossier is the leadership's:
// its own table says who may open it by every route. Refusals
// must come from the command's declared roles or from the person's scope, must say which of
// the two in the person's language (Vietnamese here), and must change nothing in the database.
// Then every HTTP route the server has (read from Fastify, so a new route fails this suite until
// it is given an expectation) is called with no credentials, wrong ones and the right ones. And
// the three secrets (desk token, Telegram secret header, Zalo signature) must go through
// timingSafeEqual, with the lengths hidden where the length is the caller's to choose.
import { readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../src/conversation/types.js';
import { roles, type Role } from '../../src/accounts/roles.js';
import type { MessageId } from '../../src/i18n/index.js';
import { createInvite } from '../../src/accounts/invites.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { safeEqual } from '../../src/shared/secrets.js';
import type { Account, Commune } from '../../src/generated/prisma/client.js';
import { fileByConsole } from '../complaints/support.js';
import { zaloKeys } from '../support/zalo-app.js';
import { signature, userText } from '../support/zalo-webhook.js';
import { DESK_TOKEN, fingerprint, startStack, TELEGRAM_SECRET, type HttpAnswer, type Stack } from './stack.js';

// The product's modules import node:crypto through the test runner, so they get this spy.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

type Actor = 'citizen' | 'reporter' | 'officialA' | 'accusedA' | 'officialB' | 'managerA' | 'managerProvince' | 'managerB' | 'managerOther' | 'admin';
const ACTORS: Actor[] = ['citizen', 'reporter', 'officialA', 'accusedA', 'officialB', 'managerA', 'managerProvince', 'managerB', 'managerOther', 'admin'];
const ROLE_OF: Record<Actor, Role> = {
  citizen: 'citizen',
  reporter: 'citizen',
  officialA: 'official',
  accusedA: 'official',
  officialB: 'official',
  managerA: 'manager',
  managerProvince: 'manager',
  managerB: 'manager',
  managerOther: 'manager',
  admin: 'admin',
};
/** The table runs every command and button for ten people: on a loaded 2-core machine that is minutes, not seconds. */
const TABLE_MS = 180_000;
/** Every scope refusal says that the thing lies outside what the person looks after. */
const SCOPE_REASON = /phạm vi|phụ trách|được xem|xã, phường mình/;
/** Every role refusal says who the command is for. */
const ROLE_REASON = 'chỉ dành cho';

interface World {
  a: Commune;
  complaint: string;
  /** Anonymous, "asked to pay extra", about the dossier accusedA registered: the leadership's. */
  conduct: string;
  dossiers: { done: string; returned: string; delayed: string; api: string };
  people: Record<Actor, Account>;
  criterion: Record<string, number>;
}

/** What a command does with a target outside the person's scope. */
type Scoped = {
  /** The message, text or button, aimed at commune A's things. */
  input: (w: World) => { text: string } | { payload: string };
  /** Who may; everyone else whose role passes is refused for scope with `refusal`. */
  allowed: Actor[];
  refusal: (w: World, actor: Actor) => [id: MessageId, args?: Record<string, string>];
  /** Shown to those allowed: proof that they got the real answer. */
  shows: (w: World) => string;
};
/** A command that lists the person's own scope: who sees commune A's thing in it, who must not. */
type Listing = { input: (w: World) => { text: string }; sees: Actor[]; thing: (w: World) => string };
/** A command with nothing to aim at another scope; the reason is part of the table. */
type Unscoped = { unscoped: string };

const commandTable: Record<string, Scoped | Listing | Unscoped> = {
  thutuc: { unscoped: 'the public procedure catalogue' },
  xa: { unscoped: "sets the person's own commune for desk details; any commune may be chosen" },
  dangky: { unscoped: 'the invitation code decides the role and scope' },
  ten: { unscoped: "changes the person's own name" },
  toi: { unscoped: "shows the person's own account" },
  phananh: { unscoped: 'anyone may complain about any commune' },
  congkhai: { unscoped: 'published results are public' },
  hoso: { unscoped: "registers a dossier in the official's own commune only" },
  baocao: { unscoped: "the workbook covers the caller's own scope; no target can be named" },
  tracuu: {
    input: (w) => ({ text: `/tracuu ${w.complaint}` }),
    allowed: ['reporter', 'officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
    refusal: (w) => ['complaints-not-found', { code: w.complaint }],
    shows: (w) => w.complaint,
  },
  xuly: {
    input: (w) => ({ text: `/xuly ${w.complaint}` }),
    allowed: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
    refusal: () => ['complaints-out-of-scope'],
    shows: (w) => w.complaint,
  },
  phananh_ds: {
    input: () => ({ text: '/phananh_ds' }),
    sees: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
    thing: (w) => w.complaint,
  },
  trehan: {
    input: (w) => ({ text: `/trehan ${w.dossiers.delayed}` }),
    allowed: ['officialA', 'accusedA', 'admin'],
    refusal: (w) => ['dossier-not-found', { code: w.dossiers.delayed }],
    shows: (w) => w.dossiers.delayed,
  },
  xong: {
    input: (w) => ({ text: `/xong ${w.dossiers.done}` }),
    allowed: ['officialA', 'accusedA', 'admin'],
    refusal: (w) => ['dossier-not-found', { code: w.dossiers.done }],
    shows: (w) => w.dossiers.done,
  },
  tra: {
    input: (w) => ({ text: `/tra ${w.dossiers.returned}` }),
    allowed: ['officialA', 'accusedA', 'admin'],
    refusal: (w) => ['dossier-not-found', { code: w.dossiers.returned }],
    shows: (w) => w.dossiers.returned,
  },
  hailong: {
    input: (w) => ({ text: `/hailong ${w.a.code}` }),
    allowed: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
    refusal: (w, actor) => ['rating-hailong-out-of-scope', { commune: w.a.name, role: ROLE_OF[actor] }],
    shows: (w) => w.a.name,
  },
  tiendo: {
    input: (w) => ({ text: `/tiendo ${w.a.code}` }),
    allowed: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
    refusal: (w) => ['criteria-out-of-scope', { code: w.a.code }],
    shows: (w) => w.a.name,
  },
  phancong: {
    input: (w) => ({ text: `/phancong ${w.a.code}` }),
    allowed: ['managerA', 'managerProvince', 'admin'],
    refusal: (w) => ['criteria-out-of-scope', { code: w.a.code }],
    shows: (w) => w.a.name,
  },
  capnhat: {
    input: () => ({ text: '/capnhat TC1' }),
    allowed: ['officialA'],
    refusal: (_w, actor) => (ROLE_OF[actor] === 'official' ? ['criteria-report-not-owner', { code: 'TC1' }] : ['criteria-report-unknown', { code: 'TC1' }]),
    shows: () => 'TC1',
  },
  xephang: {
    input: () => ({ text: '/xephang' }),
    sees: ['managerA', 'managerProvince', 'admin'],
    thing: (w) => w.a.name,
  },
};

/** Buttons that carry a target: the same scope rules hold when the payload is forged. */
const buttonTable: { name: string; roles: readonly Role[]; scoped: Scoped }[] = [
  {
    name: 'cp:a (take up a complaint)',
    roles: roles,
    scoped: {
      input: (w) => ({ payload: `cp:a:${w.complaint}` }),
      allowed: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
      refusal: (w, actor) => (ROLE_OF[actor] === 'citizen' ? ['complaints-not-found', { code: w.complaint }] : ['complaints-out-of-scope']),
      shows: (w) => w.complaint,
    },
  },
  {
    name: 'cp:v (open a complaint)',
    roles: roles,
    scoped: {
      input: (w) => ({ payload: `cp:v:${w.complaint}` }),
      allowed: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
      refusal: (w, actor) => (ROLE_OF[actor] === 'citizen' ? ['complaints-not-found', { code: w.complaint }] : ['complaints-out-of-scope']),
      shows: (w) => w.complaint,
    },
  },
  {
    name: 'crt (progress of a commune)',
    roles: ['official', 'manager', 'admin'],
    scoped: {
      input: (w) => ({ payload: `crt:${w.a.id}` }),
      allowed: ['officialA', 'accusedA', 'managerA', 'managerProvince', 'admin'],
      refusal: () => ['criteria-commune-not-allowed'],
      shows: (w) => w.a.name,
    },
  },
  {
    name: 'cro (assign a criterion)',
    roles: ['manager', 'admin'],
    scoped: {
      input: (w) => ({ payload: `cro:${w.a.id}:${w.criterion.TC2}:${w.people.officialA.id}` }),
      allowed: ['managerA', 'managerProvince', 'admin'],
      refusal: () => ['criteria-commune-not-allowed'],
      shows: () => 'TC2',
    },
  },
];

const isScoped = (spec: Scoped | Listing | Unscoped): spec is Scoped => 'allowed' in spec;
const isListing = (spec: Scoped | Listing | Unscoped): spec is Listing => 'sees' in spec;

describe('access matrix', () => {
  let s: Stack;
  let w: World;
  const externalId: Record<Actor, string> = {
    citizen: 'am-citizen',
    reporter: 'am-reporter',
    officialA: 'am-official-a',
    accusedA: 'am-accused-a',
    officialB: 'am-official-b',
    managerA: 'am-manager-a',
    managerProvince: 'am-manager-province',
    managerB: 'am-manager-b',
    managerOther: 'am-manager-other',
    admin: 'am-admin',
  };

  const say = async (actor: Actor, input: { text: string } | { payload: string }): Promise<string> => {
    const replies: Reply[] = await s.app.conversation.handle({ channel: 'console', userId: externalId[actor], ...input });
    return replies.map((r) => r.text).join('\n');
  };
  const inVi = (id: MessageId, args?: Record<string, string>) => s.app.i18n.t('vi', id, args);
  const inEn = (id: MessageId, args?: Record<string, string>) => s.app.i18n.t('en', id, args);

  /** Sends the input, lets `check` judge the answer, and checks that the database did not change. */
  async function expectRefused(actor: Actor, input: { text: string } | { payload: string }, check: (text: string) => void): Promise<void> {
    const before = await fingerprint(s.app);
    const text = await say(actor, input);
    check(text);
    expect(await fingerprint(s.app), `${actor} ${JSON.stringify(input)} changed the database`).toEqual(before);
  }

  beforeAll(async () => {
    s = await startStack();
    const { app } = s;
    const commune = (code: string) => app.db.commune.findUniqueOrThrow({ where: { code } });
    const a = await commune('BG-TANTIEN');
    const b = await commune('BG-YENTHE');
    const other = await app.db.province.create({ data: { code: 'AM', name: 'Tỉnh Khác' } });
    await app.db.commune.create({ data: { code: 'AM-MOT', name: 'Xã Một Tỉnh Khác', provinceId: other.id } });

    // Staff through the real invitation flow; the administrator has no invitation, so a row.
    const invites: [Actor, Parameters<typeof createInvite>[1]][] = [
      ['officialA', { role: 'official', communeCodes: [a.code] }],
      ['accusedA', { role: 'official', communeCodes: [a.code], name: 'Đỗ Văn Khoa', title: 'Công chức Văn phòng – Thống kê' }],
      ['officialB', { role: 'official', communeCodes: [b.code] }],
      ['managerA', { role: 'manager', communeCodes: [a.code] }],
      ['managerProvince', { role: 'manager', provinceCode: 'BG' }],
      ['managerB', { role: 'manager', communeCodes: [b.code] }],
      ['managerOther', { role: 'manager', provinceCode: 'AM' }],
    ];
    for (const [actor, request] of invites) {
      const { code } = await createInvite(app, request);
      const welcome = await say(actor, { text: `/dangky ${code}` });
      expect(welcome, actor).not.toContain(ROLE_REASON);
    }
    await app.db.account.create({ data: { channel: 'console', externalId: externalId.admin, role: 'admin' } });
    await say('citizen', { text: '/toi' });

    const { code: complaint } = await fileByConsole(app, externalId.reporter, { commune: 'Tân Tiến', text: 'Cán bộ hẹn lên hẹn xuống.', anonymous: false });
    const procedure = await app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const dossier = async (code: string) => (await registerDossier(app, { code, communeId: a.id, procedureId: procedure.id })).code;
    const dossiers = { done: await dossier('AM-DONE-1'), returned: await dossier('AM-TRA-1'), delayed: await dossier('AM-TRE-1'), api: await dossier('AM-API-1') };

    const people = Object.fromEntries(
      await Promise.all(
        ACTORS.map(async (actor) => [actor, await app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: externalId[actor] } } })]),
      ),
    ) as Record<Actor, Account>;
    // The reporter's second complaint: anonymous, "asked to pay extra", about the dossier accusedA registered.
    await registerDossier(app, { code: 'AM-KHOA-1', communeId: a.id, procedureId: procedure.id, handlerId: people.accusedA.id, citizenName: 'Hoàng Thị Người Nộp' });
    const filing = [
      { text: '/phananh' },
      { payload: `cpi:c:${a.id}` },
      { payload: 'cpi:k:extra_pay' },
      { text: 'Cán bộ gợi ý đưa thêm tiền.' },
      { payload: 'cpi:skip' },
      { text: 'AM-KHOA-1' },
      { payload: 'cpi:anon:1' },
    ];
    let filed = '';
    for (const step of filing) filed = await say('reporter', step);
    const conduct = /PA-\d{4}-[2-9A-HJKMNP-Z]{5}/.exec(filed)![0];
    expect(Object.fromEntries(ACTORS.map((actor) => [actor, people[actor].role]))).toEqual(ROLE_OF);

    // Official A owns TC1 of commune A this year.
    const set = await app.db.communeSet.findUniqueOrThrow({ where: { communeId_year: { communeId: a.id, year: 2026 } } });
    const criteria = await app.db.criterion.findMany({ where: { setId: set.setId } });
    const criterion = Object.fromEntries(criteria.map((c) => [c.code, c.id]));
    await app.db.assignment.create({ data: { communeId: a.id, criterionId: criterion.TC1, accountId: people.officialA.id } });

    w = { a, complaint, conduct, dossiers, people, criterion };
  });
  afterAll(() => s?.close());

  const allCommands = () => [...new Map(roles.flatMap((r) => s.app.conversation.commandsFor(r)).map((c) => [c.name, c])).values()];

  it('has an access expectation for every command there is', () => {
    const names = allCommands().map((c) => c.name);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !(n in commandTable)), 'commands missing from commandTable').toEqual([]);
  });

  it('refuses every command to the roles it does not declare, saying so in Vietnamese, changing nothing', async () => {
    let refusals = 0;
    for (const command of allCommands()) {
      const spec = commandTable[command.name];
      // The most tempting input: the one aimed at commune A's things.
      const input = spec && !('unscoped' in spec) ? spec.input(w) : { text: `/${command.name}` };
      for (const actor of ACTORS) {
        const role = ROLE_OF[actor];
        if (command.roles.includes(role)) continue;
        refusals++;
        await expectRefused(actor, input, (text) => {
          const label = `/${command.name} by ${actor}`;
          expect(text, label).toContain(ROLE_REASON);
          expect(text, label).toContain(inVi(`role-${role}`));
          for (const allowed of command.roles) expect(text, label).toContain(inVi(`role-${allowed}`));
          expect(text, label).not.toContain(inEn(`role-${role}`));
        });
      }
    }
    expect(refusals).toBeGreaterThan(20);
  }, TABLE_MS);

  it('lets every declared role through the role check', async () => {
    for (const command of allCommands()) {
      const spec = commandTable[command.name];
      if (!spec || !('unscoped' in spec)) continue;
      for (const actor of ACTORS.filter((a) => command.roles.includes(ROLE_OF[a]))) {
        const text = await say(actor, { text: `/${command.name}` });
        expect(text, `/${command.name} by ${actor}`).not.toContain(ROLE_REASON);
        await say(actor, { text: '/huy' });
      }
    }
  });

  const scopedCases = () => [
    ...allCommands().flatMap((c) => {
      const spec = commandTable[c.name];
      return spec && isScoped(spec) ? [{ name: `/${c.name}`, roles: c.roles, scoped: spec }] : [];
    }),
    ...buttonTable.map((b) => ({ ...b, button: true })),
  ];

  it('refuses targets outside the scope, saying why, changing nothing; lets the scope in', async () => {
    const cases = scopedCases();
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const { name, roles: allowedRoles, scoped, ...kind } of cases) {
      const passing = ACTORS.filter((a) => allowedRoles.includes(ROLE_OF[a]));
      // Forged buttons meet the role check too (commands had theirs in the test above).
      if ('button' in kind) {
        for (const actor of ACTORS.filter((a) => !passing.includes(a))) {
          await expectRefused(actor, scoped.input(w), (text) => expect(text, `${name} by ${actor}`).toContain(ROLE_REASON));
        }
      }
      const refused = passing.filter((a) => !scoped.allowed.includes(a));
      const admitted = passing.filter((a) => scoped.allowed.includes(a));
      expect(refused.length, `${name}: nobody is refused for scope`).toBeGreaterThan(0);
      // Refusals first: the admitted may change the target (close a dossier, take up a complaint).
      for (const actor of refused) {
        const [id, args] = scoped.refusal(w, actor);
        await expectRefused(actor, scoped.input(w), (text) => {
          const label = `${name} by ${actor}`;
          expect(text, label).toBe(inVi(id, args));
          expect(text, `${label}: says why`).toMatch(SCOPE_REASON);
          expect(text, `${label}: in Vietnamese`).not.toBe(inEn(id, args));
        });
      }
      for (const actor of admitted) {
        const text = await say(actor, scoped.input(w));
        const label = `${name} by ${actor}`;
        const [id, args] = scoped.refusal(w, actor);
        expect(text, label).not.toContain(inVi(id, args));
        expect(text, label).not.toContain(ROLE_REASON);
        expect(text, label).toContain(scoped.shows(w));
        await say(actor, { text: '/huy' });
      }
    }
    // The forged payloads and commands changed nothing they were refused: the complaint was
    // taken up by an admitted person, the dossiers closed by official A.
    const dossier = (code: string) => s.app.db.dossier.findUniqueOrThrow({ where: { code } });
    expect((await dossier(w.dossiers.done)).status).toBe('done');
    expect((await dossier(w.dossiers.returned)).status).toBe('returned');
    const assignment = await s.app.db.assignment.findUniqueOrThrow({ where: { communeId_criterionId: { communeId: w.a.id, criterionId: w.criterion.TC2 } } });
    expect(assignment.accountId).toBe(w.people.officialA.id);
  }, TABLE_MS);

  it('shows each person only the complaints and communes of their scope in lists', async () => {
    for (const [name, spec] of Object.entries(commandTable)) {
      if (!isListing(spec)) continue;
      const command = allCommands().find((c) => c.name === name)!;
      for (const actor of ACTORS.filter((a) => command.roles.includes(ROLE_OF[a]))) {
        const text = await say(actor, spec.input(w));
        const label = `/${name} by ${actor}`;
        expect(text, label).not.toContain(ROLE_REASON);
        if (spec.sees.includes(actor)) expect(text, label).toContain(spec.thing(w));
        else expect(text, label).not.toContain(spec.thing(w));
      }
    }
  });

  describe('the complaint about an official’s dossier', () => {
    type Outcome = 'opens' | 'reporter' | [id: MessageId, args?: 'code'];
    const leadershipOnly: Outcome = ['complaints-leadership-only'];
    const notFound: Outcome = ['complaints-not-found', 'code'];
    const outOfScope: Outcome = ['complaints-out-of-scope'];
    const routes = {
      '/xuly': (w: World) => ({ text: `/xuly ${w.conduct}` }),
      '/tracuu': (w: World) => ({ text: `/tracuu ${w.conduct}` }),
      'cp:v (replayed view button)': (w: World) => ({ payload: `cp:v:${w.conduct}` }),
      'cp:a (replayed take-up button)': (w: World) => ({ payload: `cp:a:${w.conduct}` }),
      'cp:x (replayed reject button)': (w: World) => ({ payload: `cp:x:${w.conduct}` }),
    };
    type Route = keyof typeof routes;
    /** What each person gets by each route; commands a role may not use are the role check's (tested above). */
    const table: Record<Actor, Partial<Record<Route, Outcome>>> = {
      reporter: { '/tracuu': 'reporter', 'cp:v (replayed view button)': notFound, 'cp:a (replayed take-up button)': notFound, 'cp:x (replayed reject button)': notFound },
      citizen: { '/tracuu': notFound, 'cp:v (replayed view button)': notFound, 'cp:a (replayed take-up button)': notFound, 'cp:x (replayed reject button)': notFound },
      accusedA: { '/xuly': leadershipOnly, '/tracuu': notFound, 'cp:v (replayed view button)': leadershipOnly, 'cp:a (replayed take-up button)': leadershipOnly, 'cp:x (replayed reject button)': leadershipOnly },
      officialA: { '/xuly': leadershipOnly, '/tracuu': notFound, 'cp:v (replayed view button)': leadershipOnly, 'cp:a (replayed take-up button)': leadershipOnly, 'cp:x (replayed reject button)': leadershipOnly },
      officialB: { '/xuly': outOfScope, '/tracuu': notFound, 'cp:v (replayed view button)': outOfScope },
      managerOther: { '/xuly': outOfScope, '/tracuu': notFound, 'cp:v (replayed view button)': outOfScope, 'cp:a (replayed take-up button)': outOfScope },
      managerB: { '/xuly': outOfScope, '/tracuu': notFound },
      managerA: { '/xuly': 'opens', '/tracuu': 'opens', 'cp:v (replayed view button)': 'opens' },
      managerProvince: { '/xuly': 'opens', 'cp:v (replayed view button)': 'opens' },
      admin: { '/xuly': 'opens' },
    };

    it('reaches the commune’s manager alone', async () => {
      const told = await s.app.db.outboxMessage.findMany({ where: { payload: { contains: w.conduct } } });
      expect(told.map((m) => m.accountId)).toEqual([w.people.managerA.id]);
    });

    it('is refused to the official concerned and the commune’s other officials on every route, opened by the leadership', async () => {
      for (const actor of ACTORS) {
        for (const [route, outcome] of Object.entries(table[actor]) as [Route, Outcome][]) {
          const input = routes[route](w);
          const label = `${route} by ${actor}`;
          if (Array.isArray(outcome)) {
            const [id, args] = outcome;
            await expectRefused(actor, input, (text) => expect(text, label).toBe(inVi(id, args ? { code: w.conduct } : undefined)));
            continue;
          }
          const text = await say(actor, input);
          expect(text, label).toContain(w.conduct);
          if (outcome === 'opens') {
            // Managers only, with the warning that the dossier may identify the anonymous reporter.
            expect(text, label).toContain(inVi('complaints-card-dossier-anonymous', { code: 'AM-KHOA-1' }));
            expect(text, label).toContain(inVi('complaints-reporter-anonymous'));
          }
          for (const secret of ['Hoàng Thị Người Nộp', externalId.reporter, `số ${w.people.reporter.id})`]) expect(text, label).not.toContain(secret);
        }
      }
    }, TABLE_MS);

    it('is listed for the leadership of its commune only', async () => {
      for (const actor of ACTORS.filter((a) => ROLE_OF[a] !== 'citizen')) {
        const text = await say(actor, { text: '/phananh_ds' });
        expect(text.includes(w.conduct), `/phananh_ds by ${actor}`).toBe(['managerA', 'managerProvince', 'admin'].includes(actor));
      }
    });
  });

  it('keeps a citizen from reading another citizen\'s complaint', async () => {
    const other = await say('citizen', { text: `/tracuu ${w.complaint}` });
    expect(other).toBe(inVi('complaints-not-found', { code: w.complaint }));
    const own = await say('reporter', { text: `/tracuu ${w.complaint}` });
    expect(own).toContain(w.complaint);
    expect(own).toContain('Cán bộ hẹn lên hẹn xuống.');
  });

  // ─── HTTP ──────────────────────────────────────────────────────────────────

  type Caller = 'none' | 'wrong' | 'right';
  interface RouteRule {
    /** The path with its parameters filled in. */
    path: (w: World) => string;
    /** A request that the right credentials turn into a success. */
    request: (caller: Caller, n: number) => { body?: string; headers: Record<string, string> }[];
    /** Status for a caller with no credentials, wrong ones, the right ones. */
    status: Record<Caller, number>;
  }

  const json = { 'content-type': 'application/json' };
  const wrongTokens = ['wrong-token-wrong-token', `${DESK_TOKEN}x`, DESK_TOKEN.slice(0, -1), DESK_TOKEN.toUpperCase(), ` ${DESK_TOKEN.slice(1)}`, 'x'];
  const deskHeaders = (caller: Caller) => {
    if (caller === 'none') return [json];
    if (caller === 'right') return [{ ...json, authorization: `Bearer ${DESK_TOKEN}` }];
    return [
      ...wrongTokens.map((t) => ({ ...json, authorization: `Bearer ${t}` })),
      { ...json, authorization: DESK_TOKEN },
      { ...json, authorization: `Basic ${Buffer.from(`desk:${DESK_TOKEN}`).toString('base64')}` },
      { ...json, authorization: 'Bearer' },
    ];
  };
  const telegramUpdate = (n: number) =>
    JSON.stringify({
      update_id: 8_000_000 + n,
      message: { message_id: n, date: 1_793_584_800, chat: { id: 880_000 + n, type: 'private' }, from: { id: 880_000 + n, is_bot: false, first_name: 'A' }, text: '/start' },
    });
  const publicRule = (path: (w: World) => string): RouteRule => ({
    path,
    request: (caller) => [{ headers: caller === 'right' ? { authorization: `Bearer ${DESK_TOKEN}` } : ({} as Record<string, string>) }],
    status: { none: 200, wrong: 200, right: 200 },
  });

  const routeTable: Record<string, RouteRule> = {
    'GET /healthz': publicRule(() => '/healthz'),
    'HEAD /healthz': publicRule(() => '/healthz'),
    'GET /congkhai': publicRule(() => '/congkhai'),
    'HEAD /congkhai': publicRule(() => '/congkhai'),
    'GET /congkhai/:code': publicRule((w) => `/congkhai/${w.a.code}`),
    'HEAD /congkhai/:code': publicRule((w) => `/congkhai/${w.a.code}`),
    'POST /api/dossiers': {
      path: () => '/api/dossiers',
      request: (caller, n) =>
        deskHeaders(caller).map((headers) => ({ headers, body: JSON.stringify({ code: `AM-HTTP-${n}`, commune: 'BG-TANTIEN', procedure: '1.004884' }) })),
      status: { none: 401, wrong: 401, right: 201 },
    },
    'POST /api/dossiers/:code/status': {
      path: (w) => `/api/dossiers/${w.dossiers.api}/status`,
      request: (caller) => deskHeaders(caller).map((headers) => ({ headers, body: JSON.stringify({ status: 'done' }) })),
      status: { none: 401, wrong: 401, right: 200 },
    },
    'POST /telegram/webhook': {
      path: () => '/telegram/webhook',
      request: (caller, n) => {
        const secret = 'x-telegram-bot-api-secret-token';
        const body = telegramUpdate(n);
        if (caller === 'none') return [{ body, headers: json }];
        if (caller === 'right') return [{ body, headers: { ...json, [secret]: TELEGRAM_SECRET } }];
        return ['wrong-secret', `${TELEGRAM_SECRET}x`, TELEGRAM_SECRET.slice(0, -1), TELEGRAM_SECRET.toUpperCase(), ''].map((value) => ({ body, headers: { ...json, [secret]: value } }));
      },
      status: { none: 401, wrong: 401, right: 200 },
    },
    'POST /zalo/webhook': {
      path: () => '/zalo/webhook',
      request: (caller, n) => {
        const event = userText(zaloKeys, `am-zalo-${n}`, 'thủ tục khai sinh', `am-zalo-m-${n}`);
        const body = JSON.stringify(event);
        const header = 'x-zevent-signature';
        if (caller === 'none') return [{ body, headers: json }];
        if (caller === 'right') return [{ body, headers: { ...json, [header]: signature(zaloKeys, body, event.timestamp) } }];
        return [
          signature({ ...zaloKeys, secretKey: 'another-key' }, body, event.timestamp),
          signature(zaloKeys, body, String(Number(event.timestamp) + 1)),
          signature(zaloKeys, `${body} `, event.timestamp),
          `mac=${'0'.repeat(64)}`,
          'mac=',
        ].map((value) => ({ body, headers: { ...json, [header]: value } }));
      },
      status: { none: 401, wrong: 401, right: 200 },
    },
  };

  /** Method and path of every route the server has, read from Fastify's own route tree. */
  function serverRoutes(): string[] {
    const found: string[] = [];
    const stack: string[] = [];
    for (const line of s.server.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^([│ ]*)[├└]── (.+?)(?: \(([^)]+)\))?$/.exec(line);
      if (!m) continue;
      const depth = m[1].length / 4;
      stack.length = depth;
      stack.push(m[2]);
      for (const method of m[3]?.split(', ') ?? []) found.push(`${method} ${stack.join('')}`);
    }
    return found.sort();
  }

  it('has an access expectation for every route the server has', () => {
    const routes = serverRoutes();
    expect(routes).toContain('POST /api/dossiers');
    expect(routes).toContain('POST /zalo/webhook');
    expect(routes.filter((r) => !(r in routeTable)), 'routes missing from routeTable').toEqual([]);
  });

  it('answers each route as the table says for no, wrong and right credentials; refused calls change nothing', async () => {
    let n = 0;
    const answers: string[] = [];
    for (const route of serverRoutes()) {
      const rule = routeTable[route];
      const method = route.split(' ')[0];
      for (const caller of ['none', 'wrong', 'right'] as const) {
        for (const { body, headers } of rule.request(caller, ++n)) {
          const before = caller === 'right' ? null : await fingerprint(s.app);
          const answer: HttpAnswer = await s.send(method, rule.path(w), body, headers);
          await s.settle();
          const label = `${route} ${caller} ${JSON.stringify(headers)}`;
          expect(answer.status, label).toBe(rule.status[caller]);
          if (answer.status === 401) {
            expect((JSON.parse(answer.body) as { error: string }).error, `${label}: says why`).toBeTruthy();
            expect(await fingerprint(s.app), `${label}: changed the database`).toEqual(before);
          }
          answers.push(`${route} ${caller} ${answer.status}`);
        }
      }
    }
    expect(answers.length).toBeGreaterThan(40);
  });

  // ─── Secrets in constant time ──────────────────────────────────────────────

  describe('secrets compared in constant time', () => {
    const spy = vi.mocked(timingSafeEqual);

    it('safeEqual hashes both sides, so any lengths meet in timingSafeEqual', () => {
      spy.mockClear();
      expect(safeEqual('same-secret', 'same-secret')).toBe(true);
      expect(safeEqual('same-secret', 'same-secreT')).toBe(false);
      expect(safeEqual('', 'a-much-longer-expected-secret')).toBe(false);
      expect(safeEqual('đăng ký 👨‍👩‍👧', 'đăng ký 👨‍👩‍👧')).toBe(true);
      expect(spy).toHaveBeenCalledTimes(4);
      for (const [x, y] of spy.mock.calls) expect([(x as Buffer).length, (y as Buffer).length]).toEqual([32, 32]);
    });

    const cases: [string, () => Promise<HttpAnswer>][] = [
      ['desk token', () => s.send('POST', '/api/dossiers', '{}', { ...json, authorization: 'Bearer short' })],
      ['Telegram secret header', () => s.send('POST', '/telegram/webhook', telegramUpdate(999), { ...json, 'x-telegram-bot-api-secret-token': 'short' })],
      [
        'Zalo signature',
        () => {
          const event = userText(zaloKeys, 'am-ct', 'x', 'am-ct-1');
          return s.send('POST', '/zalo/webhook', JSON.stringify(event), { ...json, 'x-zevent-signature': `mac=${'a'.repeat(64)}` });
        },
      ],
    ];
    for (const [name, call] of cases) {
      it(`checks the ${name} with timingSafeEqual on equal-length digests`, async () => {
        spy.mockClear();
        expect((await call()).status).toBe(401);
        expect(spy).toHaveBeenCalled();
        for (const [x, y] of spy.mock.calls) expect((x as Buffer).length).toBe((y as Buffer).length);
      });
    }

    it('has no plain comparison of a secret left in the code that checks them', () => {
      const files = {
        'src/dossiers/desk-api.ts': /\bsafeEqual\(/,
        'bots/telegram/webhook.ts': /\bsafeEqual\(/,
        'bots/zalo/signature.ts': /\btimingSafeEqual\(/,
        'src/shared/secrets.ts': /\btimingSafeEqual\(/,
      };
      // `x === secret`, `secret !== y`… (a `.length` comparison of two digests is fine).
      const plain = /\b(secretToken|secretKey|expected|given|actual|DESK_API_TOKEN|TELEGRAM_WEBHOOK_SECRET|ZALO_OA_SECRET_KEY)\s*[!=]==|[!=]==\s*(secretToken|secretKey|expected|given|actual|[\w.]*DESK_API_TOKEN|[\w.]*TELEGRAM_WEBHOOK_SECRET|[\w.]*ZALO_OA_SECRET_KEY)\b(?!\.)/;
      for (const [file, uses] of Object.entries(files)) {
        const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
        expect(source, file).toMatch(uses);
        expect(source.split('\n').filter((line) => plain.test(line)), file).toEqual([]);
      }
    });
  });
});
