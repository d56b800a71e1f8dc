// Measures what the bot would answer to whole question sets, the way the conversation does it:
// intents first (a complaint, "my dossier", a greeting), then the catalogue search and its
// confidence rules (a card, a referral, a question back, or "not found"). Used by the quality
// tests and by `npm run bench -- search`, so both report the same figures.
import { IntentDetector } from '../../src/intents/detect.js';
import { loadSeedCatalogue } from '../../src/procedures/catalogue.js';
import { CatalogueState } from '../../src/procedures/catalogue-service.js';
import { normalize } from '../../src/procedures/normalize.js';
import { loadSeedReferrals } from '../../src/referrals/referrals.js';
import type { OutOfScopeCase } from './out-of-scope.js';

export type Answer =
  | { kind: 'intent'; intent: string }
  | { kind: 'card' | 'referral'; code: string; name: string }
  | { kind: 'choose'; codes: string[] }
  | { kind: 'field'; field: string }
  | { kind: 'none' };

/** The shipped catalogue and referrals, as the service loads them on first start. */
export function seedCatalogue(): CatalogueState {
  const records = loadSeedCatalogue().map((p, i) => ({ ...p, id: i + 1 }));
  const referrals = loadSeedReferrals().map((r, i) => ({ ...r, id: i + 1 }));
  return new CatalogueState(records, referrals, 'seed');
}

const detector = IntentDetector.load();

export function answerOf(catalogue: CatalogueState, question: string): Answer {
  const intent = detector.detect(question);
  if (intent) return { kind: 'intent', intent: intent.kind };
  const decision = catalogue.decide(question);
  switch (decision.kind) {
    case 'none':
      return { kind: 'none' };
    case 'field':
      return { kind: 'field', field: decision.field };
    case 'choose':
      return { kind: 'choose', codes: decision.choices.map((h) => h.code) };
    case 'answer': {
      const { best } = decision;
      return { kind: best.kind === 'referral' ? 'referral' : 'card', code: best.code, name: best.record.name };
    }
  }
}

const share = (n: number, total: number) => (total ? n / total : 0);
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export interface InCatalogueQuality {
  total: number;
  /** The expected procedure ranked first by the search. */
  top1: number;
  /** Answered at once with the expected card. */
  direct: number;
  /** The expected card answered or offered among the choices. */
  reached: number;
  /** Answered at once with another card. */
  wrongCards: number;
  misses: string[];
}

/** Questions whose right answer is a known procedure or referral code. */
export function inCatalogueQuality(catalogue: CatalogueState, questions: readonly (readonly [string, string])[]): InCatalogueQuality {
  const q: InCatalogueQuality = { total: questions.length, top1: 0, direct: 0, reached: 0, wrongCards: 0, misses: [] };
  for (const [question, code] of questions) {
    const ranked = catalogue.search(question, 3);
    if (ranked[0]?.code === code) q.top1++;
    const answer = answerOf(catalogue, question);
    const direct = (answer.kind === 'card' || answer.kind === 'referral') && answer.code === code;
    if (direct) q.direct++;
    if (direct || (answer.kind === 'choose' && answer.codes.includes(code))) q.reached++;
    if ((answer.kind === 'card' || answer.kind === 'referral') && answer.code !== code) q.wrongCards++;
    if (!direct) q.misses.push(`${JSON.stringify(question)} → ${describe(answer)} (expected ${code}; ranked ${ranked.map((h) => `${h.code} ${h.score}`).join(', ')})`);
  }
  return q;
}

export interface OutOfScopeQuality {
  total: number;
  /** Answered with a procedure card that is not a right answer: the figure that must stay ≤ 2%. */
  wrongCards: number;
  /** Answered with a referral that is not a right answer. */
  wrongReferrals: number;
  /** Answered with a right card or referral. */
  right: number;
  /** Asked back, said "not found", or handled as an intent. */
  held: number;
  wrong: string[];
}

export function outOfScopeQuality(catalogue: CatalogueState, cases: readonly OutOfScopeCase[]): OutOfScopeQuality {
  const q: OutOfScopeQuality = { total: cases.length, wrongCards: 0, wrongReferrals: 0, right: 0, held: 0, wrong: [] };
  for (const c of cases) {
    const answer = answerOf(catalogue, c.q);
    if (answer.kind !== 'card' && answer.kind !== 'referral') {
      q.held++;
      continue;
    }
    if (c.ok && new RegExp(c.ok).test(normalize(answer.name))) {
      q.right++;
      continue;
    }
    if (answer.kind === 'card') q.wrongCards++;
    else q.wrongReferrals++;
    q.wrong.push(`${JSON.stringify(c.q)} → ${describe(answer)}`);
  }
  return q;
}

function describe(a: Answer): string {
  switch (a.kind) {
    case 'intent':
      return `intent ${a.intent}`;
    case 'card':
    case 'referral':
      return `${a.kind} ${a.code} ${a.name}`;
    case 'choose':
      return `choose [${a.codes.join(', ')}]`;
    case 'field':
      return `field ${a.field}`;
    case 'none':
      return 'none';
  }
}

export const rate = { share, percent };
