// The Vietnamese analyzer of the search: normalize.ts's folding, synonyms and stop words, the
// accents typed, and the sound-alike spellings people type by regional pronunciation or habit.
import type { Analyzer } from './analyzer.js';
import { accents, isVietnameseSyllable, tokenize } from './normalize.js';

// Sound-alike spellings: onsets and codas merged in regional pronunciation or by typing habit.
const SOUND_ALIKE: [RegExp, string][] = [
  [/^ch/, 'tr'], [/^tr/, 'ch'], [/^s/, 'x'], [/^x/, 's'], [/^gi/, 'd'], [/^d/, 'gi'], [/^r/, 'd'],
  [/^d/, 'r'], [/^v/, 'd'], [/^d/, 'v'], [/^gi/, 'r'], [/^r/, 'gi'], [/^l/, 'n'], [/^n(?![gh])/, 'l'],
  [/^ngh/, 'ng'], [/^ng(?!h)/, 'ngh'], [/^gh/, 'g'], [/^g(?![hi])/, 'gh'], [/^k/, 'c'], [/^c(?!h)/, 'k'],
  [/^f/, 'ph'], [/^j/, 'gi'], [/^w/, 'qu'], [/^z/, 'd'],
  [/ng$/, 'n'], [/([^gh])n$/, '$1ng'], [/nh$/, 'n'], [/ng$/, 'nh'], [/t$/, 'c'], [/c$/, 't'], [/ch$/, 't'],
  [/i$/, 'y'], [/y$/, 'i'],
];

export function soundAlikes(word: string): string[] {
  const out: string[] = [];
  for (const [re, to] of SOUND_ALIKE) if (re.test(word)) out.push(word.replace(re, to));
  return out;
}

export const vietnamese: Analyzer = {
  tokenize,
  accents,
  soundAlikes,
  // Edit-distance neighbours only for strings that are not Vietnamese words at all ("sihn", "dag",
  // "kett"): an unknown but real word ("phat", "trai") is a different word, not a typo.
  mayBeTypo: (token) => !isVietnameseSyllable(token),
};
