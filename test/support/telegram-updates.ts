// Telegram updates as a private chat produces them, for tests and benchmarks.
import type { Reply } from '../../src/conversation/types.js';
const user = (chatId: number, languageCode: string) => ({
  id: chatId,
  is_bot: false,
  first_name: 'Người dùng',
  language_code: languageCode,
});

export function textUpdate(chatId: number, text: string, languageCode = 'vi') {
  return {
    message: {
      message_id: Math.floor(Math.random() * 1e6),
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Người dùng' },
      from: user(chatId, languageCode),
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] } : {}),
    },
  };
}

export function buttonUpdate(chatId: number, data: string, languageCode = 'vi') {
  return {
    callback_query: {
      id: `cb-${chatId}-${Math.floor(Math.random() * 1e9)}`,
      from: user(chatId, languageCode),
      chat_instance: String(chatId),
      data,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Người dùng' },
        text: '…',
      },
    },
  };
}

/**
 * The inline keyboard of the latest of these sent messages that has one, as a Reply (each
 * button's callback_data as its payload), so a test can find a button by payload.
 */
export function latestKeyboard(sent: { params: Record<string, unknown> }[]): Reply[] {
  const keyboard = sent
    .map((c) => (c.params.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard)
    .filter((k) => k !== undefined)
    .at(-1);
  return [{ text: '', buttons: (keyboard ?? []).map((row) => row.map((b) => ({ label: b.text, payload: b.callback_data }))) }];
}
