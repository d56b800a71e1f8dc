// First-start data of the ratings module: the bundled questionnaire versions
// (prisma/seed/questionnaires/*.yaml), each saved once under its key, and a check that the
// version RATING_QUESTIONNAIRE names exists, so a typo stops the start instead of the first rating.
import { readdirSync, readFileSync } from 'node:fs';
import type { Services } from '../services.js';
import { seedDir } from '../shared/seed-files.js';
import { loadQuestionnaire, parseQuestionnaire, saveQuestionnaire } from './questionnaire.js';

export async function seedQuestionnaires({ db, config }: Pick<Services, 'db' | 'config'>): Promise<void> {
  const dir = `${seedDir}questionnaires/`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = parseQuestionnaire(readFileSync(`${dir}${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(`Invalid seed questionnaire ${file}:\n${parsed.errors.join('\n')}`);
    if (await db.questionnaire.findUnique({ where: { key: parsed.questionnaire.key } })) continue;
    const saved = await saveQuestionnaire(db, parsed.questionnaire);
    if (!saved.ok) throw new Error(`Seed questionnaire ${file}: ${saved.errors.join('; ')}`);
  }
  if (!(await loadQuestionnaire(db, config.RATING_QUESTIONNAIRE))) {
    throw new Error(
      `RATING_QUESTIONNAIRE=${config.RATING_QUESTIONNAIRE}: no questionnaire with that key; ` +
        'import it first with `npm run cli -- import questionnaire <file>`',
    );
  }
}
