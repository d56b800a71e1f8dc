// Evidence attached to a progress report: links and files, each sent for one of the documents
// the criterion expects (by position), stored as a JSON array on the report.
import { z } from 'zod';
import type { Attachment } from '../conversation/types.js';

export const evidenceItemSchema = z.object({
  kind: z.enum(['link', 'photo', 'file']),
  ref: z.string().min(1).max(2000),
  name: z.string().max(300).optional(),
  /** Position of the expected document this item was sent for. */
  doc: z.int().min(0).optional(),
});
export type EvidenceItem = z.output<typeof evidenceItemSchema>;

const evidenceListSchema = z.array(evidenceItemSchema);

export function parseEvidence(stored: string | null): EvidenceItem[] {
  if (!stored) return [];
  try {
    const parsed = evidenceListSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** A link the person typed, when the whole message is one http(s) URL. */
export function linkIn(text: string | undefined): string | null {
  const candidate = text?.trim() ?? '';
  if (!/^https?:\/\/\S+$/i.test(candidate) || candidate.length > 2000) return null;
  try {
    return new URL(candidate).toString();
  } catch {
    return null;
  }
}

/** The first photo or file of a message, as evidence. Locations are not evidence. */
export function attachmentEvidence(attachments: Attachment[] | undefined): EvidenceItem | null {
  const a = attachments?.find((x) => x.kind === 'photo' || x.kind === 'file');
  if (!a) return null;
  return { kind: a.kind as 'photo' | 'file', ref: a.ref, ...(a.name ? { name: a.name } : {}) };
}

/** Positions of the expected documents not yet covered by any item, in order. */
export function missingDocs(expected: string[], items: EvidenceItem[]): number[] {
  const covered = new Set(items.flatMap((i) => (i.doc === undefined ? [] : [i.doc])));
  return expected.flatMap((_, i) => (covered.has(i) ? [] : [i]));
}
