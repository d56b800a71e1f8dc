// How often each answer of each question was chosen, for the workbook: ratings of the dossiers
// returned in [from, to), grouped by the questionnaire version they answered (old 4-level
// ratings keep their own questions and answers).
import { z } from 'zod';
import type { Db } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { percent } from './figures.js';
import { loadQuestionnaire, textIn } from './questionnaire.js';

export interface AnswerCount {
  questionnaire: string;
  question: string;
  answer: string;
  count: number;
  /** Share of the ratings that answered the question with that version, 0–100. */
  percent: number | null;
}

const answersJson = z.record(z.string(), z.string()).catch({});

export async function answerCounts(db: Db, communeIds: number[], from: Date, to: Date, locale: Locale): Promise<AnswerCount[]> {
  const ratings = await db.rating.findMany({
    where: { dossier: { communeId: { in: communeIds }, status: 'returned', returnedAt: { gte: from, lt: to } } },
    select: { questionnaire: true, answers: true },
  });
  const byVersion = new Map<string, Record<string, string>[]>();
  for (const r of ratings) {
    const answers = answersJson.parse(JSON.parse(r.answers));
    const list = byVersion.get(r.questionnaire);
    if (list) list.push(answers);
    else byVersion.set(r.questionnaire, [answers]);
  }
  const rows: AnswerCount[] = [];
  for (const [key, all] of [...byVersion].sort(([a], [b]) => a.localeCompare(b))) {
    const q = await loadQuestionnaire(db, key);
    if (!q) continue;
    for (const question of q.questions) {
      const answered = all.filter((a) => a[question.id] !== undefined).length;
      for (const answer of question.answers) {
        const count = all.filter((a) => a[question.id] === answer.value).length;
        rows.push({
          questionnaire: textIn(q.title, locale),
          question: textIn(question.label, locale),
          answer: textIn(answer.text, locale),
          count,
          percent: percent(count, answered),
        });
      }
    }
  }
  return rows;
}
