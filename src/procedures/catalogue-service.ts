// The procedure catalogue in memory: procedures and referrals (what other agencies handle)
// from the database, plus a bilingual search index over both. Built once at start and rebuilt
// after an import; questions never touch the database.
import type { Db } from '../db/index.js';
import type { Procedure } from '../generated/prisma/client.js';
import { BilingualSearch, type BilingualHit } from './bilingual.js';
import { decide, type Decision } from './confidence.js';
import { fieldInEnglish, tokenizeEnglish } from './english.js';
import { tokenize } from './normalize.js';
import type { ProcedureInput } from './catalogue.js';
import { loadReferralRecords, type ReferralRecord } from '../referrals/store.js';

export type { ReferralRecord };

/** Distinct questions whose answers are remembered (oldest forgotten first). */
const ANSWER_CACHE_SIZE = 5000;

export interface ProcedureRecord extends ProcedureInput {
  id: number;
}

export type CatalogueHit =
  | (BilingualHit & { kind: 'procedure'; record: ProcedureRecord })
  | (BilingualHit & { kind: 'referral'; record: ReferralRecord });

/** One loaded state of the catalogue: immutable, so remembered answers stay right. */
export class CatalogueState {
  private readonly byCodeMap: Map<string, ProcedureRecord>;
  private readonly referralsByCode: Map<string, ReferralRecord>;
  private readonly index: BilingualSearch;
  private readonly answers = new Map<string, Decision<CatalogueHit>>();
  /** A field's words in either language (sorted, joined) → the field, for fields of several procedures. */
  private readonly fieldsByWords = new Map<string, string>();

  constructor(
    readonly records: ProcedureRecord[],
    referrals: ReferralRecord[],
    /** What it was built from, to notice an import made by another process. */
    readonly version: string,
  ) {
    this.byCodeMap = new Map(records.map((r) => [r.code, r]));
    this.referralsByCode = new Map(referrals.map((r) => [r.code, r]));
    for (const field of this.fields()) {
      if (this.inField(field).length < 2) continue;
      this.fieldsByWords.set(wordsKey(tokenize(field)), field);
      const english = fieldInEnglish(field);
      if (english) this.fieldsByWords.set(wordsKey(tokenizeEnglish(english)), field);
    }
    this.index = new BilingualSearch([
      ...records.map((r) => ({ ...r, kind: 'procedure' as const })),
      ...referrals.map((r) => ({ ...r, kind: 'referral' as const, field: r.agency })),
    ]);
  }

  /** Ranked procedures and referrals, best first. */
  search(question: string, limit = 4): CatalogueHit[] {
    return this.index.search(question, limit).flatMap((hit): CatalogueHit[] => {
      if (hit.kind === 'referral') {
        const record = this.referralsByCode.get(hit.code);
        return record ? [{ ...hit, kind: 'referral', record }] : [];
      }
      const record = this.byCodeMap.get(hit.code);
      return record ? [{ ...hit, kind: 'procedure', record }] : [];
    });
  }

  /** What to answer: one card, a choice between a few, a field, or nothing (see confidence.ts). */
  decide(question: string): Decision<CatalogueHit> {
    // Citizens ask the same few questions in the same words again and again; a loaded state
    // never changes (a reload builds a new one), so its answers keep.
    const cached = this.answers.get(question);
    if (cached) return cached;
    const field = this.fieldsByWords.get(wordsKey(tokenize(question))) ?? this.fieldsByWords.get(wordsKey(tokenizeEnglish(question)));
    const decision: Decision<CatalogueHit> = field ? { kind: 'field', field } : decide(this.search(question, 5));
    if (this.answers.size >= ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(question, decision);
    return decision;
  }

  byCode(code: string): ProcedureRecord | undefined {
    return this.byCodeMap.get(code);
  }

  referral(code: string): ReferralRecord | undefined {
    return this.referralsByCode.get(code);
  }

  /** Fields in a stable order (as first seen in the catalogue). */
  fields(): string[] {
    return [...new Set(this.records.map((r) => r.field))];
  }

  inField(field: string): ProcedureRecord[] {
    return this.records.filter((r) => r.field === field);
  }
}

/**
 * The catalogue the service answers from. `reloadIfChanged` is the one way it changes after
 * start: an `import procedures` or `import referrals` run lands in the database, and the next
 * check picks it up.
 */
export class ProcedureCatalogue {
  private constructor(
    private readonly db: Db,
    private loaded: CatalogueState,
    private communes: number,
  ) {}

  static async load(db: Db): Promise<ProcedureCatalogue> {
    const [state, communes] = await Promise.all([loadState(db), db.commune.count()]);
    return new ProcedureCatalogue(db, state, communes);
  }

  /** Rebuilds the catalogue when a table changed (communes included); true when it did. */
  async reloadIfChanged(): Promise<boolean> {
    if ((await catalogueVersion(this.db)) === this.loaded.version) return false;
    [this.loaded, this.communes] = await Promise.all([loadState(this.db), this.db.commune.count()]);
    return true;
  }

  /**
   * How many communes have a desk, for the card's "which commune?" offer. Kept here rather than
   * counted per card: a query on the path of every answer cost half the webhook's throughput.
   */
  get communeCount(): number {
    return this.communes;
  }

  get size(): number {
    return this.loaded.records.length;
  }

  search(question: string, limit = 4): CatalogueHit[] {
    return this.loaded.search(question, limit);
  }

  /** Ranked procedures only (officials registering a dossier). */
  searchProcedures(question: string, limit = 4): (CatalogueHit & { kind: 'procedure' })[] {
    return this.search(question, limit + 3)
      .filter((h): h is CatalogueHit & { kind: 'procedure' } => h.kind === 'procedure')
      .slice(0, limit);
  }

  decide(question: string): Decision<CatalogueHit> {
    return this.loaded.decide(question);
  }

  byCode(code: string): ProcedureRecord | undefined {
    return this.loaded.byCode(code);
  }

  byId(id: number): ProcedureRecord | undefined {
    return this.loaded.records.find((r) => r.id === id);
  }

  referral(code: string): ReferralRecord | undefined {
    return this.loaded.referral(code);
  }

  fields(): string[] {
    return this.loaded.fields();
  }

  inField(field: string): ProcedureRecord[] {
    return this.loaded.inField(field);
  }
}

async function loadState(db: Db): Promise<CatalogueState> {
  const version = await catalogueVersion(db);
  const records = (await db.procedure.findMany({ orderBy: { id: 'asc' } })).map(toRecord);
  return new CatalogueState(records, await loadReferralRecords(db), version);
}

/** The same key for the same set of words in any order. */
function wordsKey(words: string[]): string {
  return [...new Set(words)].sort().join(' ');
}

async function catalogueVersion(db: Db): Promise<string> {
  const [procedures, referrals, communes] = await Promise.all([
    db.procedure.aggregate({ _count: true, _max: { updatedAt: true } }),
    db.referral.aggregate({ _count: true, _max: { updatedAt: true } }),
    db.commune.count(),
  ]);
  const part = (a: typeof procedures) => `${a._count}:${a._max.updatedAt?.toISOString() ?? ''}`;
  return `${part(procedures)}/${part(referrals)}/${communes}`;
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
