// Referrals: what people ask a commune about that another agency handles (ID cards, passports,
// divorce, tax, pensions…), and where to go instead. A referral file is versioned YAML or JSON
// (`version` + `items`), validated as a whole like the procedure catalogue: one error line per
// bad row and field, and nothing is loaded unless every row is valid.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataText as text, dataTextList as textList, decodeDataFile, parseRows, type DataFormat } from '../shared/data-file.js';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../shared/unicode.js';
import { issueLines } from '../shared/zod-issues.js';

/** The file format this service reads; a later format gets a new number. */
export const REFERRAL_FILE_VERSION = 1;

export const referralInputSchema = z
  .strictObject(
    {
      code: z
        .string({ error: 'expected text' })
        .trim()
        .regex(/^REF-[A-Z0-9-]{1,36}$/, { error: 'expected REF- followed by 1–36 capital letters, digits or -' }),
      name: text(200),
      nameEn: text(200),
      /** Who handles it ("Công an", "Tòa án nhân dân khu vực"). */
      agency: text(200),
      /** Which office, at which level. */
      where: text(500),
      /** What to bring, only when known. */
      bring: textList(300).default([]),
      online: text(300),
      onlineUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
      /** What the commune can still do, or a caveat worth saying. */
      note: text(500).optional(),
      source: text(500).optional(),
      verify: z.boolean({ error: 'expected true or false' }).optional(),
      aliases: textList(200).min(1, { error: 'expected at least one alias' }),
      aliasesEn: textList(200).default([]),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected a mapping of fields') },
  )
  // A citizen is sent somewhere on the strength of this row: it needs a source or an honest flag.
  .refine((r) => r.source !== undefined || r.verify === true, {
    path: ['source'],
    error: 'expected a source (URL or citation), or verify: true',
  });

export type ReferralInput = z.output<typeof referralInputSchema>;

export type ReferralFileResult = { ok: true; referrals: ReferralInput[] } | { ok: false; errors: string[] };

const fileSchema = z.strictObject(
  {
    version: z.literal(REFERRAL_FILE_VERSION, {
      error: `expected ${REFERRAL_FILE_VERSION} (the referral file format this service reads)`,
    }),
    items: z.array(z.unknown(), { error: 'expected a list of referrals' }).min(1, { error: 'expected at least one referral' }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected a mapping with version and items') },
);

/** Validate a whole referral file. Any bad row rejects the file; errors name row (1-based), code and field. */
export function parseReferrals(text: string, format: DataFormat): ReferralFileResult {
  const { value, error } = decodeDataFile(text, format);
  if (error) return { ok: false, errors: [error] };
  if (hasUnstorableText(value)) return { ok: false, errors: [`file: ${UNSTORABLE_TEXT_MESSAGE}`] };
  const file = fileSchema.safeParse(value);
  if (!file.success) return { ok: false, errors: issueLines('top level', file.error) };
  const result = parseRows(file.data.items, referralInputSchema);
  return result.ok ? { ok: true, referrals: result.rows } : result;
}

export const SEED_REFERRALS_URL = new URL('../../prisma/seed/referrals.yaml', import.meta.url);

/** The bundled referral file; throws with all error lines if it is invalid. */
export function loadSeedReferrals(): ReferralInput[] {
  const result = parseReferrals(readFileSync(SEED_REFERRALS_URL, 'utf8'), 'yaml');
  if (!result.ok) throw new Error(`Invalid seed referrals ${SEED_REFERRALS_URL.pathname}:\n${result.errors.join('\n')}`);
  return result.referrals;
}
