// The two secrets a dossier hands to its citizen: the rating token (Telegram deep link
// `?start=r_<token>`) and a short code a Zalo user types. Only their SHA-256 hashes are stored.
//
// Both are derived with HMAC from a server key and the dossier code (plus an attempt number,
// bumped on the rare short-code collision) instead of being drawn at random: the desk API must
// answer a repeated registration with the same link, and re-deriving is the only way to do that
// without keeping the secret itself in the database. Without the key they cannot be guessed.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../config/index.js';

/** 24 bytes = 192 bits = 32 base64url characters; `r_` + 32 fits Telegram's 64-character start payload. */
const TOKEN_CHARS = 32;
/** No 0/O, 1/I/L: read aloud or copied from paper without mistakes. */
const SHORT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SHORT_LENGTH = 8;
/** How many derivations a registration tries before giving up on a free short code. */
export const MAX_SECRET_ATTEMPTS = 5;

/** The deep-link prefix of rating tokens (`/start r_<token>`). */
export const RATING_START_PREFIX = 'r_';
/** Shape of a rating token after the prefix. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** A short code as people type it: 8 characters, optionally split 4-4 by a dash or space. */
const SHORT_INPUT = /^([A-Za-z0-9]{4})[-\s]?([A-Za-z0-9]{4})$/;

export interface DossierSecrets {
  token: string;
  /** Canonical form, 8 characters without the dash. */
  shortCode: string;
}

const processKey = randomBytes(32);

/** The derivation key: RATING_TOKEN_SECRET, else DESK_API_TOKEN, else a key that lives as long as the process. */
export function secretKey(config: Pick<Config, 'RATING_TOKEN_SECRET' | 'DESK_API_TOKEN'>): Buffer {
  const configured = config.RATING_TOKEN_SECRET ?? config.DESK_API_TOKEN;
  return configured ? Buffer.from(configured, 'utf8') : processKey;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: Buffer, ...parts: (string | number)[]): Buffer {
  return createHmac('sha256', key).update(parts.join('\0')).digest();
}

export function deriveSecrets(key: Buffer, dossierCode: string, attempt: number): DossierSecrets {
  const token = hmac(key, 'rating-token', dossierCode, attempt).toString('base64url').slice(0, TOKEN_CHARS);
  return { token, shortCode: deriveShortCode(key, dossierCode, attempt) };
}

/**
 * 8 characters of a 31-letter alphabet (≈ 39 bits), with at least one digit and one letter so
 * that no ordinary word sent to the bot is mistaken for a code.
 */
function deriveShortCode(key: Buffer, dossierCode: string, attempt: number): string {
  for (let round = 0; ; round++) {
    let code = '';
    for (const byte of hmac(key, 'short-code', dossierCode, attempt, round)) {
      // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
      if (byte >= 248) continue;
      code += SHORT_ALPHABET[byte % SHORT_ALPHABET.length];
      if (code.length === SHORT_LENGTH) break;
    }
    if (code.length === SHORT_LENGTH && /[0-9]/.test(code) && /[A-Z]/.test(code)) return code;
  }
}

/** The code as printed on a receipt: `ABCD-2345`. */
export function displayShortCode(shortCode: string): string {
  return `${shortCode.slice(0, 4)}-${shortCode.slice(4)}`;
}

/** The canonical short code if the text has its shape (any case, dash or space optional), else null. */
export function parseShortCode(text: string): string | null {
  const match = SHORT_INPUT.exec(text.trim());
  if (!match) return null;
  const code = (match[1] + match[2]).toUpperCase();
  if (![...code].every((c) => SHORT_ALPHABET.includes(c))) return null;
  return /[0-9]/.test(code) && /[A-Z]/.test(code) ? code : null;
}

/** A code in the dash or compact form standing as its own word inside a sentence. */
const SHORT_IN_TEXT = /(?<![A-Za-z0-9])[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}(?![A-Za-z0-9])/g;

/**
 * The short code typed anywhere in a message ("hồ sơ ABCD-2345 xong chưa"), or the whole
 * message in any accepted form ("abcd 2345"); null when there is none.
 */
export function findShortCode(text: string): string | null {
  const whole = parseShortCode(text);
  if (whole) return whole;
  for (const [candidate] of text.matchAll(SHORT_IN_TEXT)) {
    const code = parseShortCode(candidate);
    if (code) return code;
  }
  return null;
}

/** Which attempt produced the stored hash, so a repeated registration gets its secrets back. */
export function recoverSecrets(key: Buffer, dossierCode: string, ratingTokenHash: string): DossierSecrets | null {
  for (let attempt = 0; attempt < MAX_SECRET_ATTEMPTS; attempt++) {
    const secrets = deriveSecrets(key, dossierCode, attempt);
    if (sha256(secrets.token) === ratingTokenHash) return secrets;
  }
  return null;
}
