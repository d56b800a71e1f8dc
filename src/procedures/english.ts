// The English analyzer of the search: folding, Porter stems (`stemmer`), phrase synonyms and
// stop words from english.yaml. Like the Vietnamese one it runs over the catalogue and over
// questions alike, so a rewrite on one side is always mirrored on the other.
import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Analyzer } from './analyzer.js';

const wordsSchema = z.strictObject({
  fields: z.record(z.string(), z.string()),
  stopWords: z.string(),
  synonyms: z.record(z.string(), z.array(z.string())),
});

const WORDS = wordsSchema.parse(parse(readFileSync(new URL('./english.yaml', import.meta.url), 'utf8')));

/** Lower-case ASCII words: accents dropped (café), contractions ("child's", "I'm") and punctuation split off. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/['’](?:s|re|ve|ll|d|m|t)(?![a-z])/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const STOP = new Set(words(WORDS.stopWords).map((w) => stemmer(w)));

const phraseMap = new Map<string, string>();
for (const [canonical, variants] of Object.entries(WORDS.synonyms)) {
  for (const v of variants) phraseMap.set(words(v).join(' '), words(canonical).join(' '));
}
const PHRASE_RE = new RegExp(
  `(?<![a-z0-9])(?:${[...phraseMap.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`,
  'g',
);

/** Synonym-rewritten, stemmed content words of an English text. */
export function tokenizeEnglish(text: string): string[] {
  return words(text)
    .join(' ')
    .replace(PHRASE_RE, (m) => phraseMap.get(m) ?? m)
    .split(' ')
    .map((w) => stemmer(w))
    .filter((t) => t !== '' && !STOP.has(t) && !/^\d+$/.test(t));
}

/** The English name of a catalogue field, when english.yaml has one. */
export function fieldInEnglish(field: string): string | undefined {
  return WORDS.fields[field.normalize('NFC')];
}

/** Whether the plain word is an English function word (bilingual.ts uses it to spot English). */
export function isEnglishStopWord(word: string): boolean {
  return STOP.has(stemmer(word.toLowerCase()));
}

export const english: Analyzer = {
  tokenize: tokenizeEnglish,
  // Any unknown English token may be a typo; edit distance is capped by length in search.ts.
  mayBeTypo: () => true,
  stems: true,
};
