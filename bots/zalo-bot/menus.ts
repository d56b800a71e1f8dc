// The numbered choices last shown to each person (ChoiceMenu), so that a typed "2" presses the
// second one. In the database rather than in memory: the push that showed them may have been
// sent by another process, or before a restart. A menu left untouched as long as a dialogue
// is forgotten, like the dialogue it belonged to.
import { z } from 'zod';
import type { Services } from '../../src/services.js';
import type { ChannelName } from '../../src/conversation/types.js';
import { DIALOGUE_TTL_MS } from '../../src/conversation/dialogue.js';
import { safeJson } from '../../src/shared/json.js';

const payloads = z.array(z.string());

export class ChoiceMenus {
  constructor(
    private readonly services: Pick<Services, 'db' | 'clock'>,
    private readonly channel: ChannelName,
  ) {}

  /** Replaces the person's live choices; none clears them. */
  async set(userId: string, live: string[]): Promise<void> {
    const { db, clock } = this.services;
    const key = { channel_userId: { channel: this.channel, userId } };
    if (!live.length) {
      await db.choiceMenu.deleteMany({ where: { channel: this.channel, userId } });
      return;
    }
    const data = { payloads: JSON.stringify(live), updatedAt: clock.now() };
    await db.choiceMenu.upsert({ where: key, create: { channel: this.channel, userId, ...data }, update: data });
  }

  /** The payload of choice `n` (1 first), if it is live. */
  async pick(userId: string, n: number): Promise<string | undefined> {
    const { db, clock } = this.services;
    const row = await db.choiceMenu.findUnique({ where: { channel_userId: { channel: this.channel, userId } } });
    if (!row || clock.now().getTime() - row.updatedAt.getTime() > DIALOGUE_TTL_MS) return undefined;
    const parsed = payloads.safeParse(safeJson(row.payloads));
    return parsed.success ? parsed.data[n - 1] : undefined;
  }
}
