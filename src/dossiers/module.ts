// Dossiers in the conversation: officials register (/hoso), close (/xong, /tra) and delay
// (/trehan) dossiers; citizens open one with the receipt's link or code and follow it.
import type { ConversationModule } from '../conversation/types.js';
import { delayCommand, delayFlow } from './delay.js';
import { hosoCommand, hosoFlow } from './hoso.js';
import { openByShortCode, openByToken, openFlow } from './open.js';
import { RATING_START_PREFIX } from './secrets.js';
import { doneCommand, returnedCommand } from './status-commands.js';

export const dossiersModule: ConversationModule = {
  name: 'dossiers',
  commands: [hosoCommand, doneCommand, returnedCommand, delayCommand],
  flows: [hosoFlow, openFlow, delayFlow],
  starts: [{ prefix: RATING_START_PREFIX, run: openByToken }],
  // The Zalo code typed as a message (works on every channel).
  text: openByShortCode,
};
