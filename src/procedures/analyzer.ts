// How one search index reads its language (see search.ts): the Vietnamese analyzer in
// vietnamese.ts, the English one in english.ts.
import type { Accent } from './normalize.js';

/** What one index knows about its language. */
export interface Analyzer {
  /** Content words of a text, in order (folded, synonyms rewritten, filler removed). */
  tokenize(text: string): string[];
  /** Accents of each typed word, when the language has any (see normalize.ts). */
  accents?(text: string): Accent[];
  /** Spellings the word may have been meant as (sound-alikes); tried before edit distance. */
  soundAlikes?(word: string): string[];
  /** Whether an unknown token may be a typo of a catalogue word (edit distance is tried). */
  mayBeTypo(token: string): boolean;
  /**
   * Words are stems: a mistyped word is not stemmed like the right one ("registraton" stays
   * whole, "registration" becomes "regist"), so a known word it starts with is a candidate.
   */
  stems?: boolean;
}
