// Multi-step dialogue state per (channel, user), kept in the database so that a dialogue
// survives restarts and behaves the same on every channel.
import { z } from 'zod';
import { hotPath, type Db } from '../db/index.js';
import type { ChannelName, DialogueSnapshot } from './types.js';

/** A dialogue left untouched this long is forgotten, so stale steps never capture new messages. */
export const DIALOGUE_TTL_MS = 24 * 60 * 60 * 1000;

const dataSchema = z.record(z.string(), z.unknown());

export async function loadDialogue(
  db: Db,
  channel: ChannelName,
  userId: string,
  now: Date,
): Promise<DialogueSnapshot | null> {
  const row = await hotPath(db).findDialogue(channel, userId);
  if (!row) return null;
  if (now.getTime() - row.updatedAt.getTime() > DIALOGUE_TTL_MS) {
    await clearDialogue(db, channel, userId);
    return null;
  }
  const data = dataSchema.safeParse(safeJson(row.data));
  // A row that does not parse is dropped rather than crashing every later message.
  if (!data.success) {
    await clearDialogue(db, channel, userId);
    return null;
  }
  return { flow: row.flow, step: row.step, data: data.data };
}

export async function saveDialogue(
  db: Db,
  channel: ChannelName,
  userId: string,
  snapshot: DialogueSnapshot,
  now: Date,
): Promise<void> {
  const { flow, step } = snapshot;
  await hotPath(db).saveDialogue(channel, userId, { flow, step, data: JSON.stringify(snapshot.data) }, now);
}

export async function clearDialogue(db: Db, channel: ChannelName, userId: string): Promise<void> {
  await hotPath(db).clearDialogue(channel, userId);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
