// `import criteria <set.yaml>` and `import assignments <file.csv>`: the whole file is checked
// first, errors are printed one per row and field, and nothing is written unless all is valid.
//
// Assignments CSV, with a header row:   commune,criterion,official[,year]
//   BG-TANTIEN,TC2,telegram:123456789
// `official` is the person's channel and platform id (`telegram:<chat id>`, `zalo:<user id>`,
// `console:<user>`): the account the person got by writing to the bot and taking the official
// role with /dangky. `year` defaults to the current year; the criterion code is looked up in the
// set the commune follows that year.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Importer } from '../shared/import-file.js';
import type { Account } from '../generated/prisma/client.js';
import { vnMonth } from '../shared/vntime.js';
import { issueLines } from '../shared/zod-issues.js';
import { parseCriteriaSet, saveCriteriaSet } from './sets.js';
import { loadSets, type CriterionInfo } from './model.js';
import { assignInTx, mayOwn } from './assignments.js';

export const importCriteriaFile: Importer = async (services, text) => {
  const parsed = parseCriteriaSet(text);
  if (!parsed.ok) return parsed;
  const saved = await saveCriteriaSet(services.db, parsed.set);
  if (!saved.ok) return saved;
  const { key, decision, criteria } = parsed.set;
  const id = saved.created ? 'criteria-import-set-created' : 'criteria-import-set-updated';
  return { ok: true, summary: services.i18n.t('vi', id, { key, decision, count: criteria.length }) };
};

const rowSchema = z.strictObject({
  commune: z.string().trim().min(1, { error: 'must not be empty' }),
  criterion: z.string().trim().min(1, { error: 'must not be empty' }),
  official: z
    .string()
    .trim()
    .regex(/^(telegram|zalo|console):\S+$/, { error: 'expected channel:id, e.g. telegram:123456789 or zalo:84…' }),
  year: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, { error: 'expected a year such as 2026' })
    .optional(),
});

interface Row {
  line: number;
  commune: string;
  criterion: string;
  channel: string;
  externalId: string;
  year: number;
}

function readRows(text: string, defaultYear: number): { rows: Row[]; errors: string[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (error) {
    return { rows: [], errors: [`CSV: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!records.length) return { rows: [], errors: ['file: expected a header row (commune,criterion,official[,year]) and at least one row'] };
  const rows: Row[] = [];
  const errors: string[] = [];
  for (const { record, info } of records) {
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      errors.push(...issueLines(`line ${info.lines}`, parsed.error));
      continue;
    }
    const { commune, criterion, official, year } = parsed.data;
    const at = official.indexOf(':');
    rows.push({
      line: info.lines,
      commune: commune.toUpperCase(),
      criterion,
      channel: official.slice(0, at),
      externalId: official.slice(at + 1),
      year: year ? Number(year) : defaultYear,
    });
  }
  return { rows, errors };
}

export const importAssignmentsFile: Importer = async (services, text) => {
  const { db } = services;
  const { rows, errors } = readRows(text, Number(vnMonth(services.clock.now()).slice(0, 4)));
  if (errors.length) return { ok: false, errors };

  // Everything the rows refer to, in a few queries.
  const communes = new Map(
    (await db.commune.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.commune))] } } })).map((c) => [c.code, c]),
  );
  const links = await db.communeSet.findMany({
    where: { communeId: { in: [...communes.values()].map((c) => c.id) }, year: { in: [...new Set(rows.map((r) => r.year))] } },
  });
  const sets = await loadSets(db, links.map((l) => l.setId));
  const setOf = new Map(links.map((l) => [`${l.communeId}:${l.year}`, sets.get(l.setId)!]));
  const accounts = new Map<string, Account>();
  const externalIds = [...new Set(rows.map((r) => r.externalId))];
  for (let i = 0; i < externalIds.length; i += 500) {
    const found = await db.account.findMany({ where: { externalId: { in: externalIds.slice(i, i + 500) } } });
    for (const a of found) accounts.set(`${a.channel}:${a.externalId}`, a);
  }

  const valid: { row: Row; communeId: number; communeName: string; criterion: CriterionInfo; owner: Account }[] = [];
  const lineOfPair = new Map<string, number>();
  for (const row of rows) {
    const label = `line ${row.line}`;
    const commune = communes.get(row.commune);
    if (!commune) {
      errors.push(`${label}: commune: no commune with code ${row.commune}`);
      continue;
    }
    const set = setOf.get(`${commune.id}:${row.year}`);
    if (!set) {
      errors.push(`${label}: commune: ${row.commune} follows no criteria set in ${row.year} (npm run cli -- criteria use …)`);
      continue;
    }
    const criterion = set.criteria.find((c) => c.code.toUpperCase() === row.criterion.toUpperCase());
    if (!criterion) errors.push(`${label}: criterion: ${row.criterion} is not in set ${set.key} (${set.criteria.map((c) => c.code).join(', ')})`);
    const owner = accounts.get(`${row.channel}:${row.externalId}`);
    if (!owner) errors.push(`${label}: official: no account ${row.channel}:${row.externalId} (the person must write to the bot first)`);
    else if (!(await mayOwn(db, owner, commune.id))) {
      errors.push(`${label}: official: ${row.channel}:${row.externalId} is ${owner.role}, not an official of ${row.commune}`);
    }
    if (!criterion || !owner) continue;
    const pair = `${commune.id}:${criterion.id}`;
    const seen = lineOfPair.get(pair);
    if (seen) errors.push(`${label}: criterion: ${row.commune} ${criterion.code} already assigned on line ${seen}`);
    else lineOfPair.set(pair, row.line);
    valid.push({ row, communeId: commune.id, communeName: commune.name, criterion, owner });
  }
  if (errors.length) return { ok: false, errors };

  let changed = 0;
  await db.$transaction(
    async (tx) => {
      for (const v of valid) if (await assignInTx(services, tx, { ...v, actorId: null }, { notify: false })) changed++;
    },
    { timeout: 120_000 },
  );
  return {
    ok: true,
    summary: services.i18n.t('vi', 'criteria-import-assignments', { count: valid.length, changed, unchanged: valid.length - changed }),
  };
};
