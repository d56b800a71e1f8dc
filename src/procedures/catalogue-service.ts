// The procedure catalogue in memory: rows from the database plus a search index over them.
// Built once at start and rebuilt after an import; questions never touch the database.
import type { Db } from '../db/index.js';
import type { Procedure } from '../generated/prisma/client.js';
import { ProcedureSearch } from './search.js';
import type { ProcedureInput } from './catalogue.js';

/** Distinct questions whose answers are remembered (oldest forgotten first). */
const ANSWER_CACHE_SIZE = 5000;

export interface ProcedureRecord extends ProcedureInput {
  id: number;
}

/** One loaded state of the catalogue: immutable, so remembered answers stay right. */
interface Loaded {
  records: ProcedureRecord[];
  byCode: Map<string, ProcedureRecord>;
  index: ProcedureSearch;
  answers: Map<string, { record: ProcedureRecord; score: number }[]>;
  /** What it was built from, to notice an import made by another process. */
  version: string;
}

/**
 * The catalogue the service answers from. `reloadIfChanged` is the one way it changes after
 * start: an `import procedures` run lands in the database, and the next check picks it up.
 */
export class ProcedureCatalogue {
  private constructor(
    private readonly db: Db,
    private loaded: Loaded,
  ) {}

  static async load(db: Db): Promise<ProcedureCatalogue> {
    return new ProcedureCatalogue(db, await loadState(db));
  }

  /** Rebuilds the catalogue when the table changed; true when it did. */
  async reloadIfChanged(): Promise<boolean> {
    if ((await catalogueVersion(this.db)) === this.loaded.version) return false;
    this.loaded = await loadState(this.db);
    return true;
  }

  get size(): number {
    return this.loaded.records.length;
  }

  search(question: string, limit = 4): { record: ProcedureRecord; score: number }[] {
    // Citizens ask the same few questions in the same words again and again; a loaded state
    // never changes (a reload builds a new one), so its answers keep.
    const { answers, index, byCode } = this.loaded;
    const key = `${limit}\u0000${question}`;
    const cached = answers.get(key);
    if (cached) return cached;
    const hits = index.search(question, limit).flatMap((hit) => {
      const record = byCode.get(hit.code);
      return record ? [{ record, score: hit.score }] : [];
    });
    if (answers.size >= ANSWER_CACHE_SIZE) answers.delete(answers.keys().next().value!);
    answers.set(key, hits);
    return hits;
  }

  byCode(code: string): ProcedureRecord | undefined {
    return this.loaded.byCode.get(code);
  }

  byId(id: number): ProcedureRecord | undefined {
    return this.loaded.records.find((r) => r.id === id);
  }

  /** Fields in a stable order (as first seen in the catalogue). */
  fields(): string[] {
    return [...new Set(this.loaded.records.map((r) => r.field))];
  }

  inField(field: string): ProcedureRecord[] {
    return this.loaded.records.filter((r) => r.field === field);
  }
}

async function loadState(db: Db): Promise<Loaded> {
  const version = await catalogueVersion(db);
  const records = (await db.procedure.findMany({ orderBy: { id: 'asc' } })).map(toRecord);
  return { records, byCode: new Map(records.map((r) => [r.code, r])), index: new ProcedureSearch(records), answers: new Map(), version };
}

async function catalogueVersion(db: Db): Promise<string> {
  const { _count, _max } = await db.procedure.aggregate({ _count: true, _max: { updatedAt: true } });
  return `${_count}:${_max.updatedAt?.toISOString() ?? ''}`;
}

function toRecord(row: Procedure): ProcedureRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn ?? undefined,
    field: row.field,
    documents: JSON.parse(row.documents) as string[],
    fee: row.fee,
    feeByProvince: row.feeByProvince,
    timeLimit: row.timeLimit,
    timeLimitDays: row.timeLimitDays,
    place: row.place as ProcedureInput['place'],
    online: row.online,
    onlineUrl: row.onlineUrl ?? undefined,
    legalBasis: row.legalBasis ?? undefined,
    source: row.source ?? undefined,
    verify: row.verify,
    aliases: JSON.parse(row.aliases) as string[],
    aliasesEn: JSON.parse(row.aliasesEn) as string[],
  };
}

function procedureColumns(p: ProcedureInput) {
  return {
    name: p.name,
    nameEn: p.nameEn ?? null,
    field: p.field,
    documents: JSON.stringify(p.documents),
    fee: p.fee,
    feeByProvince: p.feeByProvince ?? false,
    timeLimit: p.timeLimit,
    timeLimitDays: p.timeLimitDays ?? null,
    place: p.place,
    online: p.online,
    onlineUrl: p.onlineUrl ?? null,
    legalBasis: p.legalBasis ?? null,
    source: p.source ?? null,
    verify: p.verify ?? false,
    aliases: JSON.stringify(p.aliases ?? []),
    aliasesEn: JSON.stringify(p.aliasesEn ?? []),
  };
}

/**
 * Inserts or updates procedures by code, all in one transaction. New codes go in with one
 * multi-row insert: per-row upserts through Prisma cost about 10 ms of CPU each, which made
 * seeding the catalogue the slowest part of starting on a fresh database.
 */
export async function upsertProcedures(
  db: Db,
  procedures: ProcedureInput[],
): Promise<{ created: number; updated: number }> {
  const existing = new Set((await db.procedure.findMany({ select: { code: true } })).map((p) => p.code));
  const fresh = procedures.filter((p) => !existing.has(p.code));
  const known = procedures.filter((p) => existing.has(p.code));
  await db.$transaction([
    db.procedure.createMany({ data: fresh.map((p) => ({ code: p.code, ...procedureColumns(p) })) }),
    ...known.map((p) => db.procedure.update({ where: { code: p.code }, data: procedureColumns(p) })),
  ]);
  return { created: fresh.length, updated: known.length };
}
