// Search over names, citizens' aliases and fields (procedures and referrals alike), built on
// MiniSearch (BM25). One index speaks one language through its Analyzer: Vietnamese
// (normalize.ts) or English (english.ts); bilingual.ts asks both.
//
// Pipeline for a question:
//   1. tokenize() — diacritics, IME residue, colloquial synonyms, stop words (the analyzer);
//   2. spelling repair against the catalogue vocabulary: edits and swaps for non-words ("sihn"),
//      and sound-alike spellings (Vietnamese: ch/tr, s/x, d/gi/r/v, l/n, -n/-ng, -c/-t, i/y)
//      accepted when they form a word pair that exists in the catalogue ("tam chu" → "tam tru");
//   3. MiniSearch retrieval over words + adjacent-word bigrams (bigrams reward word order), with
//      prefix/fuzzy matching only for words still unknown;
//   4. re-scoring of the best candidates: share of the question's information (IDF) the procedure
//      explains, resemblance to its best single phrasing (name or one alias), relative BM25. Words
//      typed with diacritics must be spelled compatibly ("đóng" is not "đồng"). Candidates that
//      explain too little are dropped, so an unrelated question returns [].
import MiniSearch from 'minisearch';
import { type Accent, accentCompatible } from './normalize.js';
import type { Analyzer } from './analyzer.js';
import { vietnamese } from './vietnamese.js';


/** A searchable entry: a procedure, or a referral to another agency. */
export type EntryKind = 'procedure' | 'referral';

export interface SearchableProcedure {
  code: string;
  name: string;
  field: string;
  aliases: readonly string[];
  /** Default 'procedure'. A referral may share a code with a procedure; kinds keep them apart. */
  kind?: EntryKind;
}

export interface SearchHit {
  code: string;
  kind: EntryKind;
  name: string;
  /** 0–1, best first: resemblance to one phrasing of the entry, share of the question explained, BM25. */
  score: number;
  /** Share of the question's information (IDF) this entry explains, 0–1. */
  coverage: number;
  /** Resemblance (IDF-weighted Dice) between the question and the entry's closest phrasing, 0–1. */
  phrase: number;
  /** Distinct content words of the question as this index read it. */
  questionWords: number;
  /** The question is the entry's own name, word for word (in any order). */
  exactName: boolean;
}

const BIGRAM = '_';
// Only the best BM25 candidates are re-scored; the rest cannot reach the top.
const CANDIDATES = 30;
// Terms in more than this share of procedures, and in more than COMMON_MIN of them, are not used
// for retrieval (see retrievalTerms). The floor keeps small catalogues' retrieval nearly complete.
const COMMON_SHARE = 0.15;
const COMMON_MIN = 17;
// A hit must explain at least this share of the question's information (IDF-weighted)...
const MIN_COVERAGE = 0.4;
// ...and resemble one phrasing of the procedure (IDF-weighted Dice); a lone word must nearly be a
// whole phrase ("nghèo" ~ "hộ nghèo", but not "điện" ~ "chứng thực bản sao điện tử").
const MIN_PHRASE = 0.45;
const MIN_PHRASE_ONE_WORD = 0.6;
// Blend of the three signals into the 0–1 score.
const W_PHRASE = 0.6;
const W_COVERAGE = 0.3;
const W_BM25 = 0.1;

/** Shortest known stem accepted as the start of a mistyped word. */
const MIN_STEM_PREFIX = 5;

/** Unigrams followed by adjacent bigrams ("khai_sinh"). */
function withBigrams(words: readonly string[]): string[] {
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(words[i - 1] + BIGRAM + words[i]);
  return out;
}

/** Optimal-string-alignment distance (Levenshtein + adjacent transposition), capped at max + 1. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

interface Candidate {
  word: string;
  cost: number;
}

interface Entry {
  code: string;
  kind: EntryKind;
  name: string;
  /** Every word of the name, aliases and field. */
  words: Set<string>;
  /** Distinct words of the name and of each alias, with their total IDF, for phrase matching. */
  phrases: { words: string[]; info: number }[];
  /** Accented spellings of its words, keyed by folded word. */
  spellings: Map<string, Accent[]>;
}

/** Internal id: referrals and procedures may share a code. */
const entryId = (kind: EntryKind, code: string) => (kind === 'referral' ? `r:${code}` : code);

export class ProcedureSearch {
  private readonly index: MiniSearch;
  private readonly entries = new Map<string, Entry>();
  /** Lower-case code → entry id, for questions that are a code (procedures win a shared code). */
  private readonly byCode = new Map<string, string>();
  /** Term (word or bigram) → number of entries using it: IDF, vocabulary, known bigrams. */
  private readonly docFreq = new Map<string, number>();
  private readonly wordsByLength = new Map<number, string[]>();

  constructor(
    procedures: readonly SearchableProcedure[],
    private readonly analyzer: Analyzer = vietnamese,
  ) {
    this.index = new MiniSearch({
      idField: 'id',
      fields: ['name', 'aliases', 'field'],
      // Fields are pre-tokenised below (bigrams must not span two aliases), so split on spaces.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
    });
    const { tokenize } = analyzer;
    const phraseWords = new Map<string, string[][]>();
    const docs = procedures.map((p) => {
      const kind = p.kind ?? 'procedure';
      const id = entryId(kind, p.code);
      const codeKey = p.code.toLowerCase();
      if (kind === 'procedure' || !this.byCode.has(codeKey)) this.byCode.set(codeKey, id);
      const nameWords = tokenize(p.name);
      const aliasWords = p.aliases.map((a) => tokenize(a));
      const fieldWords = tokenize(p.field);
      phraseWords.set(id, [nameWords, ...aliasWords].map((ws) => [...new Set(ws)]));
      const spellings = new Map<string, Accent[]>();
      for (const a of analyzer.accents?.([p.name, ...p.aliases].join(' ')) ?? []) {
        const forms = spellings.get(a.fold) ?? [];
        if (!forms.some((f) => f.shape === a.shape && f.tone === a.tone)) forms.push(a);
        spellings.set(a.fold, forms);
      }
      const name = withBigrams(nameWords);
      const aliases = aliasWords.flatMap(withBigrams);
      const field = withBigrams(fieldWords);
      const terms = new Set([...name, ...aliases, ...field]);
      for (const term of terms) this.docFreq.set(term, (this.docFreq.get(term) ?? 0) + 1);
      this.entries.set(id, {
        code: p.code,
        kind,
        name: p.name,
        words: new Set([...terms].filter((t) => !t.includes(BIGRAM))),
        phrases: [],
        spellings,
      });
      return { id, name: name.join(' '), aliases: aliases.join(' '), field: field.join(' ') };
    });
    this.index.addAll(docs);
    // IDF is only final once every entry is counted.
    for (const [id, phrases] of phraseWords) {
      this.entries.get(id)!.phrases = phrases.map((ws) => ({ words: ws, info: this.info(ws) }));
    }
    for (const term of this.docFreq.keys()) {
      if (term.includes(BIGRAM)) continue;
      const list = this.wordsByLength.get(term.length) ?? [];
      list.push(term);
      this.wordsByLength.set(term.length, list);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether the folded word is in this index's vocabulary (bilingual.ts guesses the language with it). */
  knows(word: string): boolean {
    return this.docFreq.has(word);
  }

  search(question: string, limit = 5): SearchHit[] {
    const exact = this.byCode.get(question.trim().toLowerCase());
    if (exact) {
      const e = this.entries.get(exact)!;
      return [{ code: e.code, kind: e.kind, name: e.name, score: 1, coverage: 1, phrase: 1, questionWords: 1, exactName: true }];
    }

    const sequence = this.repair(this.analyzer.tokenize(question));
    const words = [...new Set(sequence)];
    if (words.length === 0) return [];
    const known = (w: string) => this.docFreq.has(w);
    const results = this.index.search(this.retrievalTerms(sequence).join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: { name: 2, aliases: 1.5, field: 0.5 },
      boostTerm: (term) => (term.includes(BIGRAM) ? 1.5 : 1),
      // Unknown words only: the last word may be cut short ("thuon" → "thuong"); a non-word may be
      // a typo the repair step could not anchor. Real but unknown words ("chieu") stay exact.
      prefix: (term) => term === sequence[sequence.length - 1] && !known(term) && term.length >= 3,
      fuzzy: (term) => !term.includes(BIGRAM) && !known(term) && term.length >= 5 && this.analyzer.mayBeTypo(term) && 1,
      weights: { fuzzy: 0.4, prefix: 0.5 },
      bm25: { k: 1.2, b: 0.3, d: 0.5 },
    });
    if (results.length === 0) return [];

    const questionInfo = this.info(words);
    const topScore = results[0].score;
    // Words typed with diacritics only count where the entry spells them compatibly
    // ("đóng thuế" must not match "hợp đồng thuê nhà").
    const typed = new Map(
      (this.analyzer.accents?.(question) ?? []).filter((a) => a.shape !== a.fold || a.tone !== '').map((a) => [a.fold, a]),
    );
    const hits: SearchHit[] = [];
    for (const r of results.slice(0, CANDIDATES)) {
      const entry = this.entries.get(r.id as string)!;
      const matched = words.filter((w) => {
        if (!entry.words.has(w) && !r.queryTerms.includes(w)) return false;
        const t = typed.get(w);
        const forms = entry.spellings.get(w);
        return !t || !forms || forms.some((f) => accentCompatible(t, f));
      });
      const coverage = this.info(matched) / questionInfo;
      // One stray shared word ("giá" in "gia hạn") is not a match for a multi-word question.
      if (coverage < MIN_COVERAGE || matched.length < Math.min(2, words.length)) continue;
      // Best phrasing of this entry: IDF-weighted Dice between question words and phrase words.
      let phrase = 0;
      for (const p of entry.phrases) {
        const common = this.info(p.words.filter((w) => matched.includes(w)));
        if (common > 0) phrase = Math.max(phrase, (2 * common) / (questionInfo + p.info));
      }
      if (phrase < (words.length === 1 ? MIN_PHRASE_ONE_WORD : MIN_PHRASE)) continue;
      const score = W_PHRASE * phrase + W_COVERAGE * coverage + W_BM25 * (r.score / topScore);
      hits.push({
        code: entry.code,
        kind: entry.kind,
        name: entry.name,
        score: round(score),
        coverage: round(coverage),
        phrase: round(phrase),
        questionWords: words.length,
        exactName: sameWords(words, entry.phrases[0].words),
      });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
  /**
   * Terms sent to MiniSearch. Terms used by most of the catalogue ("dang", "ky") add almost nothing
   * to BM25 but cost the most to score, so they are left to the re-scoring step (which still counts
   * them); if no known term is left, the two rarest known terms are added.
   */
  private retrievalTerms(sequence: string[]): string[] {
    const terms = [...new Set(withBigrams(sequence))];
    const limit = Math.max(COMMON_SHARE * this.entries.size, COMMON_MIN);
    const df = (t: string) => this.docFreq.get(t) ?? 0;
    const rare = terms.filter((t) => df(t) <= limit);
    if (rare.some((t) => df(t) > 0)) return rare;
    // Unknown terms alone retrieve nothing but typo matches ("tu_khai" from "chết ... khai tử").
    const rarestKnown = terms.filter((t) => df(t) > 0).sort((a, b) => df(a) - df(b));
    return [...rare, ...rarestKnown.slice(0, 2)];
  }

  private info(words: Iterable<string>): number {
    let sum = 0;
    for (const w of words) sum += this.idf(w);
    return sum;
  }

  /** Inverse document frequency; words absent from the catalogue carry the most information. */
  private idf(word: string): number {
    const n = this.entries.size;
    return Math.log(1 + n / (this.docFreq.get(word) ?? 0.5));
  }

  /** Spelling repair (see file header). Left to right; each adjacent pair is made a known bigram if possible. */
  private repair(words: string[]): string[] {
    const out = [...words];
    const options = out.map((w) => this.candidates(w));
    for (let i = 0; i + 1 < out.length; i++) {
      if (this.docFreq.has(out[i] + BIGRAM + out[i + 1])) continue;
      let best: [Candidate, Candidate] | undefined;
      for (const a of options[i]) {
        for (const b of options[i + 1]) {
          if (a.cost + b.cost === 0 || !this.docFreq.has(a.word + BIGRAM + b.word)) continue;
          if (!best || a.cost + b.cost < best[0].cost + best[1].cost) best = [a, b];
        }
      }
      if (best) {
        out[i] = best[0].word;
        out[i + 1] = best[1].word;
        options[i + 1] = [{ word: best[1].word, cost: 0 }];
      }
    }
    // An unknown word with no pair to anchor it: take the most common one-step neighbour if the word
    // is long enough that such a neighbour is unlikely to be a different word ("thuon" → "thuong").
    return out.map((w, i) => {
      if (this.docFreq.has(w) || w.length < 5) return w;
      const close = options[i].filter((c) => c.cost === 1).sort((a, b) => this.idf(a.word) - this.idf(b.word));
      return close[0]?.word ?? w;
    });
  }

  /** The word itself (cost 0 if known) plus vocabulary words it may have been meant as. */
  private candidates(word: string): Candidate[] {
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const add = (w: string, cost: number) => {
      if (!seen.has(w) && this.docFreq.has(w)) {
        seen.add(w);
        out.push({ word: w, cost });
      }
    };
    add(word, 0);
    for (const v of this.analyzer.soundAlikes?.(word) ?? []) add(v, 1);
    if (this.analyzer.stems && !this.docFreq.has(word)) {
      for (let len = word.length - 1; len >= MIN_STEM_PREFIX; len--) add(word.slice(0, len), 1);
    }
    if (!this.docFreq.has(word) && word.length >= 3 && this.analyzer.mayBeTypo(word)) {
      const max = word.length >= 7 ? 2 : 1;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const v of this.wordsByLength.get(len) ?? []) {
          const d = editDistance(word, v, max);
          if (d <= max) add(v, d);
        }
      }
    }
    return out;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}
