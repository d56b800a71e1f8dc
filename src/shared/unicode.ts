// Text from outside that no database can hold. A JSON or YAML escape such as "\ud800" decodes
// to a lone surrogate, which no UTF-8 database can store, and "\u0000" to a NUL character, which
// SQLite keeps but PostgreSQL refuses: either way the whole query would fail with an internal
// error. Decoded input is checked once at the boundary and refused with a clear message.

/** A UTF-16 surrogate half without its partner (with the `u` flag a proper pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- NUL is what is looked for
const LONE_SURROGATE_OR_NUL = /[\p{Cs}\u0000]/u;

/**
 * True when any string in the value (keys included) holds a lone surrogate. Messages from chat
 * are checked with this: a NUL in what a person typed is dropped (withoutNul), not refused.
 */
export function hasLoneSurrogate(value: unknown): boolean {
  return anyString(value, (text) => LONE_SURROGATE.test(text));
}

/** True when any string in the value holds a lone surrogate or NUL: data files are refused for either. */
export function hasUnstorableText(value: unknown): boolean {
  return anyString(value, (text) => LONE_SURROGATE_OR_NUL.test(text));
}

/** Iterative: input may nest deeply. */
function anyString(value: unknown, test: (text: string) => boolean): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) stack.push(key, child);
    }
  }
  return false;
}

export const LONE_SURROGATE_MESSAGE = 'text is not valid Unicode (a lone UTF-16 surrogate, e.g. from a \\ud800 escape)';
export const UNSTORABLE_TEXT_MESSAGE =
  'text is not valid Unicode or holds a NUL character (a lone UTF-16 surrogate or NUL, e.g. from a \\ud800 or \\u0000 escape)';

/** Chat text as it can be stored: NUL characters, which mean nothing to a reader, dropped. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}
