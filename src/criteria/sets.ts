// Criteria sets (bộ tiêu chí) are versioned data, one file per provincial decision: the
// criteria with their points and expected evidence, the star thresholds and an optional
// recognition rule. The same parser serves the seed files and `import criteria <file>`.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Db, Tx } from '../db/index.js';
import { issueLines } from '../shared/zod-issues.js';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../shared/unicode.js';

const text = (max: number) =>
  z
    .string({ error: 'expected text' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` }));

const points = z.number({ error: 'expected a number' }).positive({ error: 'must be more than 0' }).max(1000, {
  error: 'must be at most 1000',
});

const starLevelSchema = z.strictObject({
  stars: z.int({ error: 'expected a whole number of stars' }).min(1, { error: 'must be 1 or more' }).max(10, {
    error: 'must be at most 10',
  }),
  min: z.number({ error: 'expected the minimum points' }).min(0, { error: 'must be 0 or more' }),
});

export const levelsSchema = z.strictObject({
  /** Highest level first. */
  stars: z.array(starLevelSchema, { error: 'expected a list of {stars, min}' }).min(1, {
    error: 'expected at least one star level',
  }),
  /** Without a rule, any star level with every floor met counts as recognised. */
  recognition: z
    .strictObject({
      minPoints: z.number({ error: 'expected a number' }).min(0).optional(),
      minStars: z.int({ error: 'expected a whole number' }).min(1).optional(),
      /** Share of communes the province aims to have recognised, by year. */
      targets: z
        .array(
          z.strictObject({
            year: z.int({ error: 'expected a year' }).min(2000).max(2100),
            percent: z.number({ error: 'expected a percentage' }).min(0).max(100),
          }),
        )
        .default([]),
    })
    .optional(),
});
export type Levels = z.output<typeof levelsSchema>;

const evidenceList = z.array(text(200), { error: 'expected a list of documents' }).max(10, {
  error: 'at most 10 documents',
});

const criterionSchema = z.strictObject({
  code: z
    .string({ error: 'expected text' })
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,12}$/, { error: 'expected 1–12 characters of letters, digits, . - _' }),
  group: text(120).optional(),
  title: text(300),
  maxPoints: points,
  evidence: evidenceList.default([]),
  floorPoints: z.number({ error: 'expected a number' }).min(0).optional(),
  bonus: z.boolean({ error: 'expected true or false' }).default(false),
});

const setSchema = z.strictObject({
  key: z
    .string({ error: 'expected text' })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: 'expected 2–60 characters of a-z, 0-9 and -' }),
  decision: text(80),
  decidedOn: z
    .string({ error: 'expected a date YYYY-MM-DD' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
    .optional(),
  province: text(80),
  year: z.int({ error: 'expected a year' }).min(2000, { error: 'expected a year' }).max(2100, { error: 'expected a year' }),
  maxPoints: points,
  floorPercent: z.number({ error: 'expected a percentage' }).min(0).max(100).optional(),
  levels: levelsSchema,
  criteria: z.array(z.unknown(), { error: 'expected a list of criteria' }).min(1, { error: 'expected at least one criterion' }),
});

export type CriterionInput = z.output<typeof criterionSchema>;
export type CriteriaSetInput = Omit<z.output<typeof setSchema>, 'criteria'> & { criteria: CriterionInput[] };
export type SetParseResult = { ok: true; set: CriteriaSetInput } | { ok: false; errors: string[] };

/** Validates a whole set file; errors name the field or the criterion row (1-based) and field. */
export function parseCriteriaSet(source: string): SetParseResult {
  const doc = parseDocument(source);
  if (doc.errors.length) return { ok: false, errors: [`YAML: ${doc.errors[0].message.split('\n')[0]}`] };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (e) {
    // toJS refuses alias bombs ("billion laughs") by throwing.
    return { ok: false, errors: [`YAML: ${(e as Error).message}`] };
  }
  if (hasUnstorableText(value)) return { ok: false, errors: [`file: ${UNSTORABLE_TEXT_MESSAGE}`] };
  const head = setSchema.safeParse(value);
  if (!head.success) return { ok: false, errors: issueLines('', head.error) };

  const errors: string[] = [];
  const criteria: CriterionInput[] = [];
  const rowOfCode = new Map<string, number>();
  head.data.criteria.forEach((raw, i) => {
    const code = (raw as { code?: unknown } | null)?.code;
    const label = `criteria row ${i + 1}${typeof code === 'string' && code.trim() ? ` (${code.trim()})` : ''}`;
    const parsed = criterionSchema.safeParse(raw);
    if (!parsed.success) return void errors.push(...issueLines(label, parsed.error));
    const c = parsed.data;
    const seen = rowOfCode.get(c.code);
    if (seen) errors.push(`${label}: code: duplicate of row ${seen}`);
    else rowOfCode.set(c.code, i + 1);
    if (c.floorPoints !== undefined && c.floorPoints > c.maxPoints) errors.push(`${label}: floorPoints: more than maxPoints`);
    if (c.bonus && c.floorPoints !== undefined) errors.push(`${label}: floorPoints: a bonus criterion has no floor`);
    criteria.push(c);
  });
  const set = { ...head.data, criteria };
  if (!errors.length) errors.push(...consistencyErrors(set));
  return errors.length ? { ok: false, errors } : { ok: true, set };
}

function consistencyErrors(set: CriteriaSetInput): string[] {
  const errors: string[] = [];
  const scale = set.criteria.filter((c) => !c.bonus).reduce((sum, c) => sum + c.maxPoints, 0);
  if (Math.abs(scale - set.maxPoints) > 1e-9) {
    errors.push(`maxPoints: ${set.maxPoints}, but the criteria (bonus criteria aside) add up to ${scale}`);
  }
  set.levels.stars.forEach((level, i) => {
    const next = set.levels.stars[i + 1];
    if (level.min > set.maxPoints) errors.push(`levels.stars[${i}].min: more than maxPoints`);
    if (next && !(next.stars < level.stars && next.min < level.min)) {
      errors.push(`levels.stars[${i + 1}]: list the levels highest first, fewer stars needing fewer points`);
    }
  });
  const minPoints = set.levels.recognition?.minPoints;
  if (minPoints !== undefined && minPoints > set.maxPoints) errors.push('levels.recognition.minPoints: more than maxPoints');
  return errors;
}

/**
 * Creates or updates the set with `key`. Criteria are matched by code; a criterion missing from
 * the file is removed only when nothing refers to it. Returns errors instead of writing when
 * it would orphan assignments or reports.
 */
export async function saveCriteriaSet(
  db: Db,
  input: CriteriaSetInput,
): Promise<{ ok: true; created: boolean } | { ok: false; errors: string[] }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.criteriaSet.findUnique({ where: { key: input.key }, include: { criteria: true } });
    const wanted = new Set(input.criteria.map((c) => c.code));
    const dropped = existing?.criteria.filter((c) => !wanted.has(c.code)) ?? [];
    const errors = await droppedInUse(tx, dropped);
    if (errors.length) return { ok: false as const, errors };

    const fields = {
      decision: input.decision,
      decidedOn: input.decidedOn ?? null,
      province: input.province,
      year: input.year,
      maxPoints: input.maxPoints,
      floorPercent: input.floorPercent ?? null,
      levels: JSON.stringify(input.levels),
    };
    const set = existing
      ? await tx.criteriaSet.update({ where: { id: existing.id }, data: fields })
      : await tx.criteriaSet.create({ data: { key: input.key, ...fields } });
    if (dropped.length) await tx.criterion.deleteMany({ where: { id: { in: dropped.map((c) => c.id) } } });
    for (const [position, c] of input.criteria.entries()) {
      const data = {
        group: c.group ?? null,
        title: c.title,
        maxPoints: c.maxPoints,
        evidence: JSON.stringify(c.evidence),
        floorPoints: c.floorPoints ?? null,
        bonus: c.bonus,
        position,
      };
      await tx.criterion.upsert({
        where: { setId_code: { setId: set.id, code: c.code } },
        create: { setId: set.id, code: c.code, ...data },
        update: data,
      });
    }
    return { ok: true as const, created: !existing };
  });
}

async function droppedInUse(tx: Tx, dropped: { id: number; code: string }[]): Promise<string[]> {
  if (!dropped.length) return [];
  const ids = dropped.map((c) => c.id);
  const [assigned, reported] = await Promise.all([
    tx.assignment.findMany({ where: { criterionId: { in: ids } }, select: { criterionId: true }, distinct: ['criterionId'] }),
    tx.progressReport.findMany({ where: { criterionId: { in: ids } }, select: { criterionId: true }, distinct: ['criterionId'] }),
  ]);
  const used = new Set([...assigned, ...reported].map((r) => r.criterionId));
  return dropped
    .filter((c) => used.has(c.id))
    .map((c) => `criteria: ${c.code} is missing from the file but has assignments or reports; keep it or use a new key`);
}
