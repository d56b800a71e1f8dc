// Every domain module that talks to people, in the order /help lists their commands.
import type { ConversationModule } from './types.js';
import { proceduresModule } from '../procedures/module.js';

export function conversationModules(): ConversationModule[] {
  return [proceduresModule];
}
