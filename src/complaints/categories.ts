// Complaint categories are data, not code: the operator edits a YAML file (labels in both
// languages, deadlines in working days) and the service reads and validates it at start, like
// the rest of its configuration (a bad file stops the start with the problems listed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, type Config } from '../config/index.js';
import { seedDir } from '../shared/seed-files.js';
import type { Locale } from '../i18n/index.js';

/** Decree 20/2008/NĐ-CP: feedback outside the receiver's competence is forwarded within 5 working days. */
export const DEFAULT_FORWARD_DAYS = 5;
/** The 2025 Prime Minister's dispatch: answer feedback within 15 days. */
export const DEFAULT_ANSWER_DAYS = 15;

const categorySchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,16}$/, { message: 'a–z, 0–9 or _, at most 16 characters' }),
  label: z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }),
  answerDays: z.number().int().min(1).max(90).default(DEFAULT_ANSWER_DAYS),
  forwardDays: z.number().int().min(1).max(30).default(DEFAULT_FORWARD_DAYS),
  /** About how officials behave (attitude, harassment, asking for money): handled by the leadership only. */
  staffConduct: z.boolean().default(false),
});

const fileSchema = z
  .array(categorySchema)
  .min(1)
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, { message: 'category keys must be unique' });

export type ComplaintCategory = z.infer<typeof categorySchema>;

export class ComplaintCategories {
  private readonly byKey: Map<string, ComplaintCategory>;

  constructor(readonly list: readonly ComplaintCategory[]) {
    this.byKey = new Map(list.map((c) => [c.key, c]));
  }

  get(key: string): ComplaintCategory | undefined {
    return this.byKey.get(key);
  }

  /** A category that left the file keeps its key as label and the default deadlines. */
  label(key: string, locale: Locale): string {
    return this.byKey.get(key)?.label[locale] ?? key;
  }

  answerDays(key: string): number {
    return this.byKey.get(key)?.answerDays ?? DEFAULT_ANSWER_DAYS;
  }

  /** A category that left the file is not taken for staff conduct; the complaint keeps the routing it was filed with. */
  staffConduct(key: string): boolean {
    return this.byKey.get(key)?.staffConduct ?? false;
  }

  forwardDays(key: string): number {
    return this.byKey.get(key)?.forwardDays ?? DEFAULT_FORWARD_DAYS;
  }
}

/** Reads the categories file of this configuration; throws ConfigError naming every problem. */
export function loadComplaintCategories(config: Pick<Config, 'COMPLAINT_CATEGORIES_FILE'>): ComplaintCategories {
  const file = path.resolve(config.COMPLAINT_CATEGORIES_FILE ?? path.join(seedDir, 'complaint-categories.yaml'));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`COMPLAINT_CATEGORIES_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ConfigError([`COMPLAINT_CATEGORIES_FILE: ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `COMPLAINT_CATEGORIES_FILE ${file}: ${i.path.join('.') || '(file)'}: ${i.message}`));
  }
  return new ComplaintCategories(parsed.data);
}
