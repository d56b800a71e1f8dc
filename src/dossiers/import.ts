// `npm run cli -- import dossiers <file.csv>`: registers the dossiers of a CSV file, all or
// none. Header row with the desk API's field names:
//   code,commune,procedure,receivedAt,citizenName,dueDate[,citizenPhone,phoneConsent]
// (receivedAt: ISO time or "dd/mm/yyyy HH:mm" in Vietnam time; dueDate optional; a phone only
// with phoneConsent true). A code that
// is already registered with the same details is reported again, not duplicated. The summary
// lists each dossier's Zalo code and link, for printing receipts.
import { parse } from 'csv-parse/sync';
import { WorkingCalendar } from '../calendar/working-days.js';
import type { Importer } from '../shared/import-file.js';
import { externalDossierSchema, resolveCodes, type ExternalDossier } from './external-input.js';
import { registerDossier, type DossierInput, type Registration } from './register.js';
import { Refusal } from '../conversation/refusal.js';

/** Above this the file is refused: an import is one transaction. */
const MAX_ROWS = 5000;

class RollBack extends Error {}

export const importDossiersFile: Importer = async (services, text) => {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return { ok: false, errors: [`not a readable CSV file: ${(error as Error).message}`] };
  }
  if (!records.length) return { ok: false, errors: ['no rows: the first line must be the header code,commune,procedure,receivedAt,citizenName,dueDate'] };
  if (records.length > MAX_ROWS) return { ok: false, errors: [`${records.length} rows: at most ${MAX_ROWS} per file`] };

  // The header is line 1, so record i is on line i + 2 (what a spreadsheet shows).
  const errors: string[] = [];
  const rows: { line: number; input: DossierInput & { code: string } }[] = [];
  const seen = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    const line = i + 2;
    const label = `line ${line}${record.code ? ` (${record.code})` : ''}`;
    const parsed = externalDossierSchema.safeParse(record);
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`);
    // Unknown codes are reported alongside the other problems of the row.
    const commune = record.commune?.trim() ?? '';
    const procedure = record.procedure?.trim() ?? '';
    const refs = commune && procedure ? await resolveCodes(services, { commune, procedure }) : null;
    if (refs && !refs.ok) for (const [field, messages] of Object.entries(refs.errors)) problems.push(`${field}: ${messages.join('; ')}`);
    const earlier = record.code ? seen.get(record.code) : undefined;
    if (earlier) problems.push(`code: duplicate of line ${earlier}`);
    if (record.code && !earlier) seen.set(record.code, line);
    errors.push(...problems.map((p) => `${label}: ${p}`));
    if (!parsed.success || !refs?.ok) continue;
    const row: ExternalDossier = parsed.data;
    const { communeId, procedureId } = refs;
    rows.push({
      line,
      input: {
        code: row.code,
        communeId,
        procedureId,
        citizenName: row.citizenName ?? null,
        receivedAt: row.receivedAt,
        dueDate: row.dueDate ?? null,
        citizenPhone: row.citizenPhone ?? null,
      },
    });
  }
  if (errors.length) return { ok: false, errors };

  const calendar = await WorkingCalendar.load(services.db);
  const done: Registration[] = [];
  try {
    await services.db.$transaction(
      async (tx) => {
        for (const { line, input } of rows) {
          try {
            done.push(await registerDossier(services, input, { tx, calendar, qr: false }));
          } catch (error) {
            if (!(error instanceof Refusal)) throw error;
            errors.push(`line ${line} (${input.code}): ${error.field}: ${services.i18n.t('en', error.messageId, error.args)}`);
          }
        }
        if (errors.length) throw new RollBack();
      },
      { timeout: 10_000 + rows.length * 50 },
    );
  } catch (error) {
    if (error instanceof RollBack) return { ok: false, errors };
    throw error;
  }
  const created = done.filter((r) => !r.replayed).length;
  const lines = done.map((r) => [r.code, r.zaloCode, r.ratingLink ?? ''].join('\t').trimEnd());
  return {
    ok: true,
    summary: `Đã nhập ${done.length} hồ sơ: ${created} mới, ${done.length - created} đã có từ trước.\nmã hồ sơ\tmã Zalo\tđường liên kết đánh giá\n${lines.join('\n')}`,
  };
};
