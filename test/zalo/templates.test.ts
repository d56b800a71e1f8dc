// Pushes to people outside Zalo's 7-day window go as approved template messages, against the
// fake Zalo (its 7-day rule, its template endpoints and their 22:00–06:00 refusal): the rating
// request for a dossier returned 8 days after the citizen last wrote goes at 06:00, not at 23:00;
// by phone when the Zalo id cannot be reached and the desk gave a phone with consent; kinds
// without a template are held as before; a wrong templates file stops the start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { changeDossierStatus } from '../../src/dossiers/status.js';
import { saveDelay } from '../../src/dossiers/delay.js';
import { vnMonth } from '../../src/shared/vntime.js';
import { FakeZalo, PHONE_TEMPLATE_PATH, TEMPLATE_PATH } from '../support/fake-zalo.js';
import { startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userText } from '../support/zalo-webhook.js';
import { loadTemplates, templateQuietUntil } from '../../bots/zalo/templates.js';
import { templateOutcomeOf } from '../../bots/zalo/client.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-zalo-tpl-'));
const clock = new FakeClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
const templatesFile = path.join(dir, 'templates.yaml');
writeFileSync(
  templatesFile,
  `rating_request:
  templateId: "318502"
  params:
    customer_name: citizenName
    dossier_code: code
    procedure_name: procedure
    office: { value: "UBND xã Tân Tiến" }
result_ready:
  templateId: 318503
  params:
    dossier_code: code
`,
);

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock, {
    DEMO_DATA: 'true',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
    ZALO_TEMPLATES_FILE: templatesFile,
  }));
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const drain = () => new OutboxDispatcher(h.app, { senders: [h.zalo.sender], pacing: false }).drain();

async function say(userId: string, text: string): Promise<void> {
  expect((await h.post(userText(keys, userId, text))).status).toBe(200);
  await h.settle();
}

async function tap(userId: string, title: string): Promise<void> {
  for (const m of fake.delivered(userId).reverse()) {
    const b = (m.message.attachment?.payload?.buttons ?? []).find((x: { title: string }) => x.title === title);
    if (b) return say(userId, b.payload);
  }
  throw new Error(`no button "${title}" for ${userId}`);
}

/** A dossier registered at the desk and followed on Zalo by `userId`, who then goes quiet. */
async function followed(userId: string, extra: { citizenPhone?: string } = {}) {
  const commune = await h.app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
  const procedure = await h.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const reg = await registerDossier(h.app, { communeId: commune.id, procedureId: procedure.id, citizenName: 'Lê Văn Dân', ...extra });
  await say(userId, reg.zaloCode);
  await tap(userId, 'Theo dõi hồ sơ');
  return reg;
}

describe('Zalo template messages for pushes outside the window', () => {
  it('a rating request 8 days after the citizen last wrote goes as a template message at 06:00, not at 23:00', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const reg = await followed('tp-dan');
    const csBefore = fake.delivered('tp-dan').length;
    // Tuesday 10 March, 23:00 in Vietnam: 8 days later, the result is handed back.
    clock.set('2026-03-10T16:00:00Z');
    await changeDossierStatus(h.app, reg.dossier.id, 'returned');
    await drain();
    // Nothing at 23:00: neither a consultation message (it would be refused) nor a template.
    expect(fake.templates()).toHaveLength(0);
    expect(fake.delivered('tp-dan')).toHaveLength(csBefore);
    const row = await h.app.db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: `rating-request:${reg.dossier.id}` } });
    expect(row).toMatchObject({ status: 'pending', pushKind: 'rating_request', attempts: 0 });
    expect(row.nextAttemptAt.toISOString()).toBe('2026-03-10T23:00:00.000Z'); // 06:00 on 11 March in Vietnam

    clock.set('2026-03-10T22:59:00Z');
    await drain();
    expect(fake.templates()).toHaveLength(0);
    clock.set('2026-03-10T23:00:00Z');
    await drain();
    const [sent] = fake.templates();
    expect(sent).toMatchObject({
      recipient: { user_id: 'tp-dan' },
      template_id: '318502',
      template_data: { customer_name: 'Lê Văn Dân', dossier_code: reg.code, office: 'UBND xã Tân Tiến' },
    });
    expect(sent.template_data.procedure_name.length).toBeGreaterThan(0);
    expect(await h.app.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'sent' });
    expect(fake.billed('template', 'tp-dan')).toBe(1);
    expect(fake.billed('paid', 'tp-dan')).toBe(0);
    expect((await h.zalo.billing.usage(vnMonth(clock.now()))).templateMessages).toBe(1);
  });

  it('a kind without a template (the late-result apology here) is held until the person writes, as before', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const reg = await followed('tp-held');
    clock.set('2026-03-11T03:00:00Z'); // 10:00, 9 days later
    const dossier = await h.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
    await saveDelay(h.app, dossier, 'Chờ xác minh', '2026-03-20', null);
    const templatesBefore = fake.templates().length;
    await drain();
    expect(fake.templates()).toHaveLength(templatesBefore);
    const row = await h.app.db.outboxMessage.findFirstOrThrow({ where: { pushKind: 'late_apology', chatId: 'tp-held' } });
    expect(row.status).toBe('held');
    await say('tp-held', 'chào');
    await drain();
    expect((await h.app.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
  });

  it('goes by phone when the Zalo id cannot be reached and the desk gave a phone with consent', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const reg = await followed('tp-phone', { citizenPhone: '84912345678' });
    clock.set('2026-03-12T02:00:00Z'); // 09:00, 10 days later
    fake.failNext(TEMPLATE_PATH, -213);
    await changeDossierStatus(h.app, reg.dossier.id, 'done');
    await drain();
    const byPhone = fake.callsTo(PHONE_TEMPLATE_PATH).filter((c) => c.error === 0).map((c) => c.json);
    expect(byPhone).toEqual([expect.objectContaining({ phone: '84912345678', template_id: '318503', template_data: { dossier_code: reg.code } })]);
  });

  it('classifies template refusals: quiet hours wait for 06:00, quota for an hour, a refused template is final', () => {
    const at23 = new Date('2026-03-10T16:00:00Z');
    expect(templateQuietUntil(new Date('2026-03-10T02:00:00Z'))).toBeNull();
    expect(templateQuietUntil(at23)?.toISOString()).toBe('2026-03-10T23:00:00.000Z');
    expect(templateQuietUntil(new Date('2026-03-10T20:00:00Z'))?.toISOString()).toBe('2026-03-10T23:00:00.000Z'); // 03:00
    const fail = (code: number) => templateOutcomeOf({ ok: false, code, message: 'x' }, at23);
    expect(fail(-133)).toMatchObject({ kind: 'later', until: new Date('2026-03-10T23:00:00Z') });
    expect(fail(-234)).toMatchObject({ kind: 'later' });
    expect(fail(-144)).toMatchObject({ kind: 'later', until: new Date(at23.getTime() + 3600_000) });
    for (const code of [-108, -124, -131, -139, -141, -201]) expect(fail(code).kind).toBe('permanent');
    expect(fail(-32)).toMatchObject({ kind: 'retry', retryAfterMs: 60_000 });
    expect(fail(0).kind).toBe('retry');
  });

  it('refuses a templates file with an unknown kind, field or parameter value, naming each', () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'rating_request:\n  templateId: "12ab"\n  params:\n    name: fullName\nresult_redy:\n  templateId: "1"\n  params: {}\n');
    expect(() => loadTemplates(bad)).toThrow(/rating_request\.templateId: must be the template's number/);
    expect(() => loadTemplates(bad)).toThrow(/rating_request\.params\.name: must be one of code, procedure, citizenName, returnedDate/);
    expect(() => loadTemplates(bad)).toThrow(/result_redy: unknown field/);
    expect(() => loadTemplates(path.join(dir, 'missing.yaml'))).toThrow(/ZALO_TEMPLATES_FILE/);
    expect(loadTemplates(undefined)).toEqual({});
  });
});
