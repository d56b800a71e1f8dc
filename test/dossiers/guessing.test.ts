import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { idsOf, said } from '../support/conversation.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp({ DEMO_DATA: 'true', RATE_LIMIT_WRONG_CODES_PER_HOUR: '3', RATING_TOKEN_SECRET: 'guessing-test-secret-0123456789' });
});
afterAll(async () => {
  await app.close();
});

const say = async (userId: string, text: string) =>
  (await app.conversation.handle({ channel: 'zalo', userId, text })).map((r) => r.text).join('\n');

describe('guessing rating codes', () => {
  it('stops lookups for an account after too many wrong codes, and only for that account', async () => {
    const commune = await app.db.commune.findFirstOrThrow();
    const procedure = await app.db.procedure.findFirstOrThrow();
    const reg = await registerDossier(app, { communeId: commune.id, procedureId: procedure.id }, { qr: false });

    said(app).take();
    for (const guess of ['AAAA-2222', 'AAAA-3333', 'AAAA-4444']) await say('guesser', guess);
    expect(idsOf(said(app).take())).toEqual(['dossier-open-unknown', 'dossier-open-unknown', 'dossier-open-unknown']);
    // Even the right code is refused now: a guesser learns nothing more this hour.
    const refused = await say('guesser', reg.zaloCode);
    expect(idsOf(said(app).take())).toEqual(['dossier-open-too-many']);
    expect(refused).not.toContain(reg.dossier.code);
    expect(await app.db.dialogueState.count({ where: { userId: 'guesser' } })).toBe(0);

    // Someone else holding the receipt is not affected.
    expect(await say('holder', reg.zaloCode)).toContain(reg.dossier.code);
  });
});
