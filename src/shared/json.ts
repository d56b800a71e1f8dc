// JSON from outside (webhook bodies, stored rows, API answers) may be anything, or not JSON at
// all: parse it without throwing and let the caller's zod schema decide what it is.

/** The parsed value, or null when there is no text or it is not JSON. */
export function safeJson(text: string | Buffer | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(typeof text === 'string' ? text : text.toString('utf8'));
  } catch {
    return null;
  }
}
