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

export class ProcedureCatalogue {
  private readonly byCodeMap: Map<string, ProcedureRecord>;
  private readonly answers = new Map<string, { record: ProcedureRecord; score: number }[]>();

  private constructor(
    private readonly records: ProcedureRecord[],
    private readonly index: ProcedureSearch,
    /** What the catalogue was built from, to notice an import made by another process. */
    readonly version: string,
  ) {
    this.byCodeMap = new Map(records.map((r) => [r.code, r]));
  }

  static async load(db: Db): Promise<ProcedureCatalogue> {
    const version = await catalogueVersion(db);
    const rows = await db.procedure.findMany({ orderBy: { id: 'asc' } });
    const records = rows.map(toRecord);
    return new ProcedureCatalogue(records, new ProcedureSearch(records), version);
  }

  /** The same catalogue, or a new one when the table changed (`import procedures` ran). */
  async reloadIfChanged(db: Db): Promise<ProcedureCatalogue> {
    return (await catalogueVersion(db)) === this.version ? this : ProcedureCatalogue.load(db);
  }

  get size(): number {
    return this.records.length;
  }

  search(question: string, limit = 4): { record: ProcedureRecord; score: number }[] {
    // Citizens ask the same few questions in the same words again and again; the catalogue
    // is immutable for this object's lifetime (an import builds a new one), so answers keep.
    const key = `${limit}\u0000${question}`;
    const cached = this.answers.get(key);
    if (cached) return cached;
    const hits = this.index
      .search(question, limit)
      .flatMap((hit) => {
        const record = this.byCodeMap.get(hit.code);
        return record ? [{ record, score: hit.score }] : [];
      });
    if (this.answers.size >= ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, hits);
    return hits;
  }

  byCode(code: string): ProcedureRecord | undefined {
    return this.byCodeMap.get(code);
  }

  byId(id: number): ProcedureRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** Fields in a stable order (as first seen in the catalogue). */
  fields(): string[] {
    return [...new Set(this.records.map((r) => r.field))];
  }

  inField(field: string): ProcedureRecord[] {
    return this.records.filter((r) => r.field === field);
  }
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

/** Inserts or updates procedures by code, all in one transaction. */
export async function upsertProcedures(
  db: Db,
  procedures: ProcedureInput[],
): Promise<{ created: number; updated: number }> {
  const existing = new Set((await db.procedure.findMany({ select: { code: true } })).map((p) => p.code));
  await db.$transaction(
    procedures.map((p) => {
      const data = {
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
      return db.procedure.upsert({ where: { code: p.code }, create: { code: p.code, ...data }, update: data });
    }),
  );
  const created = procedures.filter((p) => !existing.has(p.code)).length;
  return { created, updated: procedures.length - created };
}
