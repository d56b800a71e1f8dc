// Zalo template messages ("ZBS Template Message", formerly ZNS) for pushes to people outside the
// 7-day window, when a consultation message would be refused. Which template each kind of push
// uses, and how its parameters are filled, is data: ZALO_TEMPLATES_FILE (YAML or JSON), read and
// checked once at start, so a wrong file stops the service with a clear message. Example:
//
//   rating_request:
//     templateId: "318502"          # as approved by Zalo
//     params:
//       customer_name: citizenName  # a value of the push (PUSH_FIELDS)
//       dossier_code: code
//       office: { value: "UBND xã Tân Tiến" }   # a fixed text
//
// Zalo delivers template messages only between 06:00 and 22:00 (Vietnam time); outside those
// hours a push waits for 06:00.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PUSH_FIELDS, PUSH_KINDS, type PushInfo, type PushKind } from '../../src/outbox/types.js';
import { decodeDataFile, formatOf } from '../../src/shared/data-file.js';
import { issueLines } from '../../src/shared/zod-issues.js';
import { addDays, vnDate, vnHour, vnInstant } from '../../src/shared/vntime.js';

export const TEMPLATE_HOURS = { from: 6, to: 22 } as const;
/** Zalo's limits on template parameters (verify per template: some are shorter). */
const PARAM_MAX = 200;

const param = z.union([z.string().min(1), z.object({ value: z.string().max(PARAM_MAX) }).strict()]);
const template = z
  .object({
    templateId: z.union([
      z.string().regex(/^\d{1,20}$/, { message: "must be the template's number from Zalo, such as \"318502\"" }),
      z.number().int().positive().transform(String),
    ]),
    params: z.record(z.string().regex(/^[A-Za-z0-9_]{1,40}$/, { message: 'parameter names are letters, digits and _' }), param),
  })
  .strict();

export type TemplateSpec = z.infer<typeof template>;
export type Templates = Partial<Record<PushKind, TemplateSpec>>;

const file = z
  .object(Object.fromEntries(PUSH_KINDS.map((kind) => [kind, template.optional()])) as Record<PushKind, z.ZodOptional<typeof template>>)
  .strict()
  .superRefine((spec, ctx) => {
    for (const kind of PUSH_KINDS) {
      const known: readonly string[] = PUSH_FIELDS[kind];
      for (const [name, from] of Object.entries(spec[kind]?.params ?? {})) {
        if (typeof from === 'string' && !known.includes(from)) {
          ctx.addIssue({ code: 'custom', path: [kind, 'params', name], message: `must be one of ${known.join(', ')} or { value: "…" }` });
        }
      }
    }
  });

/** Reads and checks the templates file; throws one Error listing every problem. */
export function loadTemplates(path: string | undefined): Templates {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`ZALO_TEMPLATES_FILE ${path}: ${(error as Error).message}`, { cause: error });
  }
  const decoded = decodeDataFile(text, formatOf(path));
  if (decoded.error) throw new Error(`ZALO_TEMPLATES_FILE ${path}: ${decoded.error}`);
  const parsed = file.safeParse(decoded.value ?? {});
  if (!parsed.success) throw new Error(`ZALO_TEMPLATES_FILE ${path}:\n  ${issueLines('', parsed.error).join('\n  ')}`);
  return parsed.data as Templates;
}

/** The template's parameters filled from the push. */
export function templateData(spec: TemplateSpec, push: PushInfo): Record<string, string> {
  return Object.fromEntries(
    Object.entries(spec.params).map(([name, from]) => [name, (typeof from === 'string' ? (push.data[from] ?? '') : from.value).slice(0, PARAM_MAX)]),
  );
}

/** null when a template may go out now; otherwise the next 06:00 in Vietnam. */
export function templateQuietUntil(now: Date): Date | null {
  const hour = vnHour(now);
  if (hour >= TEMPLATE_HOURS.from && hour < TEMPLATE_HOURS.to) return null;
  const day = hour >= TEMPLATE_HOURS.to ? addDays(vnDate(now), 1) : vnDate(now);
  return vnInstant(day, `${String(TEMPLATE_HOURS.from).padStart(2, '0')}:00`);
}
