// The pure parts of the Zalo channel: signature, event parsing, rendering.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { matchSignature } from '../../bots/zalo/signature.js';
import { parseEvent } from '../../bots/zalo/events.js';
import { zaloSteps, ZALO_TEXT_LIMIT } from '../../bots/zalo/render.js';

const more = (part: number, total: number) => `more ${part}/${total}`;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('X-ZEvent-Signature', () => {
  const body = '{"app_id":"111","event_name":"user_send_text","timestamp":"1790000000000","sender":{"id":"u"},"recipient":{"id":"999"},"message":{"text":"chào","msg_id":"m"}}';
  const raw = Buffer.from(body);
  const json = JSON.parse(body);

  it('is sha256(app_id + raw body + timestamp + key), with or without the mac= prefix', () => {
    const mac = sha(`111${body}1790000000000key`);
    const appId = { id: 'app_id', timestamp: 'body' };
    expect(matchSignature(`mac=${mac}`, raw, json, 'key', 'app_id')).toEqual(appId);
    expect(matchSignature(mac.toUpperCase(), raw, json, 'key', 'app_id')).toEqual(appId);
    expect(matchSignature(`mac=${mac}`, raw, json, 'other', 'app_id')).toBeNull();
    expect(matchSignature(`mac=${mac.slice(0, 63)}`, raw, json, 'key', 'app_id')).toBeNull();
    expect(matchSignature(undefined, raw, json, 'key', 'app_id')).toBeNull();
    expect(matchSignature([`mac=${mac}`, `mac=${mac}`], raw, json, 'key', 'app_id')).toBeNull();
  });

  it('may start with the OA id instead, and may use the X-ZEvent-Timestamp header: the variant is reported', () => {
    const oaMac = sha(`999${body}1790000000000key`);
    expect(matchSignature(`mac=${oaMac}`, raw, json, 'key', 'oa_id')).toEqual({ id: 'oa_id', timestamp: 'body' });
    expect(matchSignature(`mac=${oaMac}`, raw, json, 'key', 'app_id')).toEqual({ id: 'oa_id', timestamp: 'body' });
    const headerMac = sha(`111${body}1790000000123key`);
    expect(matchSignature(`mac=${headerMac}`, raw, json, 'key', 'app_id')).toBeNull();
    expect(matchSignature(`mac=${headerMac}`, raw, json, 'key', 'app_id', '1790000000123')).toEqual({ id: 'app_id', timestamp: 'header' });
  });

  it('hashes the bytes as they came, not a re-serialisation', () => {
    const spaced = Buffer.from(body.replace('"chào"', '"chào" '));
    const mac = sha(`111${spaced.toString()}1790000000000key`);
    expect(matchSignature(`mac=${mac}`, spaced, json, 'key', 'app_id')).not.toBeNull();
    expect(matchSignature(`mac=${mac}`, raw, json, 'key', 'app_id')).toBeNull();
  });
});

describe('Zalo events', () => {
  const base = { app_id: '1', timestamp: '1790000000000', sender: { id: 'u1' }, recipient: { id: 'oa' } };

  it('reads text, and a #prefix:rest text as a button payload', () => {
    expect(parseEvent({ ...base, event_name: 'user_send_text', message: { text: 'chào', msg_id: 'm1' } })).toEqual({
      kind: 'message',
      updateId: 'm1',
      userId: 'u1',
      sentAt: new Date(1_790_000_000_000),
      text: 'chào',
    });
    // Seconds are read as seconds; nonsense as long ago.
    expect(parseEvent({ ...base, timestamp: '1790000000', event_name: 'user_send_text', message: { text: 'a', msg_id: 'm1' } })).toMatchObject({
      sentAt: new Date(1_790_000_000_000),
    });
    expect(parseEvent({ ...base, event_name: 'user_send_text', message: { text: '#p:1.000894', msg_id: 'm2' } })).toMatchObject({
      payload: 'p:1.000894',
    });
    // A hashtag someone typed stays text.
    expect(parseEvent({ ...base, event_name: 'user_send_text', message: { text: '#cảm ơn', msg_id: 'm3' } })).toMatchObject({
      text: '#cảm ơn',
    });
  });

  it('turns image, file and location messages into attachments', () => {
    const image = parseEvent({
      ...base,
      event_name: 'user_send_image',
      message: { msg_id: 'm4', text: 'ảnh hồ sơ', attachments: [{ type: 'image', payload: { url: 'https://x/a.jpg', thumbnail: 't' } }] },
    });
    expect(image).toMatchObject({ text: 'ảnh hồ sơ', attachments: [{ kind: 'photo', ref: 'https://x/a.jpg' }] });
    const file = parseEvent({
      ...base,
      event_name: 'user_send_file',
      message: { msg_id: 'm5', attachments: [{ type: 'file', payload: { url: 'https://x/f.pdf', name: 'don.pdf', size: '100' } }] },
    });
    expect(file).toMatchObject({ attachments: [{ kind: 'file', ref: 'https://x/f.pdf', name: 'don.pdf' }] });
    const location = parseEvent({
      ...base,
      event_name: 'user_send_location',
      message: { msg_id: 'm6', attachments: [{ type: 'location', payload: { coordinates: { latitude: '21.27', longitude: 106.19 } } }] },
    });
    expect(location).toMatchObject({ attachments: [{ kind: 'location', ref: '21.27,106.19' }] });
  });

  it('gives follow events a stable id, and ignores echoes, unknown and malformed events', () => {
    const follow = { app_id: '1', oa_id: 'oa', event_name: 'follow', timestamp: '17', follower: { id: 'u2' } };
    expect(parseEvent(follow)).toEqual({ kind: 'follow', updateId: 'follow:u2:17', userId: 'u2' });
    expect(parseEvent({ ...follow, event_name: 'unfollow' })).toMatchObject({ kind: 'unfollow', userId: 'u2' });
    expect(parseEvent({ event_name: 'user_click_chatnow', user_id: 'u3', oa_id: 'oa', timestamp: '18' })).toMatchObject({
      kind: 'chatnow',
      userId: 'u3',
    });
    expect(parseEvent({ ...base, event_name: 'oa_send_text', message: { text: 'x', msg_id: 'e' } }).kind).toBe('ignored');
    expect(parseEvent({ ...base, event_name: 'user_send_sticker', message: { msg_id: 's' } }).kind).toBe('ignored');
    expect(parseEvent({ ...base, event_name: 'user_send_text', message: { text: 'no id' } }).kind).toBe('ignored');
    expect(parseEvent(null).kind).toBe('ignored');
  });
});

describe('Reply -> Zalo messages', () => {
  it('splits long text at sentence ends under 2,000 characters, after NFC', () => {
    const sentence = 'Công dân nộp hồ sơ tại Bộ phận Một cửa của xã. '.normalize('NFD');
    const steps = zaloSteps({ text: sentence.repeat(100) }, more);
    expect(steps.length).toBeGreaterThan(1);
    for (const s of steps) {
      if (s.kind !== 'text') throw new Error('text only');
      expect(s.text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(s.text).toBe(s.text.normalize('NFC'));
      expect(s.text.trimEnd().endsWith('.')).toBe(true);
    }
  });

  it('sends more than 5 buttons as groups of at most 5, each further group on a "more" line', () => {
    const buttons = Array.from({ length: 12 }, (_, i) => [{ label: `Lựa chọn ${i + 1}`, payload: `x:${i}` }]);
    const steps = zaloSteps({ text: 'Chọn một:', buttons }, more);
    expect(steps.map((s) => (s.kind === 'text' ? [s.text, s.buttons?.length] : s.kind))).toEqual([
      ['Chọn một:', 5],
      ['more 2/3', 5],
      ['more 3/3', 2],
    ]);
    const first = steps[0];
    expect(first.kind === 'text' && first.buttons?.[0]).toEqual({ title: 'Lựa chọn 1', type: 'oa.query.hide', payload: '#x:0' });
  });

  it('puts pictures and files after the text', () => {
    const steps = zaloSteps(
      { text: 'Mã QR:', image: { filename: 'qr.png', base64: 'iVBO', alt: 'Mã QR' }, document: { filename: 'bc.xlsx', mime: 'application/x', base64: 'UEs=' } },
      more,
    );
    expect(steps.map((s) => s.kind)).toEqual(['text', 'image', 'file']);
  });
});
