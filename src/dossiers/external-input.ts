// A dossier as the desk's software sends it (desk API body, CSV import row): codes instead of
// ids, times as text. One schema for both, so both accept exactly the same thing.
import { z } from 'zod';
import type { Services } from '../services.js';
import { parseVnDate, vnInstant } from '../shared/vntime.js';
import { DOSSIER_CODE } from './register.js';

export type FieldErrors = Record<string, string[]>;

/** Empty cells and empty strings mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const dateText = z
  .string()
  .trim()
  .transform((v, ctx) => parseVnDate(v) ?? (ctx.addIssue({ code: 'custom', message: 'must be a date: YYYY-MM-DD or dd/mm/yyyy' }), z.NEVER));

const LOCAL_TIME = /^(\S+)\s+(\d{1,2}):(\d{2})$/;

/** An ISO 8601 time with offset, or a Vietnamese wall-clock "dd/mm/yyyy HH:mm" (08:00 if only a date). */
const timeText = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (z.iso.datetime({ offset: true }).safeParse(v).success) return new Date(v);
    const [, day, hh, mm] = LOCAL_TIME.exec(v) ?? [null, v, '8', '00'];
    const date = parseVnDate(day!);
    if (date && Number(hh) < 24 && Number(mm) < 60) return vnInstant(date, `${hh!.padStart(2, '0')}:${mm}`);
    ctx.addIssue({ code: 'custom', message: 'must be a time: 2026-03-02T09:30:00+07:00 or 02/03/2026 09:30' });
    return z.NEVER;
  });

/** A Vietnamese mobile number (0912 345 678, +84 912 345 678), kept as Zalo writes it: 84912345678. */
const phoneText = z
  .string()
  .transform((v) => v.replace(/[\s.()-]/g, ''))
  .pipe(z.string().regex(/^(?:\+?84|0)\d{9}$/, { message: 'must be a Vietnamese mobile number such as 0912345678' }))
  .transform((v) => `84${v.replace(/^(?:\+?84|0)/, '')}`);

/** true/false, or in a CSV cell also 1/0, yes/no, có/không. */
const consentFlag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'có', 'không'], { message: 'must be true or false' }))
    .transform((v) => ['true', '1', 'yes', 'có'].includes(v)),
]);

/** Free text of a field: no control characters (NUL cannot even be stored on PostgreSQL). */
const plainText = (max: number) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'must not contain control characters' });

export const externalDossierSchema = z
  .object({
    code: z.string().trim().regex(DOSSIER_CODE, { message: '3–40 characters: letters, digits and . _ / -' }),
    commune: plainText(64),
    procedure: plainText(64),
    receivedAt: optional(timeText),
    citizenName: optional(plainText(100)),
    dueDate: optional(dateText),
    /** Where Zalo template messages about the dossier may go, with the citizen's consent. */
    citizenPhone: optional(phoneText),
    phoneConsent: optional(consentFlag),
  })
  .strict()
  .superRefine((v, ctx) => {
    // No phone number is kept without the citizen's consent to be told on it.
    if (v.citizenPhone && v.phoneConsent !== true) {
      ctx.addIssue({ code: 'custom', path: ['phoneConsent'], message: 'must be true when citizenPhone is given (the citizen agreed)' });
    }
  });
export type ExternalDossier = z.infer<typeof externalDossierSchema>;

/** Maps the commune and procedure codes to ids; unknown codes become field errors. */
export async function resolveCodes(
  services: Pick<Services, 'db'>,
  row: Pick<ExternalDossier, 'commune' | 'procedure'>,
): Promise<{ ok: true; communeId: number; procedureId: number } | { ok: false; errors: FieldErrors }> {
  const [commune, procedure] = await Promise.all([
    services.db.commune.findUnique({ where: { code: row.commune }, select: { id: true } }),
    services.db.procedure.findUnique({ where: { code: row.procedure }, select: { id: true } }),
  ]);
  const errors: FieldErrors = {};
  if (!commune) errors.commune = [`unknown commune code ${row.commune}`];
  if (!procedure) errors.procedure = [`unknown procedure code ${row.procedure}`];
  return commune && procedure ? { ok: true, communeId: commune.id, procedureId: procedure.id } : { ok: false, errors };
}
