// Zalo signs each webhook POST with `X-ZEvent-Signature: mac=<hex>`, where hex is the plain
// SHA-256 (not an HMAC) of id + raw body + timestamp + OA secret key. The hash covers the raw
// bytes exactly as they arrived. Sources disagree on the id (app_id, documented, or the OA id)
// and on the timestamp (the body's, or the X-ZEvent-Timestamp header some set-ups send), so
// every combination is tried, the configured id first; the caller logs which one matched.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SIGNATURE_HEADER = 'x-zevent-signature';
export const TIMESTAMP_HEADER = 'x-zevent-timestamp';

export type SignatureId = 'app_id' | 'oa_id';

/** Which id and which timestamp made the signed string that matched. */
export interface SignatureVariant {
  id: SignatureId;
  timestamp: 'body' | 'header';
}

const idString = z.string().min(1).max(64);
/** A timestamp: documented as a string of digits; a plain integer is read back as its digits. */
export const timestampField = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative().transform(String)]);
/** Only what the signature needs; the event itself is validated later (events.ts). */
const signedFields = z.object({
  event_name: z.string().optional(),
  app_id: idString.optional(),
  oa_id: idString.optional(),
  sender: z.object({ id: idString }).optional(),
  recipient: z.object({ id: idString }).optional(),
  timestamp: timestampField,
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

/** The X-ZEvent-Timestamp header when it is one well-formed value. */
export function headerTimestamp(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^\d{1,20}$/.test(header.trim()) ? header.trim() : undefined;
}

/**
 * The variant whose mac the header carries for this body, or null. `json` is the parsed body
 * (the caller parses once); anything missing or malformed is simply "not verified".
 */
export function matchSignature(
  header: string | string[] | undefined,
  raw: Buffer,
  json: unknown,
  secretKey: string,
  prefer: SignatureId,
  timestampHeader?: string,
): SignatureVariant | null {
  const given = /^(?:mac=)?([0-9a-f]{64})$/i.exec(typeof header === 'string' ? header.trim() : '');
  const fields = signedFields.safeParse(json);
  if (!given || !fields.success) return null;
  const actual = Buffer.from(given[1].toLowerCase(), 'hex');
  const ids: SignatureId[] = prefer === 'app_id' ? ['app_id', 'oa_id'] : ['oa_id', 'app_id'];
  const stamps: [SignatureVariant['timestamp'], string | undefined][] = [
    ['body', fields.data.timestamp],
    ['header', timestampHeader],
  ];
  for (const which of ids) {
    const id = signedId(fields.data, which);
    if (!id) continue;
    for (const [source, timestamp] of stamps) {
      if (!timestamp) continue;
      const expected = Buffer.from(zaloMac(id, raw, timestamp, secretKey), 'hex');
      if (timingSafeEqual(actual, expected)) return { id: which, timestamp: source };
    }
  }
  return null;
}
