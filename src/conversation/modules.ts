// Every domain module that talks to people, in the order /help lists their commands.
import type { ConversationModule } from './types.js';
import { proceduresModule } from '../procedures/module.js';
import { accountsModule } from '../accounts/module.js';
import { complaintsModule } from '../complaints/module.js';
import { dossiersModule } from '../dossiers/module.js';
import { ratingsModule } from '../ratings/module.js';
import { criteriaModule } from '../criteria/module.js';
import { intentsModule } from '../intents/module.js';

export function conversationModules(): ConversationModule[] {
  // intentsModule's text handler runs after the modules' own (typed codes), before the search.
  return [proceduresModule, accountsModule, complaintsModule, dossiersModule, ratingsModule, criteriaModule, intentsModule];
}
