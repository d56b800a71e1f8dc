// What a citizen is handed at the desk: the Telegram deep link, its QR picture and the Zalo code.
import QRCode from 'qrcode';
import type { Config } from '../config/index.js';
import { RATING_START_PREFIX } from './secrets.js';

/** `https://t.me/<bot>?start=r_<token>`, or null while the Telegram bot's username is unknown. */
export function ratingLink(config: Pick<Config, 'TELEGRAM_BOT_USERNAME'>, token: string): string | null {
  const bot = config.TELEGRAM_BOT_USERNAME?.replace(/^@/, '');
  return bot ? `https://t.me/${bot}?start=${RATING_START_PREFIX}${token}` : null;
}

/** The link as a PNG QR code (base64), sized to print on a receipt. */
export async function qrPngBase64(link: string): Promise<string> {
  const png = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
  return png.toString('base64');
}
