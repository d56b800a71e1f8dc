// Ticket codes a citizen can read out on the phone: PA-<yymm>-<5 characters>, without the
// look-alike characters 0/O, 1/I/L.
import { randomInt } from 'node:crypto';
import { vnMonth } from '../shared/vntime.js';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RANDOM_LENGTH = 5;
export const CODE_PATTERN = /^PA-\d{4}-[2-9A-HJKMNP-Z]{5}$/;

export function newComplaintCode(at: Date): string {
  const yymm = vnMonth(at).slice(2).replace('-', '');
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `PA-${yymm}-${random}`;
}

const CODE_IN_TEXT = /(?<![A-Za-z0-9])PA-\d{4}-[2-9A-HJKMNP-Z]{5}(?![A-Za-z0-9])/i;

/** The complaint code typed anywhere in a message ("PA-2611-7KQ4M đến đâu rồi"), or null. */
export function findComplaintCode(text: string): string | null {
  return CODE_IN_TEXT.exec(text)?.[0].toUpperCase() ?? null;
}

/** Accepts what people type ("pa-2611-7kq4m", spaces around) and returns the canonical code, or null. */
export function parseComplaintCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}
