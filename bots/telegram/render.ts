// Reply -> Telegram API calls. Text longer than Telegram's 4,096 characters is split, buttons
// become an inline keyboard on the last part, files and pictures (sendPhoto, captioned with the
// picture's words) follow the text. The calls
// are returned as a list so that the caller picks the Api they go through (webhook reply,
// auto-retry, or the outbox's plain client).
import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { MAX_PAYLOAD_BYTES, type Button, type Reply } from '../../src/conversation/types.js';
import { fitText, splitReply } from '../../src/conversation/replies.js';

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

export type TelegramCall = (api: Api) => Promise<unknown>;

function fitsCallbackData(b: Button): boolean {
  const bytes = Buffer.byteLength(b.payload, 'utf8');
  return bytes >= 1 && bytes <= MAX_PAYLOAD_BYTES && b.label.trim() !== '';
}

/**
 * Inline keyboard for the buttons. A button whose payload Telegram would refuse is left out
 * rather than letting it make the whole message fail (button() already refuses to build one).
 */
export function inlineKeyboard(rows: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  const inline_keyboard = (rows ?? [])
    .map((row) => row.filter(fitsCallbackData).map((b) => ({ text: b.label, callback_data: b.payload })))
    .filter((row) => row.length > 0);
  return inline_keyboard.length ? { inline_keyboard } : undefined;
}

export function telegramCalls(chatId: number | string, replies: Reply[]): TelegramCall[] {
  const calls: TelegramCall[] = [];
  for (const reply of replies) {
    for (const part of splitReply(reply, TELEGRAM_TEXT_LIMIT)) {
      if (!part.text.trim()) continue;
      const reply_markup = inlineKeyboard(part.buttons);
      calls.push((api) => api.sendMessage(chatId, part.text, reply_markup ? { reply_markup } : {}));
    }
    const { document, image } = reply;
    if (document) {
      calls.push((api) =>
        api.sendDocument(chatId, new InputFile(Buffer.from(document.base64, 'base64'), document.filename)),
      );
    }
    if (image) {
      // The picture's words ride as its caption, so the photo explains itself when forwarded.
      const caption = fitText(image.alt, TELEGRAM_CAPTION_LIMIT);
      calls.push((api) =>
        api.sendPhoto(chatId, new InputFile(Buffer.from(image.base64, 'base64'), image.filename), caption ? { caption } : {}),
      );
    }
  }
  return calls;
}
