// The procedure catalogue in memory: rows from the database plus a search index over them.
// Built once at start and rebuilt after an import; questions never touch the database.
import type { Db } from '../db/index.js';
import type { Procedure } from '../generated/prisma/client.js';
import { ProcedureSearch } from './search.js';
import type { ProcedureInput } from './catalogue.js';

export interface ProcedureRecord extends ProcedureInput {
  id: number;
}

export class ProcedureCatalogue {
  private readonly byCodeMap: Map<string, ProcedureRecord>;

  private constructor(
    private readonly records: ProcedureRecord[],
    private readonly index: ProcedureSearch,
  ) {
    this.byCodeMap = new Map(records.map((r) => [r.code, r]));
  }

  static async load(db: Db): Promise<ProcedureCatalogue> {
    const rows = await db.procedure.findMany({ orderBy: { id: 'asc' } });
    const records = rows.map(toRecord);
    return new ProcedureCatalogue(records, new ProcedureSearch(records));
  }

  get size(): number {
    return this.records.length;
  }

  search(question: string, limit = 4): { record: ProcedureRecord; score: number }[] {
    return this.index
      .search(question, limit)
      .flatMap((hit) => {
        const record = this.byCodeMap.get(hit.code);
        return record ? [{ record, score: hit.score }] : [];
      });
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

function toRecord(row: Procedure): ProcedureRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
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
    verify: row.verify,
    aliases: JSON.parse(row.aliases) as string[],
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
        verify: p.verify ?? false,
        aliases: JSON.stringify(p.aliases ?? []),
      };
      return db.procedure.upsert({ where: { code: p.code }, create: { code: p.code, ...data }, update: data });
    }),
  );
  const created = procedures.filter((p) => !existing.has(p.code)).length;
  return { created, updated: procedures.length - created };
}
