// Registering a dossier received at the one-stop desk. The one path for the bot's /hoso, the
// desk API and the CSV import: due date from the procedure's time limit in working days,
// rating token and Zalo code (hashed), and idempotence on the dossier code.
import { randomInt } from 'node:crypto';
import type { Services } from '../services.js';
import { END_OF_DAY, WorkingCalendar } from '../calendar/working-days.js';
import { isUniqueViolation, type Db, type Tx } from '../db/index.js';
import type { Dossier } from '../generated/prisma/client.js';
import { vnDate, vnInstant } from '../shared/vntime.js';
import { Refusal } from '../conversation/refusal.js';
import { qrPngBase64, ratingLink } from './links.js';
import {
  MAX_SECRET_ATTEMPTS,
  RATING_START_PREFIX,
  deriveSecrets,
  displayShortCode,
  recoverSecrets,
  secretKey,
  sha256,
  type DossierSecrets,
} from './secrets.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks of desk software drift; a receipt a few minutes "in the future" is still accepted. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Receipts before this are typing mistakes (0001-01-01), not dossiers. */
export const EARLIEST_RECEIPT = new Date('2000-01-01T00:00:00+07:00');
/** A due date further than this after receipt is a typing mistake (9999-12-31). */
export const MAX_DUE_YEARS = 2;
/** Dossier codes from the desk software (national codes look like 000.00.12.H10-240315-0001). */
export const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,39}$/;

export interface DossierInput {
  /** The desk's own code; generated (HS-yymmdd-XXXXX) when absent. */
  code?: string;
  communeId: number;
  procedureId: number;
  citizenName?: string | null;
  /** The official who handles it. */
  handlerId?: number | null;
  /** Default now. On a repeated registration it is compared only when given. */
  receivedAt?: Date;
  /** YYYY-MM-DD that replaces the computed due date. */
  dueDate?: string | null;
  /** 84…: given with the citizen's consent, for Zalo template messages by phone. */
  citizenPhone?: string | null;
}

export type DossierProblem =
  | 'due_in_past'
  | 'due_not_working_day'
  | 'received_in_future'
  | 'received_too_early'
  | 'due_too_far'
  | 'unknown_procedure'
  | 'unknown_commune'
  /** The code exists with different details. */
  | 'code_taken'
  /** The code exists but its link was made with another key and cannot be shown again. */
  | 'link_lost';

/** A registration refused for a reason the caller shows to a person, naming the field at fault. */
export function dossierRefusal(problem: DossierProblem, field: string): Refusal {
  return new Refusal(`dossier-problem-${problem}`, {}, field);
}

/** The problem a registration refusal stands for, or null for any other error. */
export function dossierProblem(error: unknown): DossierProblem | null {
  if (!(error instanceof Refusal)) return null;
  const match = /^dossier-problem-(\w+)$/.exec(error.messageId);
  return match ? (match[1] as DossierProblem) : null;
}

export interface Registration {
  dossier: Dossier;
  code: string;
  /** As printed: ABCD-2345. */
  zaloCode: string;
  ratingLink: string | null;
  /** `r_<token>`: what /start receives from the link (the console and tests use it directly). */
  startPayload: string;
  qrPngBase64: string | null;
  /** True when the code was already registered with the same details. */
  replayed: boolean;
}

type Deps = Pick<Services, 'db' | 'config' | 'clock'>;

export interface RegisterOptions {
  /** Run inside this transaction (the CSV import registers a whole file in one). */
  tx?: Tx;
  calendar?: WorkingCalendar;
  /** Draw the QR picture (default true; the import only prints links). */
  qr?: boolean;
}

export async function registerDossier(services: Deps, input: DossierInput, options: RegisterOptions = {}): Promise<Registration> {
  const calendar = options.calendar ?? (await WorkingCalendar.load(services.db));
  const run = (tx: Tx) => registerIn(tx, services, calendar, input);
  let saved: Saved;
  if (options.tx) saved = await run(options.tx);
  else {
    try {
      saved = await services.db.$transaction(run);
    } catch (error) {
      // Two requests with the same new code at once: the loser now finds the winner's row.
      if (!isUniqueViolation(error)) throw error;
      saved = await services.db.$transaction(run);
    }
  }
  const link = ratingLink(services.config, saved.secrets.token);
  return {
    dossier: saved.dossier,
    code: saved.dossier.code,
    zaloCode: displayShortCode(saved.secrets.shortCode),
    ratingLink: link,
    startPayload: `${RATING_START_PREFIX}${saved.secrets.token}`,
    qrPngBase64: link && options.qr !== false ? await qrPngBase64(link) : null,
    replayed: saved.replayed,
  };
}

interface Saved {
  dossier: Dossier;
  secrets: DossierSecrets;
  replayed: boolean;
}

async function registerIn(tx: Tx, services: Deps, calendar: WorkingCalendar, input: DossierInput): Promise<Saved> {
  const now = services.clock.now();
  const receivedAt = input.receivedAt ?? now;
  const key = secretKey(services.config);
  if (input.code) {
    // A repeat is answered as the first time, even if its due date has passed since.
    const existing = await tx.dossier.findUnique({ where: { code: input.code } });
    if (existing) {
      if (!sameDossier(existing, input)) throw dossierRefusal('code_taken', 'code');
      const secrets = recoverSecrets(key, existing.code, existing.ratingTokenHash);
      if (!secrets) throw dossierRefusal('link_lost', 'code');
      return { dossier: existing, secrets, replayed: true };
    }
  }
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw dossierRefusal('received_in_future', 'receivedAt');
  if (receivedAt < EARLIEST_RECEIPT) throw dossierRefusal('received_too_early', 'receivedAt');
  if (input.dueDate) checkDueDate(calendar, input.dueDate, now, receivedAt);

  const procedure = await tx.procedure.findUnique({ where: { id: input.procedureId } });
  if (!procedure) throw dossierRefusal('unknown_procedure', 'procedure');
  if (!(await tx.commune.findUnique({ where: { id: input.communeId }, select: { id: true } }))) {
    throw dossierRefusal('unknown_commune', 'commune');
  }
  const dueAt = input.dueDate
    ? vnInstant(input.dueDate, END_OF_DAY)
    : calendar.dueAt(receivedAt, procedure.timeLimitDays ?? services.config.DOSSIER_DEFAULT_DAYS);
  const code = input.code ?? (await newDossierCode(tx, now));

  for (let attempt = 0; attempt < MAX_SECRET_ATTEMPTS; attempt++) {
    const secrets = deriveSecrets(key, code, attempt);
    const ratingTokenHash = sha256(secrets.token);
    const shortCodeHash = sha256(secrets.shortCode);
    // Checked before writing rather than caught: PostgreSQL aborts a transaction on any error.
    const clash = await tx.dossier.findFirst({ where: { OR: [{ ratingTokenHash }, { shortCodeHash }] }, select: { id: true } });
    if (clash) continue;
    const dossier = await tx.dossier.create({
      data: {
        code,
        communeId: input.communeId,
        procedureId: procedure.id,
        citizenName: input.citizenName ?? null,
        handlerId: input.handlerId ?? null,
        ...(input.citizenPhone ? { citizenPhone: input.citizenPhone, phoneConsentAt: now } : {}),
        receivedAt,
        dueAt,
        ratingTokenHash,
        shortCodeHash,
        tokenExpiresAt: new Date(dueAt.getTime() + services.config.RATING_TOKEN_DAYS * DAY_MS),
      },
    });
    return { dossier, secrets, replayed: false };
  }
  throw new Error(`no free short code for dossier ${code} after ${MAX_SECRET_ATTEMPTS} attempts`);
}

/**
 * A due date set by hand must be a working day, not before today nor before the receipt, and
 * at most MAX_DUE_YEARS after the receipt.
 */
export function checkDueDate(calendar: WorkingCalendar, date: string, now: Date, receivedAt: Date = now): void {
  if (date < vnDate(now) || date < vnDate(receivedAt)) throw dossierRefusal('due_in_past', 'dueDate');
  const received = vnDate(receivedAt);
  const latest = `${String(Number(received.slice(0, 4)) + MAX_DUE_YEARS).padStart(4, '0')}${received.slice(4)}`;
  if (date > latest) throw dossierRefusal('due_too_far', 'dueDate');
  if (!calendar.isWorkingDay(date)) throw dossierRefusal('due_not_working_day', 'dueDate');
}

/** Same details as an earlier registration of the code (the fields the caller gave). */
function sameDossier(existing: Dossier, input: DossierInput): boolean {
  return (
    existing.communeId === input.communeId &&
    existing.procedureId === input.procedureId &&
    (existing.citizenName ?? null) === (input.citizenName ?? null) &&
    (!input.receivedAt || existing.receivedAt.getTime() === input.receivedAt.getTime()) &&
    (!input.dueDate || vnDate(existing.dueAt) === input.dueDate)
  );
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** HS-yymmdd-XXXXX, for dossiers registered in the bot (the desk software brings its own). */
export async function newDossierCode(db: Db | Tx, now: Date): Promise<string> {
  const day = vnDate(now).slice(2).replaceAll('-', '');
  for (;;) {
    const suffix = Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const code = `HS-${day}-${suffix}`;
    if (!(await db.dossier.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}
