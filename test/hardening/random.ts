// Deterministic hostile input for the fuzz suite: a seeded generator (mulberry32), the strings
// that break parsers and renderers (NUL and control characters, lone surrogates, decomposed
// Vietnamese, bidirectional overrides, emoji sequences, prototype keys), and random JSON values
// built from them. The same seed gives the same cases on every run, so a failure can be replayed.

/** mulberry32: a tiny 32-bit generator, good enough to spread test cases. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Hand-picked pieces that have broken text handling somewhere. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m\u007f',
  '\r\n\r\n',
  '\t\v\f',
  // "Thành phố Hồ Chí Minh" decomposed (NFD), and the same name composed.
  'Tha\u0300nh pho\u0302\u0301 Ho\u0302\u0300 Chi\u0301 Minh',
  'Thành phố Hồ Chí Minh',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\udc00\ud800',
  '\u202eđăng ký\u202c',
  '\u200f\u200e\u2066\u2069',
  '👨‍👩‍👧‍👦🇻🇳🏳️‍🌈',
  '\u200b\ufeff\u2060',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE \"Dossier\"; --",
  '%s%n%x',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '1',
  '-1',
  '1e309',
  'NaN',
  '0x1F',
  'true',
  'null',
  '/start r_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '/dangky ABCD-EFGH',
  '/xong HS-0001',
  '/tracuu PA-2611-ABCDE',
  '#p:1.004884',
  'cp:v:PA-2611-ABCDE',
  'x'.repeat(5000),
  'Ă'.repeat(4001),
];

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Random code units, controls included, mixed with nasty pieces; lone surrogates too unless
   * `wellFormed` (text that a platform could really send, so that it reaches the handlers).
   */
  string(maxParts = 4, wellFormed = false): string {
    const pieces = NASTY_STRINGS.filter((s) => s.length < 100 && (!wellFormed || !/\p{Cs}/u.test(s)));
    let out = '';
    for (let i = this.int(1, maxParts); i > 0; i--) {
      if (this.chance(0.5)) out += this.pick(pieces);
      else {
        for (let n = this.int(0, 12); n > 0; n--) {
          const ranges = [this.int(0, 0x1f), this.int(0x20, 0x7e), this.int(0xa0, 0x2fff), this.int(0xe000, 0xffff)];
          out += String.fromCharCode(this.pick(wellFormed ? ranges : [...ranges, this.int(0xd800, 0xdfff)]));
        }
      }
    }
    return out;
  }

  number(): number {
    return this.pick([0, -0, 1, -1, 2 ** 53 + 1, -(2 ** 31), 1.5, 1e308, -1e-308, this.int(-1e9, 1e9), this.float()]);
  }

  /** A random JSON value; objects may carry prototype keys as own properties. */
  value(depth = 3): unknown {
    const kind = this.int(0, depth > 0 ? 7 : 4);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.number();
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: this.int(0, 4) }, () => this.value(depth - 1));
      default: {
        const obj: Record<string, unknown> = {};
        for (let i = this.int(0, 4); i > 0; i--) {
          setOwn(obj, this.chance(0.2) ? this.pick(PROTO_KEYS) : this.string(1), this.value(depth - 1));
        }
        return obj;
      }
    }
  }

  /** A value of another JSON type than `current` (numbers as strings, arrays for objects…). */
  otherType(current: unknown): unknown {
    for (;;) {
      const candidate = this.pick<unknown>([
        null,
        true,
        this.number(),
        String(typeof current === 'number' ? current : this.int(0, 99)),
        [],
        [current],
        {},
        { value: current },
      ]);
      if (jsonType(candidate) !== jsonType(current)) return candidate;
    }
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Sets an own property, even for `__proto__` (plain assignment would change the prototype). */
export function setOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy through JSON (own `__proto__` keys survive: JSON.parse makes them own properties). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `[[[…]]]` or `{"a":{"a":…}}`, `levels` deep. */
export function deepArray(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

export function deepObject(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** True when Fastify's JSON parser refuses the value (prototype poisoning is an error there). */
export function poisoned(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(poisoned);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, v]) =>
      key === '__proto__' ||
      (key === 'constructor' && v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, 'prototype')) ||
      poisoned(v),
  );
}

/** True when a string of the value (keys included) holds a lone surrogate: text no database can store. */
export function illFormed(value: unknown): boolean {
  if (typeof value === 'string') return /\p{Cs}/u.test(value);
  if (Array.isArray(value)) return value.some(illFormed);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => illFormed(key) || illFormed(v));
}

/** Runs `work` over the items with at most `limit` in flight, keeping the results in order. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}
