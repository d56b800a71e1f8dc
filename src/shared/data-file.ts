// Operator data files (catalogue, referrals) arrive as YAML or JSON. Decoding turns either into
// a plain value or one readable error line, before any schema sees it.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { issueLines } from './zod-issues.js';

export type DataFormat = 'yaml' | 'json';

/** The format a file name implies: JSON for `.json`, YAML otherwise. */
export function formatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

export function decodeDataFile(text: string, format: DataFormat): { value?: unknown; error?: string } {
  if (format === 'json') {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return { error: `JSON: ${(e as Error).message}` };
    }
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { error: `YAML: ${doc.errors[0].message.split('\n')[0]}` };
  try {
    return { value: doc.toJS() };
  } catch (e) {
    // toJS refuses alias bombs ("billion laughs") by throwing.
    return { error: `YAML: ${(e as Error).message}` };
  }
}

/** Trimmed NFC text of 1–max characters. */
export const dataText = (max: number) =>
  z
    .string({ error: 'expected text' })
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const dataTextList = (max: number) => z.array(dataText(max), { error: 'expected a list of texts' });

/**
 * Validates every row of a list with `schema`; any bad row rejects the list. Errors name the row
 * (1-based), its code when it has one, and the field. Codes are compared case-insensitively
 * (search finds by code that way), so "ht-x" duplicates "HT-x".
 */
export function parseRows<S extends z.ZodType<{ code: string }>>(
  rows: unknown[],
  schema: S,
): { ok: true; rows: z.output<S>[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const parsed: z.output<S>[] = [];
  const firstRowOfCode = new Map<string, number>();
  rows.forEach((row: unknown, i) => {
    const rawCode = (row as { code?: unknown } | null)?.code;
    const label = `row ${i + 1}${typeof rawCode === 'string' && rawCode.trim() ? ` (${rawCode.trim()})` : ''}`;
    const result = schema.safeParse(row);
    if (!result.success) {
      errors.push(...issueLines(label, result.error));
      return;
    }
    const key = result.data.code.toLowerCase();
    const seen = firstRowOfCode.get(key);
    if (seen !== undefined) errors.push(`${label}: code: duplicate of row ${seen}`);
    else firstRowOfCode.set(key, i + 1);
    parsed.push(result.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: parsed };
}

/**
 * The rows an operator still has to check, named after an import: citizens do not see the flag
 * row by row, so this is where it stays visible to operators.
 */
export function verifySummary(rows: readonly { code: string; verify?: boolean }[]): string {
  const flagged = rows.filter((r) => r.verify).map((r) => r.code);
  return flagged.length ? `\nCần kiểm chứng (verify: true), ${flagged.length}: ${flagged.join(', ')}` : '';
}
