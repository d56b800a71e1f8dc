// The English analyzer of the search: folding, Porter stems (`stemmer`), phrase synonyms and
// stop words from english.yaml. Like the Vietnamese one it runs over the catalogue and over
// questions alike, so a rewrite on one side is always mirrored on the other.
import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Analyzer } from './search.js';

const wordsSchema = z.strictObject({
  stopWords: z.string(),
  synonyms: z.record(z.string(), z.array(z.string())),
});

const WORDS = wordsSchema.parse(parse(readFileSync(new URL('./english.yaml', import.meta.url), 'utf8')));

/** Lower-case ASCII words: accents dropped (café), apostrophes and punctuation split words. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const stems = (text: string) => words(text).map((w) => stemmer(w));

const STOP = new Set(stems(WORDS.stopWords));

const phraseMap = new Map<string, string>();
for (const [canonical, variants] of Object.entries(WORDS.synonyms)) {
  const to = stems(canonical).join(' ');
  for (const v of variants) phraseMap.set(stems(v).join(' '), to);
}
const PHRASE_RE = new RegExp(
  `(?<![a-z0-9])(?:${[...phraseMap.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`,
  'g',
);

/** Stemmed, synonym-rewritten content words of an English text. */
export function tokenizeEnglish(text: string): string[] {
  return stems(text)
    .join(' ')
    .replace(PHRASE_RE, (m) => phraseMap.get(m) ?? m)
    .split(' ')
    .filter((t) => t !== '' && !STOP.has(t) && !/^\d+$/.test(t));
}

/** Whether the plain word is an English function word (bilingual.ts uses it to spot English). */
export function isEnglishStopWord(word: string): boolean {
  return STOP.has(stemmer(word.toLowerCase()));
}

export const english: Analyzer = {
  tokenize: tokenizeEnglish,
  // Any unknown English token may be a typo; edit distance is capped by length in search.ts.
  mayBeTypo: () => true,
};
