// Finding a commune from what a person typed (official code or name, with or without
// diacritics) or offering them as buttons when there are few enough to list.
import type { Commune } from '../generated/prisma/client.js';
import type { Db } from '../db/index.js';
import type { Button, Ctx, DialogueInput, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { normalize } from '../procedures/normalize.js';
import { FLOW_PREFIX } from './flow-names.js';

/** More communes than this are not listed as buttons; people type the code or name instead. */
export const MAX_COMMUNE_BUTTONS = 12;

/** Communes matching the text: the one with that code, else those whose name contains it. */
export async function matchCommunes(db: Db, typed: string, excludeId?: number): Promise<Commune[]> {
  const communes = (await db.commune.findMany({ orderBy: { name: 'asc' } })).filter((c) => c.id !== excludeId);
  const code = typed.trim().toUpperCase();
  const byCode = communes.find((c) => c.code.toUpperCase() === code);
  if (byCode) return [byCode];
  const wanted = normalize(typed);
  if (wanted.length < 2) return [];
  const exact = communes.filter((c) => normalize(c.name) === wanted);
  if (exact.length) return exact;
  return communes.filter((c) => normalize(c.name).includes(wanted));
}

/** Buttons for the communes (pressed inside a dialogue), or null when there are too many to list. */
export async function communeButtons(db: Db, excludeId?: number, among?: Commune[]): Promise<Button[][] | null> {
  const communes = among ?? (await db.commune.findMany({ orderBy: { name: 'asc' } })).filter((c) => c.id !== excludeId);
  if (!communes.length || communes.length > MAX_COMMUNE_BUTTONS) return null;
  return column(communes.map((c) => button(c.name, `${FLOW_PREFIX}:c:${c.id}`)));
}

/** The commune id of a pressed commune button, if it is one. */
export function pressedCommune(payload: string | undefined): number | null {
  const m = payload ? new RegExp(`^${FLOW_PREFIX}:c:(\\d+)$`).exec(payload) : null;
  return m ? Number(m[1]) : null;
}

export type CommunePick = { commune: Commune } | { replies: Reply[] };

/**
 * One answer to "which commune?" inside a dialogue: a pressed button or typed text. Returns the
 * commune, or what to say (several matches to choose from, none found, the question again).
 */
export async function pickCommune(
  ctx: Ctx,
  input: DialogueInput,
  question: Reply,
  excludeId?: number,
): Promise<CommunePick> {
  const { db } = ctx.services;
  const pressed = pressedCommune(input.payload);
  if (pressed !== null) {
    const commune = await db.commune.findUnique({ where: { id: pressed } });
    if (commune && commune.id !== excludeId) return { commune };
    return { replies: [question] };
  }
  const typed = input.text?.trim();
  if (!typed) return { replies: [question] };
  const found = await matchCommunes(db, typed, excludeId);
  if (found.length === 1) return { commune: found[0] };
  if (found.length > 1) {
    const among = found.slice(0, MAX_COMMUNE_BUTTONS);
    return { replies: [{ text: ctx.t('complaints-commune-several', { typed }), buttons: (await communeButtons(db, excludeId, among))! }] };
  }
  return { replies: [{ text: ctx.t('complaints-commune-unknown', { typed }) }, question] };
}
