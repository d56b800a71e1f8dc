// Roles by invitation. An operator creates a one-time code for a role (official of a commune,
// manager of communes or a province); the person sends `/dangky <code>` on any channel and
// takes that role. Only the SHA-256 of the code is stored, so a copy of the database does not
// hand out roles. A code is 8 characters from a 31-letter alphabet without look-alikes
// (0/O, 1/I/L): about 8·10^11 possibilities, far beyond guessing at a message per second.
import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Services } from '../services.js';
import type { Account, Invite } from '../generated/prisma/client.js';
import { Refusal } from '../conversation/refusal.js';
import { deliverHeldAlerts } from '../alerts/leadership.js';
import { MAX_NAME_CHARS, personNameSchema } from './names.js';

export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export type InviteRole = 'official' | 'manager';

/** ABCD-EFGH: two groups of four read well over the phone. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed (any case, spaces or dashes) in canonical form; null when it cannot be one. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-.]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => INVITE_ALPHABET.includes(c)) ? code : null;
}

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
}

export const inviteRequestSchema = z.object({
  role: z.enum(['official', 'manager']),
  communeCodes: z.array(z.string().trim().min(1)).default([]),
  provinceCode: z.string().trim().min(1).optional(),
  /** Name and post of the person invited, given to their account at sign-up. */
  name: personNameSchema.optional(),
  title: personNameSchema.optional(),
});
export type InviteRequest = z.input<typeof inviteRequestSchema>;

export interface CreatedInvite {
  /** The code to hand over; it is shown once and never stored. */
  code: string;
  expiresAt: Date;
  role: InviteRole;
  /** Names of the communes, or of the province, that the role covers. */
  places: string[];
  /** "Name (post)" of the person invited, when given. */
  person?: string;
}

export async function createInvite(services: Pick<Services, 'clock' | 'config' | 'db'>, request: InviteRequest): Promise<CreatedInvite> {
  const parsed = inviteRequestSchema.safeParse(request);
  if (!parsed.success) throw new Refusal('accounts-invite-bad-name', { max: MAX_NAME_CHARS });
  const { role, communeCodes, provinceCode, name, title } = parsed.data;
  if (role === 'official' && (communeCodes.length !== 1 || provinceCode)) throw new Refusal('accounts-invite-official-one');
  if (role === 'manager' && !communeCodes.length && !provinceCode) throw new Refusal('accounts-invite-manager-scope');
  const { db, clock, config } = services;
  const communes = await db.commune.findMany({ where: { code: { in: communeCodes } } });
  const unknown = communeCodes.filter((code) => !communes.some((c) => c.code === code));
  if (unknown.length) throw new Refusal('accounts-invite-unknown-commune', { codes: unknown.join(', ') });
  const province = provinceCode ? await db.province.findUnique({ where: { code: provinceCode } }) : null;
  if (provinceCode && !province) throw new Refusal('accounts-invite-unknown-province', { code: provinceCode });

  const code = newCode();
  const expiresAt = new Date(clock.now().getTime() + config.INVITE_TTL_HOURS * 3600_000);
  const communeIds = communes.map((c) => c.id);
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: { codeHash: hashCode(code), role, communeIds: JSON.stringify(communeIds), provinceId: province?.id ?? null, expiresAt, name: name ?? null, title: title ?? null },
    });
    await tx.auditLog.create({
      data: { action: 'invite.created', subject: `invite:${invite.id}`, detail: JSON.stringify({ role, communeIds, provinceId: province?.id ?? null }) },
    });
  });
  const person = name ? (title ? `${name} (${title})` : name) : undefined;
  return { code, expiresAt, role, places: [...communes.map((c) => c.name), ...(province ? [province.name] : [])], person };
}

export type RedeemResult =
  | { ok: true; account: Account; invite: Invite; heldAlerts: number }
  | { ok: false; reason: 'malformed' | 'unknown' | 'expired' | 'used' };

const communeIdsSchema = z.array(z.number().int());

/**
 * Grants the invitation's role to the account. The invite is marked used by a conditional
 * update inside the same transaction as the role change, so of two people racing for one code
 * exactly one wins and the other changes nothing. Then the roleChanged listeners are told.
 */
export async function redeemInvite(services: Pick<Services, 'clock' | 'db' | 'log' | 'roleChanged'>, account: Account, typed: string): Promise<RedeemResult> {
  const { db, clock, log } = services;
  const code = normalizeCode(typed);
  if (!code) return { ok: false, reason: 'malformed' };
  const invite = await db.invite.findUnique({ where: { codeHash: hashCode(code) } });
  const now = clock.now();
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.usedAt) return { ok: false, reason: 'used' };
  if (invite.expiresAt <= now) return { ok: false, reason: 'expired' };

  const communeIds = communeIdsSchema.parse(JSON.parse(invite.communeIds));
  const updated = await db.$transaction(async (tx) => {
    const taken = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: account.id },
    });
    if (taken.count !== 1) return null;
    if (invite.role === 'official') {
      await tx.managerScope.deleteMany({ where: { accountId: account.id } });
    } else {
      // A manager's scope grows with each invitation; a new manager starts from nothing.
      if (account.role !== 'manager') await tx.managerScope.deleteMany({ where: { accountId: account.id } });
      const existing = await tx.managerScope.findMany({ where: { accountId: account.id } });
      const wanted = [
        ...communeIds.map((communeId) => ({ communeId, provinceId: null })),
        ...(invite.provinceId !== null ? [{ communeId: null, provinceId: invite.provinceId }] : []),
      ].filter((s) => !existing.some((e) => e.communeId === s.communeId && e.provinceId === s.provinceId));
      for (const scope of wanted) await tx.managerScope.create({ data: { accountId: account.id, ...scope } });
    }
    await tx.auditLog.create({
      data: {
        actorId: account.id,
        action: 'invite.redeemed',
        subject: `invite:${invite.id}`,
        detail: JSON.stringify({ role: invite.role, communeIds, provinceId: invite.provinceId, previousRole: account.role }),
      },
    });
    const granted = await tx.account.update({
      where: { id: account.id },
      data: {
        role: invite.role,
        communeId: invite.role === 'official' ? communeIds[0] : null,
        // The name on the invitation is the one colleagues know; a platform name stays otherwise.
        ...(invite.name ? { displayName: invite.name } : {}),
        ...(invite.title ? { title: invite.title } : {}),
      },
    });
    const heldAlerts = invite.role === 'manager' ? await deliverHeldAlerts(tx, granted, now) : 0;
    return { granted, heldAlerts };
  });
  if (!updated) return { ok: false, reason: 'used' };
  const { heldAlerts } = updated;
  // The role is granted either way; a menu that failed to update is fixed at the next change.
  await services.roleChanged.emit(updated.granted, log, 'role change');
  log.info({ accountId: updated.granted.id, role: updated.granted.role, inviteId: invite.id, heldAlerts }, 'role granted by invitation');
  return { ok: true, account: updated.granted, invite, heldAlerts };
}
