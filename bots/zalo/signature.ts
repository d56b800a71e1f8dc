// Zalo signs each webhook POST with `X-ZEvent-Signature: mac=<hex>`, where hex is the plain
// SHA-256 (not an HMAC) of id + raw body + timestamp + OA secret key. The id and timestamp
// are read from the body; the hash covers the raw bytes exactly as they arrived.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SIGNATURE_HEADER = 'x-zevent-signature';

export type SignatureId = 'app_id' | 'oa_id';

const idString = z.string().min(1).max(64);
/** Only what the signature needs; the event itself is validated later (events.ts). */
const signedFields = z.object({
  event_name: z.string().optional(),
  app_id: idString.optional(),
  oa_id: idString.optional(),
  sender: z.object({ id: idString }).optional(),
  recipient: z.object({ id: idString }).optional(),
  // Documented as a string; a plain integer is accepted and read back as its digits.
  timestamp: z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative().transform(String)]),
});

/**
 * The id that starts the signed string. `oa_id` is not always a top-level field: on user
 * events the OA is the recipient, on the OA's own echoes (oa_send_*) it is the sender.
 */
function signedId(fields: z.infer<typeof signedFields>, which: SignatureId): string | undefined {
  if (which === 'app_id') return fields.app_id;
  if (fields.oa_id) return fields.oa_id;
  return fields.event_name?.startsWith('oa_send_') ? fields.sender?.id : fields.recipient?.id;
}

export function zaloMac(id: string, raw: Buffer, timestamp: string, secretKey: string): string {
  return createHash('sha256').update(id).update(raw).update(timestamp).update(secretKey).digest('hex');
}

/**
 * True when the header carries the right mac for this body. `json` is the parsed body (the
 * caller parses once); anything missing or malformed is simply "not verified".
 */
export function verifySignature(
  header: string | string[] | undefined,
  raw: Buffer,
  json: unknown,
  secretKey: string,
  which: SignatureId,
): boolean {
  const given = /^(?:mac=)?([0-9a-f]{64})$/i.exec(typeof header === 'string' ? header.trim() : '');
  const fields = signedFields.safeParse(json);
  if (!given || !fields.success) return false;
  const id = signedId(fields.data, which);
  if (!id) return false;
  const expected = Buffer.from(zaloMac(id, raw, fields.data.timestamp, secretKey), 'hex');
  const actual = Buffer.from(given[1].toLowerCase(), 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
