// The procedure catalogue: validation of operator-supplied YAML/JSON files and the seed file.
// A file is accepted or rejected as a whole, with one readable error line per bad row and field,
// so an operator can fix everything in one go.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataText as text, dataTextList as textList, decodeDataFile, parseRows, type DataFormat } from '../shared/data-file.js';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../shared/unicode.js';

export const PROCEDURE_FIELDS = [
  'Hộ tịch',
  'Nuôi con nuôi',
  'Chứng thực',
  'Cư trú',
  'Bảo trợ xã hội',
  'Người có công',
  'Trẻ em',
  'Kinh doanh',
  'Xây dựng',
  'Đất đai',
  'Hòa giải',
  'Nông nghiệp',
] as const;

/** Where the citizen goes: the one-stop desk of the commune People's Committee or the commune police. */
export const PROCEDURE_PLACES = ['desk', 'police'] as const;

export const procedureInputSchema = z.strictObject(
  {
    code: z
      .string({ error: 'expected text' })
      .trim()
      .regex(/^[0-9A-Za-z.\-_]{1,40}$/, { error: 'expected 1–40 characters of letters, digits, . - _' }),
    name: text(200),
    /** English name, for the English interface and English questions. */
    nameEn: text(200).optional(),
    // Checked against the known fields but typed as string: rows read back from the database are.
    field: z
      .string({ error: 'expected text' })
      .trim()
      .normalize('NFC')
      .refine((f) => (PROCEDURE_FIELDS as readonly string[]).includes(f), {
        error: `expected one of: ${PROCEDURE_FIELDS.join(', ')}`,
      }),
    documents: textList(500).min(1, { error: 'expected at least one document' }),
    fee: text(500),
    feeByProvince: z.boolean({ error: 'expected true or false' }),
    timeLimit: text(300),
    timeLimitDays: z
      .number({ error: 'expected an integer 0–365 or null' })
      .int({ error: 'expected an integer 0–365' })
      .min(0, { error: 'expected an integer 0–365' })
      .max(365, { error: 'expected an integer 0–365' })
      .nullable(),
    place: z.enum(PROCEDURE_PLACES, { error: `expected one of: ${PROCEDURE_PLACES.join(', ')}` }),
    online: text(300),
    onlineUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    legalBasis: text(500).optional(),
    /** Where the facts come from: a URL or a citation, for the operator who checks them. */
    source: text(500).optional(),
    verify: z.boolean({ error: 'expected true or false' }).optional(),
    aliases: textList(200).default([]),
    /** How English speakers ask for it ("birth certificate for my baby"). */
    aliasesEn: textList(200).default([]),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected a mapping of fields') },
);

export type ProcedureInput = z.output<typeof procedureInputSchema>;

export type CatalogueResult = { ok: true; procedures: ProcedureInput[] } | { ok: false; errors: string[] };

/** Validate a whole catalogue file. Any bad row rejects the file; errors name row (1-based), code and field. */
export function parseCatalogue(text: string, format: DataFormat): CatalogueResult {
  const { value, error } = decodeDataFile(text, format);
  if (error) return { ok: false, errors: [error] };
  if (hasUnstorableText(value)) return { ok: false, errors: [`file: ${UNSTORABLE_TEXT_MESSAGE}`] };
  if (!Array.isArray(value)) return { ok: false, errors: ['top level: expected a list of procedures'] };
  if (value.length === 0) return { ok: false, errors: ['top level: expected at least one procedure'] };
  const result = parseRows(value, procedureInputSchema);
  return result.ok ? { ok: true, procedures: result.rows } : result;
}

export const SEED_CATALOGUE_URL = new URL('../../prisma/seed/procedures.yaml', import.meta.url);

/** The bundled seed catalogue; throws with all error lines if the file is invalid. */
export function loadSeedCatalogue(): ProcedureInput[] {
  const result = parseCatalogue(readFileSync(SEED_CATALOGUE_URL, 'utf8'), 'yaml');
  if (!result.ok) throw new Error(`Invalid seed catalogue ${SEED_CATALOGUE_URL.pathname}:\n${result.errors.join('\n')}`);
  return result.procedures;
}
