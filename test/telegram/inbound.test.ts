// Update -> Inbound mapping and keyboard rendering, without a network.
import { describe, expect, it } from 'vitest';
import { toInbound } from '../../bots/telegram/inbound.js';
import { inlineKeyboard } from '../../bots/telegram/render.js';
import { textUpdate, buttonUpdate } from '../support/telegram-updates.js';

describe('telegram update mapping', () => {
  it('keeps /start with its payload as text, with the language and the chat id as user', () => {
    const mapped = toInbound({ ...textUpdate(31, '/start r_AbC-123', 'en-US'), update_id: 9 });
    expect(mapped).toEqual({
      chatId: 31,
      inbound: { channel: 'telegram', userId: '31', text: '/start r_AbC-123', locale: 'en-US', displayName: 'Người dùng', updateId: '9' },
    });
  });

  it('turns a button press into a payload and remembers the query to answer', () => {
    const mapped = toInbound({ ...buttonUpdate(32, 'p:1.001193'), update_id: 10 });
    expect(mapped?.inbound).toMatchObject({ userId: '32', payload: 'p:1.001193' });
    expect(mapped?.inbound.text).toBeUndefined();
    expect(mapped?.callbackQueryId).toMatch(/^cb-32-/);
  });

  it('lists a photo (largest size), a document and a location as attachments, caption as text', () => {
    const base = textUpdate(33, '').message;
    const photo = toInbound({
      update_id: 11,
      message: { ...base, text: undefined, caption: 'Ảnh chụp biên nhận', photo: [{ file_id: 'small' }, { file_id: 'large' }] },
    });
    expect(photo?.inbound).toMatchObject({ text: 'Ảnh chụp biên nhận', attachments: [{ kind: 'photo', ref: 'large' }] });
    const doc = toInbound({ update_id: 12, message: { ...base, text: undefined, document: { file_id: 'doc-1', file_name: 'don.pdf' } } });
    expect(doc?.inbound.attachments).toEqual([{ kind: 'file', ref: 'doc-1', name: 'don.pdf' }]);
    const place = toInbound({ update_id: 13, message: { ...base, text: undefined, location: { latitude: 21.03, longitude: 105.85 } } });
    expect(place?.inbound.attachments).toEqual([{ kind: 'location', ref: '21.03,105.85' }]);
  });

  it('ignores groups, malformed updates and kinds the bot does not read', () => {
    const group = textUpdate(34, 'xin chao');
    expect(toInbound({ update_id: 14, message: { ...group.message, chat: { id: -5, type: 'supergroup' } } })).toBeNull();
    expect(toInbound({ update_id: 'x', message: group.message })).toBeNull();
    expect(toInbound({ update_id: 15, edited_message: group.message })).toBeNull();
  });
});

describe('telegram inline keyboard', () => {
  it('leaves out buttons whose payload Telegram would refuse', () => {
    const tooLong = 'p:'.padEnd(65, 'x');
    const accented = 'c:' + 'đ'.repeat(31); // 64 bytes: fits
    expect(
      inlineKeyboard([
        [{ label: 'A', payload: 'a:1' }, { label: 'B', payload: tooLong }],
        [{ label: 'C', payload: tooLong }],
        [{ label: 'D', payload: accented }],
      ]),
    ).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a:1' }], [{ text: 'D', callback_data: accented }]] });
    expect(inlineKeyboard([])).toBeUndefined();
  });
});
