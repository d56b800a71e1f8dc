// Each intent through the console channel, as a citizen types it: the conversation core, the
// real database, the real dossier and complaint modules. What was said is checked by message
// id; a search answer by its content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { expectSaid, idsOf, said } from '../support/conversation.js';
import { followedDossier, makeWorld, register, type World } from '../dossiers/support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.app.close();
});

const account = (externalId: string) =>
  w.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId } } });

describe('intents on the console', () => {
  it('greets, thanks and helps briefly, and lets a greeting with a question reach the search', async () => {
    said(w.app).take();
    await consoleSession(w.app, 'i1', ['chào bạn', 'cảm ơn nhiều', 'giúp tôi với']);
    const told = idsOf(said(w.app).take());
    expect(told.filter((id) => id.startsWith('intent-'))).toEqual(['intent-greeting', 'intent-thanks']);
    // "Help me" is answered with the command list, /phananh among them.
    expect(told).toContain('help-intro');
    expect(told).toContain('complaints-cmd-phananh');
    const out = await consoleSession(w.app, 'i1', ['chào bạn, cho hỏi đăng ký tạm trú cần gì']);
    expect(idsOf(said(w.app).take())).not.toContain('intent-greeting');
    expect(out).toContain('Đăng ký tạm trú');
  });

  it('answers a complaint with an apology and one tap into /phananh with the category chosen', async () => {
    const out = await consoleSession(w.app, 'i2', ['😡 lam giay to gi ma lau the', '1', '2']);
    expect(out).toContain('Xin lỗi anh/chị');
    expect(out).toContain('Gửi phản ánh: Chậm trễ, trễ hẹn giải quyết');
    // Pressing it asks for the commune, then straight for the description: the category is known.
    expect(out).toContain('phản ánh về UBND xã, phường nào');
    expect(out).not.toContain('Anh/chị phản ánh về vấn đề gì');
    const dialogue = await w.app.db.dialogueState.findFirstOrThrow({ where: { channel: 'console', userId: 'i2' } });
    expect(dialogue.step).toBe('description');
    expect(JSON.parse(dialogue.data)).toMatchObject({ category: 'delay' });
  });

  it('sends a complaint that names a denunciation to the legal procedure instead', async () => {
    const out = await consoleSession(w.app, 'i3', ['tôi muốn tố cáo cán bộ đòi tiền']);
    expect(out).toContain(w.app.i18n.t('vi', 'complaints-legal-redirect'));
    expect(out).not.toContain('Gửi phản ánh:');
  });

  it('asks for the receipt code when the person follows no dossier, and takes the code inside a sentence', async () => {
    const reg = await register(w);
    said(w.app).take();
    await consoleSession(w.app, 'i4', ['ho so cua toi xong chua']);
    expect(idsOf(said(w.app).take())).toEqual(['intent-dossier-ask-code']);
    await consoleSession(w.app, 'i4', [`hồ sơ ${reg.zaloCode} của tôi xong chưa ạ`]);
    const opened = said(w.app).take();
    expectSaid(opened, 'dossier-card', { code: reg.dossier.code });
    expectSaid(opened, 'dossier-open-follow-invite');
  });

  it('answers "my dossier" from the dossiers the person follows, and adds them to a complaint about delay', async () => {
    const { dossier } = await followedDossier(w, 'i5');
    said(w.app).take();
    await consoleSession(w.app, 'i5', ['hồ sơ của tôi đến đâu rồi']);
    const status = said(w.app).take();
    expectSaid(status, 'intent-dossier-followed', { count: 1 });
    expectSaid(status, 'dossier-card', { code: dossier.code, status: 'received' });
    const angry = await consoleSession(w.app, 'i5', ['hồ sơ của tôi sao lâu quá vậy']);
    expect(angry).toContain('Xin lỗi anh/chị');
    expect(angry).toContain(dossier.code);
  });

  it('looks up a complaint code typed inside a sentence', async () => {
    await consoleSession(w.app, 'i6', ['/phananh', '1', '1', 'Cán bộ hẹn mãi không trả kết quả', '1', '1', '2']);
    const filed = await w.app.db.complaint.findFirstOrThrow({ where: { reporterId: (await account('i6')).id } });
    const out = await consoleSession(w.app, 'i6', [`cho hỏi phản ánh ${filed.code.toLowerCase()} đến đâu rồi`]);
    expect(out).toContain(`Phản ánh ${filed.code}`);
    // Someone else typing the same code learns nothing.
    const other = await consoleSession(w.app, 'i7', [`${filed.code} xong chưa`]);
    expect(other).not.toContain('Cán bộ hẹn mãi');
  });
});
