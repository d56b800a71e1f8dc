// Turns zod issues into the one-line-per-field errors that importers print:
// "row 3 (TC2): maxPoints: expected a number". Shared by every file importer.
import type { z } from 'zod';

/** `criteria[2].maxPoints` from a zod path. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** One line per issue, prefixed with `label` (a row or a file part). */
export function issueLines(label: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issuePath(issue.path);
    const message = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
    return [label, where, message].filter(Boolean).join(': ');
  });
}
