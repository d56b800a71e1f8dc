// The questionnaire a citizen answers after a transaction is versioned data, like the criteria
// sets: prisma/seed/questionnaires/*.yaml, or `import questionnaire <file>`. A version holds the
// questions, their answers, which answer gives which level of the national 3-level scale, which
// answers alert the commune's leadership and which count as a report of being asked to pay
// extra. A saved version never changes: every rating names the version it answered, so old
// ratings stay readable after the questions change.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Db, Tx } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../shared/unicode.js';
import { issueLines } from '../shared/zod-issues.js';

/** The levels of the national one-stop system, best first. */
export const nationalLevels = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;
export type NationalLevel = (typeof nationalLevels)[number];

const text = (max: number) =>
  z
    .string({ error: 'expected text' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` }));

/** Every text in both languages: the bot speaks the person's. */
const bilingual = (max: number) => z.strictObject({ vi: text(max), en: text(max) }, { error: 'expected { vi: …, en: … }' });

// Ids and values travel in button payloads (`rf:<question>:<answer>`, at most 64 bytes).
const id = z.string({ error: 'expected text' }).regex(/^[a-z][a-z0-9_]{0,15}$/, { error: 'expected 1–16 characters of a-z, 0-9, _' });
const value = z
  .union([z.string(), z.number()], { error: 'expected text' })
  .transform(String)
  .pipe(z.string().regex(/^[a-z0-9_]{1,24}$/, { error: 'expected 1–24 characters of a-z, 0-9, _' }));

const answerSchema = z.strictObject({
  value,
  text: bilingual(100),
  national: z.enum(nationalLevels, { error: `expected one of ${nationalLevels.join(', ')}` }).optional(),
  alert: z.boolean({ error: 'expected true or false' }).default(false),
  extraPayment: z.boolean({ error: 'expected true or false' }).default(false),
});

const questionSchema = z.strictObject({
  id,
  scale: z.literal('national', { error: 'expected national (or leave it out)' }).optional(),
  /** Short name in reports and alerts ("Mức độ hài lòng"). */
  label: bilingual(60),
  text: bilingual(300),
  answers: z.array(answerSchema, { error: 'expected a list of answers' }).min(2, { error: 'expected at least 2 answers' }).max(6, {
    error: 'at most 6 answers (Zalo shows 5 buttons a message; more read badly on a phone)',
  }),
});

const questionnaireSchema = z
  .strictObject({
    key: z.string({ error: 'expected text' }).regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: 'expected 2–60 characters of a-z, 0-9 and -' }),
    title: bilingual(120),
    questions: z.array(questionSchema, { error: 'expected a list of questions' }).min(1).max(12),
    comment: z.strictObject({ text: bilingual(300), maxChars: z.int().min(1).max(2000).default(1000) }).optional(),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.questions.forEach((question, i) => {
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'duplicate question id' });
      seen.add(question.id);
      const values = new Set<string>();
      question.answers.forEach((a, j) => {
        const at = ['questions', i, 'answers', j];
        if (values.has(a.value)) ctx.addIssue({ code: 'custom', path: [...at, 'value'], message: 'duplicate answer value' });
        values.add(a.value);
        if (question.scale === 'national' && !a.national) {
          ctx.addIssue({ code: 'custom', path: [...at, 'national'], message: 'the national-scale question needs a level on every answer' });
        }
        if (question.scale !== 'national' && a.national) {
          ctx.addIssue({ code: 'custom', path: [...at, 'national'], message: 'only the question marked scale: national maps to the national scale' });
        }
      });
    });
    const national = q.questions.filter((x) => x.scale === 'national');
    if (national.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: `exactly one question must be marked scale: national (found ${national.length})` });
    }
  });

export type Questionnaire = z.output<typeof questionnaireSchema>;
export type Question = Questionnaire['questions'][number];
export type Answer = Question['answers'][number];
/** A person's answers: question id → answer value. */
export type Answers = Record<string, string>;

export type QuestionnaireParse = { ok: true; questionnaire: Questionnaire } | { ok: false; errors: string[] };

/** Validates a questionnaire file (YAML or JSON); errors name the field. */
export function parseQuestionnaire(source: string): QuestionnaireParse {
  const doc = parseDocument(source);
  if (doc.errors.length) return { ok: false, errors: [`YAML: ${doc.errors[0].message.split('\n')[0]}`] };
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    return { ok: false, errors: [`YAML: ${(e as Error).message}`] };
  }
  if (hasUnstorableText(raw)) return { ok: false, errors: [`file: ${UNSTORABLE_TEXT_MESSAGE}`] };
  const parsed = questionnaireSchema.safeParse(raw);
  return parsed.success ? { ok: true, questionnaire: parsed.data } : { ok: false, errors: issueLines('', parsed.error) };
}

export const textIn = (t: { vi: string; en: string }, locale: Locale) => t[locale];

export function nationalQuestion(q: Questionnaire): Question {
  return q.questions.find((x) => x.scale === 'national')!;
}

/** The chosen answers, in question order; values the questionnaire does not know are left out. */
export function chosen(q: Questionnaire, answers: Answers): { question: Question; answer: Answer }[] {
  return q.questions.flatMap((question) => {
    const answer = question.answers.find((a) => a.value === answers[question.id]);
    return answer ? [{ question, answer }] : [];
  });
}

/** What a complete set of answers means for the figures, or null when a question is unanswered. */
export function scoreAnswers(q: Questionnaire, answers: Answers): { level: NationalLevel; askedExtra: boolean } | null {
  const picked = chosen(q, answers);
  if (picked.length !== q.questions.length) return null;
  const level = picked.find((p) => p.question.scale === 'national')!.answer.national!;
  return { level, askedExtra: picked.some((p) => p.answer.extraPayment) };
}

/** The answers the questionnaire marks as alerts: what the leadership is told about. */
export function alertingAnswers(q: Questionnaire, answers: Answers): { question: Question; answer: Answer }[] {
  return chosen(q, answers).filter((p) => p.answer.alert);
}

// ─── Storage ─────────────────────────────────────────────────────────────────

/** Saved versions never change, so a process may keep what it has read. */
const cache = new Map<string, Questionnaire>();

export async function loadQuestionnaire(db: Db | Tx, key: string): Promise<Questionnaire | null> {
  const known = cache.get(key);
  if (known) return known;
  const row = await db.questionnaire.findUnique({ where: { key } });
  if (!row) return null;
  const parsed = questionnaireSchema.safeParse(JSON.parse(row.definition));
  if (!parsed.success) throw new Error(`questionnaire ${key}: stored definition does not parse`);
  cache.set(key, parsed.data);
  return parsed.data;
}

/**
 * Stores a new version. The same key again is accepted only with the same content: ratings
 * refer to a version by its key, so a change needs a new key.
 */
export async function saveQuestionnaire(db: Db, q: Questionnaire): Promise<{ ok: true; created: boolean } | { ok: false; errors: string[] }> {
  const definition = JSON.stringify(q);
  const existing = await db.questionnaire.findUnique({ where: { key: q.key } });
  if (existing) {
    if (existing.definition === definition) return { ok: true, created: false };
    return { ok: false, errors: [`key: ${q.key} is already saved with other content; a changed questionnaire needs a new key`] };
  }
  await db.questionnaire.create({ data: { key: q.key, definition } });
  return { ok: true, created: true };
}

