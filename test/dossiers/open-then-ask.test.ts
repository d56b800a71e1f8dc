import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { registerDossier } from '../../src/dossiers/register.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp({ DEMO_DATA: 'true', RATING_TOKEN_SECRET: 'open-then-ask-secret-0123456789' });
});
afterAll(async () => {
  await app.close();
});

describe('after opening a dossier', () => {
  it('a question is answered as usual, once, and the dossier view is closed', async () => {
    const commune = await app.db.commune.findFirstOrThrow();
    const procedure = await app.db.procedure.findFirstOrThrow();
    const reg = await registerDossier(app, { communeId: commune.id, procedureId: procedure.id }, { qr: false });
    const opened = await app.conversation.handle({ channel: 'zalo', userId: 'viewer', text: reg.zaloCode });
    expect(opened[0].text).toContain(reg.dossier.code);
    expect(await app.db.dialogueState.count({ where: { userId: 'viewer' } })).toBe(1);

    const answer = await app.conversation.handle({ channel: 'zalo', userId: 'viewer', text: 'dang ky ket hon can gi' });
    expect(answer).toHaveLength(1);
    expect(answer[0].text).toContain('Đăng ký kết hôn');
    expect(await app.db.dialogueState.count({ where: { userId: 'viewer' } })).toBe(0);
  });
});
