// What a free-text message is, when it is not a question about a procedure: a complaint, a
// question about one's own dossier, a greeting, thanks or a call for help. Phrase lists are
// data (phrases.yaml); matching is whole words on folded text, so diacritics do not matter.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { normalize, tokenize } from '../procedures/normalize.js';

const phraseList = z.array(z.string().min(1));
const phrasesSchema = z.strictObject({
  complaint: z.record(z.string(), phraseList),
  angryEmoji: phraseList,
  myDossier: z.strictObject({ strong: phraseList, weak: phraseList }),
  greeting: phraseList,
  thanks: phraseList,
  help: phraseList,
});

export const PHRASES_URL = new URL('./phrases.yaml', import.meta.url);

export type Intent =
  | { kind: 'complaint'; category: string; aboutDossier: boolean }
  | { kind: 'my-dossier' }
  | { kind: 'greeting' | 'thanks' | 'help' };

type Small = 'greeting' | 'thanks' | 'help';

export class IntentDetector {
  private readonly complaint: [category: string, phrases: string[]][];
  private readonly emoji: string[];
  private readonly strong: string[];
  private readonly weak: string[];
  /** Checked in this order when several are said together ("chào bạn, cảm ơn" is thanks). */
  private readonly small: [Small, string[]][];

  constructor(data: z.infer<typeof phrasesSchema>) {
    const fold = (list: string[]) => [...new Set(list.map((p) => normalize(p)).filter((p) => p !== ''))];
    this.complaint = Object.entries(data.complaint).map(([category, list]) => [category, fold(list)]);
    this.emoji = data.angryEmoji;
    this.strong = fold(data.myDossier.strong);
    this.weak = fold(data.myDossier.weak);
    this.small = [
      ['help', fold(data.help)],
      ['thanks', fold(data.thanks)],
      ['greeting', fold(data.greeting)],
    ];
  }

  static load(text = readFileSync(PHRASES_URL, 'utf8')): IntentDetector {
    return new IntentDetector(phrasesSchema.parse(parse(text)));
  }

  detect(text: string): Intent | null {
    const folded = ` ${normalize(text)} `;
    const has = (phrase: string) => folded.includes(` ${phrase} `);
    const aboutDossier = this.strong.some(has) || this.weak.some((p) => has(p) && onlyFiller(folded, [p]));
    for (const [category, phrases] of this.complaint) {
      if (phrases.some(has)) return { kind: 'complaint', category, aboutDossier };
    }
    if (this.emoji.some((e) => text.includes(e))) return { kind: 'complaint', category: 'other', aboutDossier };
    if (aboutDossier) return { kind: 'my-dossier' };
    const said = this.small.filter(([, phrases]) => phrases.some(has));
    if (said.length && onlyFiller(folded, said.flatMap(([, phrases]) => phrases))) return { kind: said[0][0] };
    return null;
  }
}

/** True when nothing but filler is left once the phrases are taken out ("chào bạn ạ", not "chào, cho hỏi khai sinh"). */
function onlyFiller(folded: string, phrases: string[]): boolean {
  let rest = folded;
  for (const p of [...phrases].sort((a, b) => b.length - a.length)) rest = rest.split(` ${p} `).join('  ');
  return tokenize(rest).length === 0;
}
