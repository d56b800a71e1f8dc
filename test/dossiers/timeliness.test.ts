// Timeliness by the real dates: a result handed back by the original due date is on time
// whatever /trehan said, and /trehan on a dossier that is not late yet warns and asks first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/types.js';
import { RecordingI18n } from '../support/i18n.js';
import { followedDossier, makeWorld, official, type World } from './support.js';

const i18n = new RecordingI18n();
let w: World;

beforeAll(async () => {
  w = await makeWorld({}, '2026-03-12T02:00:00Z', i18n); // Thursday 12 March, 09:00
  await official(w.app, 'canbo-a', w.tanTien.id);
});
afterAll(() => w?.app.close());

async function say(userId: string, input: { text: string } | { payload: string }) {
  i18n.take();
  const replies: Reply[] = await w.app.conversation.handle({ channel: 'console', userId, ...input });
  return { replies, said: i18n.take() };
}

/** A snapshot of what a refused or cancelled /trehan must leave alone. */
async function untouched(id: number) {
  const d = await w.app.db.dossier.findUniqueOrThrow({ where: { id } });
  return { delay: [d.delayReason, d.newDueAt, d.apologizedAt], outbox: await w.app.db.outboxMessage.count(), audit: await w.app.db.auditLog.count() };
}

describe('/trehan on a dossier that is not late yet', () => {
  it('warns with the original date and asks with buttons; cancelling changes nothing', async () => {
    const { dossier } = await followedDossier(w, 'dan-1', { dueDate: '2026-03-16' });
    const before = await untouched(dossier.id);
    const warned = await say('canbo-a', { text: `/trehan ${dossier.code}` });
    expect(warned.said).toContainEqual({ locale: 'vi', id: 'dossier-delay-not-late', args: { code: dossier.code, due: '16/03/2026' } });
    expect(warned.replies[0].buttons?.flat().map((b) => b.payload)).toEqual(['dly:yes', 'dly:no']);
    // Words are not an answer: the question again.
    expect((await say('canbo-a', { text: 'ừ' })).said.map((s) => s.id)).toContain('dossier-delay-not-late');
    expect((await say('canbo-a', { payload: 'dly:no' })).said.map((s) => s.id)).toContain('dossier-delay-cancelled');
    expect(await untouched(dossier.id)).toEqual(before);
  });

  it('goes on to the reason once confirmed', async () => {
    const { dossier } = await followedDossier(w, 'dan-2', { dueDate: '2026-03-16' });
    await say('canbo-a', { text: `/trehan ${dossier.code}` });
    expect((await say('canbo-a', { payload: 'dly:yes' })).said.map((s) => s.id)).toContain('dossier-delay-ask-reason');
    await say('canbo-a', { text: '/huy' });
  });

  it('asks no confirmation for a dossier already past its date', async () => {
    const { dossier } = await followedDossier(w, 'dan-3', { dueDate: '2026-03-13' });
    w.clock.set('2026-03-16T02:00:00Z'); // Monday 16: past Friday's date
    const asked = await say('canbo-a', { text: `/trehan ${dossier.code}` });
    expect(asked.said.map((s) => s.id)).toEqual(['dossier-delay-ask-reason']);
    await say('canbo-a', { text: '/huy' });
    w.clock.set('2026-03-12T02:00:00Z');
  });
});

describe('a result by the original due date', () => {
  it('is on time after /trehan moved the date, and the citizen is told so', async () => {
    const { dossier } = await followedDossier(w, 'dan-4', { dueDate: '2026-03-16' });
    await say('canbo-a', { text: `/trehan ${dossier.code}` });
    await say('canbo-a', { payload: 'dly:yes' });
    await say('canbo-a', { text: 'Chờ kết quả xác minh từ xã khác' });
    await say('canbo-a', { text: '20/03/2026' });
    expect((await w.app.db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).newDueAt).not.toBeNull();

    w.clock.set('2026-03-16T08:00:00Z'); // Monday 16 March, 15:00: the original due date
    const handed = await say('canbo-a', { text: `/tra ${dossier.code}` });
    expect(handed.said).toContainEqual(expect.objectContaining({ id: 'dossier-returned-ok', args: expect.objectContaining({ outcome: 'on_time' }) }));
    expect((await w.app.db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).outcome).toBe('on_time');
  });

  it('is late when handed back after it, even by the new date', async () => {
    w.clock.set('2026-03-12T02:00:00Z');
    const { dossier } = await followedDossier(w, 'dan-5', { dueDate: '2026-03-16' });
    await say('canbo-a', { text: `/trehan ${dossier.code}` });
    await say('canbo-a', { payload: 'dly:yes' });
    await say('canbo-a', { text: 'Chờ kết quả xác minh từ xã khác' });
    await say('canbo-a', { text: '20/03/2026' });
    w.clock.set('2026-03-19T02:00:00Z');
    expect((await say('canbo-a', { text: `/tra ${dossier.code}` })).said).toContainEqual(
      expect.objectContaining({ id: 'dossier-returned-ok', args: expect.objectContaining({ outcome: 'late' }) }),
    );
  });
});
