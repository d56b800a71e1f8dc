// What a citizen sees for a question, on the console: referral cards, a question back when
// unsure, the commune's own desk (and /xa), English, and unconfirmed facts said once.
import type { MessageId } from '../../src/i18n/message-ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/conversation/types.js';
import { procedureCard, referralCard } from '../../src/procedures/card.js';
import { consoleSession } from '../support/console.js';
import { buttonsIn, expectSaid, idsOf, person, said } from '../support/conversation.js';
import { followedDossier, makeWorld, type World } from '../dossiers/support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.app.close();
});

const vi = (id: MessageId, args?: Record<string, string | number>) => w.app.i18n.t('vi', id, args);

describe('answers on the console', () => {
  it('says plainly that an ID card is not done at the commune desk, and where to go', async () => {
    const out = await consoleSession(w.app, 'a1', ['lam cccd o dau']);
    expect(out).toContain(vi('referral-not-here'));
    expect(out).toContain('Công an');
    expect(out).not.toContain('Chứng thực bản sao');
  });

  it('asks "A hay B?" with buttons when unsure; a button opens that card, "none of these" the fields', async () => {
    const asked = await consoleSession(w.app, 'a2', ['xin giấy xác nhận']);
    expect(asked).toMatch(/Anh\/chị hỏi về ".+" hay ".+"/);
    expect(asked).not.toContain(vi('card-documents'));
    const a2 = person(w.app, 'a2');
    await a2.say('xin giấy xác nhận');
    // One of the entries asked about (the others are "none of these").
    const entry = buttonsIn(a2.last).find((b) => b.payload !== 'pn')!;
    expect(entry.payload).toMatch(/^(p|ref):/);
    said(w.app).take();
    await a2.press(entry.payload);
    expect(idsOf(said(w.app).take())).toContain('card-documents');
    await a2.say('xin giấy xác nhận');
    said(w.app).take();
    await a2.press('pn');
    expect(idsOf(said(w.app).take())).toContain('search-no-match');
  });

  it('lists a whole field when the question names it', async () => {
    const out = await consoleSession(w.app, 'a3', ['tôi muốn hỏi về bảo trợ xã hội']);
    expect(out).toMatch(/Lĩnh vực Bảo trợ xã hội có \d+ thủ tục/);
  });

  it('shows the desk of the commune chosen with the one-tap button, and remembers it', async () => {
    const a4 = person(w.app, 'a4');
    await a4.say('đăng ký kết hôn cần giấy tờ gì');
    await a4.press('xa:a:');
    said(w.app).take();
    const out = (await a4.press(`xa:s:${w.tanTien.id}:`)).map((r) => r.text).join('\n');
    const told = said(w.app).take();
    expectSaid(told, 'desk-chosen', { commune: w.tanTien.name });
    expectSaid(told, 'place-desk-of', { commune: w.tanTien.name });
    // The desk's own details, from the database, each under its label.
    expect(out).toContain(`${vi('desk-address')}: ${w.tanTien.deskAddress}`);
    expect(out).toContain(`${vi('desk-hours')}: ${w.tanTien.deskHours}`);
    expect(out).toContain(`${vi('desk-phone')}: ${w.tanTien.deskPhone}`);
    const account = await w.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: 'a4' } } });
    expect(account.homeCommuneId).toBe(w.tanTien.id);
    const later = (await a4.say('đăng ký khai tử')).map((r) => r.text).join('\n');
    expect(later).toContain(`${vi('desk-phone')}: ${w.tanTien.deskPhone}`);
    expect(buttonsIn(a4.last).map((b) => b.payload).filter((p) => p.startsWith('xa:a:'))).toEqual([]);
  });

  it('/xa sets and changes the commune by name, with or without diacritics, and refuses an unknown one', async () => {
    expect(await consoleSession(w.app, 'a5', ['/xa yen the'])).toContain(vi('desk-chosen', { commune: w.yenThe.name }));
    expect(await consoleSession(w.app, 'a5', ['/xa'])).toContain(vi('desk-current', { commune: w.yenThe.name }));
    const unknown = await consoleSession(w.app, 'a5', ['/xa Atlantis']);
    expect(unknown).toContain(vi('desk-commune-unknown', { typed: 'Atlantis' }));
    const account = await w.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: 'a5' } } });
    expect(account.homeCommuneId).toBe(w.yenThe.id);
  });

  it('knows the commune from a followed dossier', async () => {
    await followedDossier(w, 'a6');
    const out = await consoleSession(w.app, 'a6', ['đăng ký tạm trú', 'làm giấy khai sinh cho con']);
    expect(out).toContain(`${vi('desk-phone')}: ${w.tanTien.deskPhone}`);
  });

  it('answers an English question in the Vietnamese interface, and shows English labels in the English one', async () => {
    const viOut = await consoleSession(w.app, 'a7', ['How do I register the birth of my baby?']);
    expect(viOut).toContain('Đăng ký khai sinh');
    expect(viOut).toContain(vi('card-documents'));
    const enOut = await consoleSession(w.app, 'a8', ['/lang en', 'How do I register the birth of my baby?', 'lam giay khai sinh cho con']);
    expect(enOut).toContain('📄 Birth registration — Đăng ký khai sinh');
    expect(enOut).toContain(w.app.i18n.t('en', 'card-facts-language'));
    expect(enOut).toContain(`${w.app.i18n.t('en', 'card-documents')}:`);
    expect(enOut).not.toContain(`${vi('card-documents')}:`);
  });

  it('never shows "(cần kiểm chứng)" or "Chưa xác định" on any card; says once whom to confirm with', async () => {
    const ctx = { locale: 'vi', t: (id: MessageId, args?: Record<string, string | number>) => w.app.i18n.t('vi', id, args) } as unknown as Ctx;
    const procedures = await w.app.db.procedure.findMany();
    const catalogue = w.app.procedures;
    let confirmLines = 0;
    for (const { code } of procedures) {
      const card = procedureCard(ctx, catalogue.byCode(code)!, w.tanTien);
      expect(card, code).not.toMatch(/kiểm chứng|chưa xác định/i);
      const confirm = vi('card-confirm', { place: 'desk', phone: w.tanTien.deskPhone! });
      if (card.includes(confirm)) confirmLines++;
      expect(card.split(confirm).length, code).toBeLessThanOrEqual(2);
    }
    expect(confirmLines).toBeGreaterThan(0);
    for (const referral of await w.app.db.referral.findMany()) {
      expect(referralCard(ctx, catalogue.referral(referral.code)!), referral.code).not.toMatch(/kiểm chứng|chưa xác định/i);
    }
  });
});
