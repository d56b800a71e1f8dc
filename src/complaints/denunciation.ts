// Khiếu nại and tố cáo are legal procedures (Law on Complaints, Law on Denunciations), not
// feedback under Decree 20/2008: they go to the citizen reception office instead.
import { normalize } from '../procedures/normalize.js';

const LEGAL_WORDS = /(?:^| )(?:to cao|khieu nai|khieu kien)(?: |$)/;

/** True when the text names a denunciation or a legal complaint, with or without diacritics. */
export function mentionsDenunciation(text: string): boolean {
  return LEGAL_WORDS.test(normalize(text));
}
