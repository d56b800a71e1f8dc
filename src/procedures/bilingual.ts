// Questions in Vietnamese or English, whatever the person's UI language: one index per language
// (Vietnamese names and aliases; English names and aliases where the catalogue has them), and a
// question is asked of the English one too when it has words that are English and not Vietnamese.
import { isVietnameseSyllable } from './normalize.js';
import { english, fieldInEnglish, isEnglishStopWord } from './english.js';
import { ProcedureSearch, type SearchHit, type SearchableProcedure } from './search.js';

export interface BilingualEntry extends SearchableProcedure {
  nameEn?: string;
  aliasesEn?: readonly string[];
}

export interface BilingualHit extends SearchHit {
  /** Which index found it. */
  lang: 'vi' | 'en';
}

/** Any Vietnamese letter with a diacritic: such a question is Vietnamese. */
const VIETNAMESE_MARKS = /[\u0300-\u036fđĐ]/;

export class BilingualSearch {
  readonly vi: ProcedureSearch;
  readonly en: ProcedureSearch;

  constructor(entries: readonly BilingualEntry[]) {
    this.vi = new ProcedureSearch(entries);
    this.en = new ProcedureSearch(
      entries
        .filter((e) => e.nameEn)
        .map((e) => ({ code: e.code, kind: e.kind, name: e.nameEn!, field: fieldInEnglish(e.field) ?? '', aliases: e.aliasesEn ?? [] })),
      english,
    );
  }

  search(question: string, limit = 5): BilingualHit[] {
    const vi = this.vi.search(question, limit).map((h) => ({ ...h, lang: 'vi' as const }));
    if (!this.mayBeEnglish(question)) return vi;
    const en = this.en.search(question, limit).map((h) => ({ ...h, lang: 'en' as const }));
    // The same entry found in both: keep its better reading.
    const best = new Map<string, BilingualHit>();
    for (const h of [...vi, ...en]) {
      const key = `${h.kind}:${h.code}`;
      const seen = best.get(key);
      if (!seen || h.score > seen.score) best.set(key, h);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * English is only worth asking when the question has no Vietnamese marks and at least one word
   * that is English (a function word or an English catalogue word) but not a Vietnamese syllable.
   */
  private mayBeEnglish(question: string): boolean {
    if (VIETNAMESE_MARKS.test(question.normalize('NFD'))) return false;
    // Plain lower-case words: normalize() would "repair" English words as Telex ("does" → "doe").
    return question
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((w) => w !== '' && !isVietnameseSyllable(w) && (isEnglishStopWord(w) || english.tokenize(w).some((t) => this.en.knows(t))));
  }
}
