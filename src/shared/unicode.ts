// Ill-formed text from outside. A JSON or YAML escape such as "\ud800" decodes to a lone
// surrogate, which no UTF-8 database can hold: Prisma refuses the whole query with an internal
// error. Decoded input is checked once at the boundary and refused with a clear message.

/** A UTF-16 surrogate half without its partner (with the `u` flag a proper pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when any string in the value (keys included) holds a lone surrogate. Iterative: input may nest deeply. */
export function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) stack.push(key, child);
    }
  }
  return false;
}

export const LONE_SURROGATE_MESSAGE = 'text is not valid Unicode (a lone UTF-16 surrogate, e.g. from a \\ud800 escape)';
