// Secrets that arrive from outside (the desk's bearer token, Telegram's webhook secret header)
// are compared in constant time. Both sides are hashed first, so timingSafeEqual always runs
// over 32 bytes: neither the content nor the length of the expected secret shows in the timing.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function safeEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
