// `import questionnaire <file.yaml>`: a new version of the rating questionnaire, checked whole;
// the same file again changes nothing; a changed file under a saved key is refused.
import type { Importer } from '../shared/import-file.js';
import { parseQuestionnaire, saveQuestionnaire } from './questionnaire.js';

export const importQuestionnaireFile: Importer = async (services, text) => {
  const parsed = parseQuestionnaire(text);
  if (!parsed.ok) return parsed;
  const saved = await saveQuestionnaire(services.db, parsed.questionnaire);
  if (!saved.ok) return saved;
  const { key, questions } = parsed.questionnaire;
  const id = saved.created ? 'rating-import-created' : 'rating-import-unchanged';
  return { ok: true, summary: services.i18n.t('vi', id, { key, count: questions.length }) };
};
