import { describe, expect, it } from 'vitest';
import { IntentDetector } from '../../src/intents/detect.js';
import { findComplaintCode } from '../../src/complaints/codes.js';
import { findShortCode } from '../../src/dossiers/secrets.js';
import { ENGLISH_QUESTIONS } from '../procedures/english-questions.js';
import { QUESTIONS } from '../procedures/questions.js';
import { INTENTS_BLIND_1, NOT_INTENTS_BLIND_1 } from './questions.js';

const detector = IntentDetector.load();
const read = (message: string) => {
  const intent = detector.detect(message);
  if (!intent) return 'none';
  return intent.kind === 'complaint' ? `complaint:${intent.category}` : intent.kind;
};

describe('intent detection', () => {
  it('reads complaints, "my dossier", greetings, thanks and help as such', () => {
    const misses = INTENTS_BLIND_1.filter(([m, expected]) => read(m) !== expected).map(([m, e]) => `${m}: expected ${e}, got ${read(m)}`);
    console.log(`intents: ${INTENTS_BLIND_1.length - misses.length} of ${INTENTS_BLIND_1.length}`);
    expect(misses).toEqual([]);
  });

  it('never takes a procedure question, in Vietnamese or English, for an intent', () => {
    const questions = [...QUESTIONS.map(([q]) => q), ...ENGLISH_QUESTIONS.map(([q]) => q), ...NOT_INTENTS_BLIND_1];
    const stolen = questions.filter((q) => read(q) !== 'none').map((q) => `${q}: ${read(q)}`);
    expect(stolen).toEqual([]);
  });

  it('says whether a complaint is also about the person’s dossier', () => {
    expect(detector.detect('hồ sơ của em lâu quá')).toEqual({ kind: 'complaint', category: 'delay', aboutDossier: true });
    expect(detector.detect('cán bộ đòi tiền')).toEqual({ kind: 'complaint', category: 'extra_pay', aboutDossier: false });
  });

  it('refuses a phrase file of the wrong shape', () => {
    expect(() => IntentDetector.load('complaint: []\n')).toThrow();
  });
});

describe('codes inside a sentence', () => {
  it('finds a receipt code with or without its dash, in any case, and nothing in ordinary words or numbers', () => {
    expect(findShortCode('hồ sơ ABCD-2345 xong chưa')).toBe('ABCD2345');
    expect(findShortCode('ma cua em la abcd2345 a')).toBe('ABCD2345');
    expect(findShortCode('abcd 2345')).toBe('ABCD2345');
    expect(findShortCode('khai sinh 2024 cho con')).toBeNull();
    expect(findShortCode('gọi 0912345678')).toBeNull();
    expect(findShortCode('HS-2611-0001')).toBeNull();
  });

  it('finds a complaint code anywhere', () => {
    expect(findComplaintCode('phản ánh pa-2611-7kq4m đến đâu rồi')).toBe('PA-2611-7KQ4M');
    expect(findComplaintCode('PA-2611')).toBeNull();
  });
});
