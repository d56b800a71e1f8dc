// Telegram updates as a private chat produces them, for tests and benchmarks.
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
