// Multi-step dialogue state per (channel, user), kept in the database so that a dialogue
// survives restarts and behaves the same on every channel.
import { z } from 'zod';
import type { Services } from '../services.js';
import { safeJson } from '../shared/json.js';
import type { ChannelName, DialogueSnapshot } from './types.js';

/** A dialogue left untouched this long is forgotten, so stale steps never capture new messages. */
export const DIALOGUE_TTL_MS = 24 * 60 * 60 * 1000;

const dataSchema = z.record(z.string(), z.unknown());

type Deps = Pick<Services, 'hotPath' | 'clock'>;

export async function loadDialogue(deps: Deps, channel: ChannelName, userId: string): Promise<DialogueSnapshot | null> {
  const row = await deps.hotPath.findDialogue(channel, userId);
  if (!row) return null;
  if (deps.clock.now().getTime() - row.updatedAt.getTime() > DIALOGUE_TTL_MS) {
    await clearDialogue(deps, channel, userId);
    return null;
  }
  const data = dataSchema.safeParse(safeJson(row.data));
  // A row that does not parse is dropped rather than crashing every later message.
  if (!data.success) {
    await clearDialogue(deps, channel, userId);
    return null;
  }
  return { flow: row.flow, step: row.step, data: data.data };
}

export async function saveDialogue(deps: Deps, channel: ChannelName, userId: string, snapshot: DialogueSnapshot): Promise<void> {
  const { flow, step } = snapshot;
  await deps.hotPath.saveDialogue(channel, userId, { flow, step, data: JSON.stringify(snapshot.data) }, deps.clock.now());
}

export async function clearDialogue(deps: Pick<Services, 'hotPath'>, channel: ChannelName, userId: string): Promise<void> {
  await deps.hotPath.clearDialogue(channel, userId);
}
