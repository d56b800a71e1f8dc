// Ratings in the conversation: the rating dialogue, the button of pushed rating requests, and
// /hailong for managers and officials.
import type { ConversationModule } from '../conversation/types.js';
import { rateButton, ratingFlow } from './flow.js';
import { hailongCommand } from './hailong.js';

export const ratingsModule: ConversationModule = {
  name: 'ratings',
  commands: [hailongCommand],
  flows: [ratingFlow],
  buttons: [rateButton],
};
