// How sure the search is, and so what the bot may say: assert one card ("this is the
// procedure"), ask back ("Anh/chị hỏi về A hay B?"), or say it found nothing. A wrong card
// costs a citizen a wasted trip; a question back costs one tap. So a card is asserted only when
// the best match explains nearly all of the question and clearly beats the runner-up.
//
// The thresholds were fitted on the question sets in test/procedures (in-catalogue questions
// answered directly vs. out-of-scope questions answered with a wrong card) and are checked by
// them on every `npm test`.
import type { SearchHit } from './search.js';

/** The best match must score at least this (0–1, see search.ts)... */
const MIN_SCORE = 0.7;
/** ...explain at least this share of the question's information... */
const MIN_COVERAGE = 0.6;
/** ...and stand out: lead the runner-up by this much, */
const MIN_LEAD = 0.15;
/** or be nearly word for word one of its phrasings while no close rival is too, */
const NEAR_EXACT_PHRASE = 0.9;
const NEAR_EXACT_RIVAL_WINDOW = 0.05;
/** or explain clearly more of the question than the runner-up does. */
const MIN_COVERAGE_LEAD = 0.2;
/** A short question (one or two words) must nearly be a whole phrasing ("cấp giấy" is not). */
const SHORT_QUESTION_PHRASE = 0.8;

/** Candidates offered as choices must score at least this... */
const MIN_CHOICE_SCORE = 0.45;
/** ...and be within this of the best one. */
const CHOICE_WINDOW = 0.25;
const MAX_CHOICES = 3;
/** Alternatives listed under an asserted card. */
const MAX_ALTERNATIVES = 3;

export type Decision<H extends SearchHit> =
  | { kind: 'answer'; best: H; alternatives: H[] }
  | { kind: 'choose'; choices: H[] }
  /** The question names a whole field ("bảo trợ xã hội"): its procedures are listed. */
  | { kind: 'field'; field: string }
  | { kind: 'none' };

export function decide<H extends SearchHit>(hits: readonly H[]): Decision<H> {
  const [best] = hits;
  if (!best || best.score < MIN_CHOICE_SCORE) return { kind: 'none' };
  if (isConfident(hits)) {
    return { kind: 'answer', best, alternatives: hits.slice(1, 1 + MAX_ALTERNATIVES) };
  }
  const choices = hits.filter((h) => h.score >= MIN_CHOICE_SCORE && best.score - h.score <= CHOICE_WINDOW);
  return { kind: 'choose', choices: choices.slice(0, MAX_CHOICES) };
}

function isConfident(hits: readonly SearchHit[]): boolean {
  const [best, second] = hits;
  // Typing an entry's official name is unambiguous, whatever else mentions those words.
  if (best.exactName && !hits.slice(1).some((h) => h.exactName)) return true;
  if (best.score < MIN_SCORE || best.coverage < MIN_COVERAGE) return false;
  if (best.questionWords <= 2 && best.phrase < SHORT_QUESTION_PHRASE) return false;
  if (!second) return true;
  const nearExact = (h: SearchHit) => h.phrase >= NEAR_EXACT_PHRASE;
  return (
    best.score - second.score >= MIN_LEAD ||
    (nearExact(best) && !hits.slice(1).some((h) => nearExact(h) && best.score - h.score < NEAR_EXACT_RIVAL_WINDOW)) ||
    best.coverage - second.coverage >= MIN_COVERAGE_LEAD
  );
}
