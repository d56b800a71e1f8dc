// Pure rules: due dates in working days (weekends, Tết), early/on-time/late, reporting
// periods, and the shape of the citizen's secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyOutcome } from '../../src/dossiers/status.js';
import { deriveSecrets, displayShortCode, parseShortCode, recoverSecrets, sha256 } from '../../src/dossiers/secrets.js';
import { Refusal } from '../../src/conversation/refusal.js';
import { satisfactionFigures } from '../../src/ratings/figures.js';
import { jobs } from '../../src/jobs/registry.js';
import { parsePeriod } from '../../src/shared/periods.js';
import { formatVnDate, vnInstant } from '../../src/shared/vntime.js';
import { makeWorld, procedureWithDays, register, type World } from './support.js';

describe('due dates in working days', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(() => w.app.close());

  async function dueFor(receivedVn: string, days: number | null): Promise<string> {
    const [date, time] = receivedVn.split(' ');
    const procedure = await procedureWithDays(w.app, days);
    w.clock.set(vnInstant(date, time));
    const reg = await register(w, { procedureId: procedure.id });
    // 17:00 in Vietnam is 10:00 UTC.
    return `${formatVnDate(reg.dossier.dueAt)} ${reg.dossier.dueAt.toISOString().slice(11, 16)}`;
  }

  it('skips the weekend', async () => {
    // Thursday 5 March 2026, 10:00 + 3 working days: Fri 6, Mon 9, Tue 10.
    expect(await dueFor('2026-03-05 10:00', 3)).toBe('10/03/2026 10:00');
  });

  it('a Friday-afternoon dossier before Tết counts from the first working day after the holiday', async () => {
    // Friday 13 February 2026 16:00 (after the 15:00 cut-off); Tết runs Sat 14 – Sun 22.
    // Day 0 is Monday 23; three working days later is Thursday 26 February, 17:00.
    expect(await dueFor('2026-02-13 16:00', 3)).toBe('26/02/2026 10:00');
    // The same Friday at 10:00 counts from that Friday: Mon 23, Tue 24, Wed 25.
    expect(await dueFor('2026-02-13 10:00', 3)).toBe('25/02/2026 10:00');
  });

  it('a procedure without a time limit uses DOSSIER_DEFAULT_DAYS (5)', async () => {
    expect(await dueFor('2026-03-02 09:00', null)).toBe('09/03/2026 10:00');
  });

  it('a due date set by hand must be a working day, today or later', async () => {
    w.clock.set(vnInstant('2026-03-04', '09:00'));
    await expect(register(w, { dueDate: '2026-03-03' })).rejects.toMatchObject({ messageId: 'dossier-problem-due_in_past', field: 'dueDate' });
    await expect(register(w, { dueDate: '2026-03-07' })).rejects.toMatchObject({ messageId: 'dossier-problem-due_not_working_day', field: 'dueDate' });
    await expect(register(w, { dueDate: '2026-04-30' })).rejects.toBeInstanceOf(Refusal);
    const ok = await register(w, { dueDate: '2026-03-04' });
    expect(formatVnDate(ok.dossier.dueAt)).toBe('04/03/2026');
  });

  it('figures with nothing returned have no percentages rather than 0%', async () => {
    const f = await satisfactionFigures(w.app.db, [w.tanTien.id], vnInstant('2020-01-01'), vnInstant('2020-02-01'));
    expect(f).toMatchObject({ returned: 0, rated: 0, satisfiedPct: null, ratingRatePct: null, earlyPct: null });
  });

  it('the daily job is registered with the scheduler', () => {
    const job = jobs.find((j) => j.name === 'dossiers-due');
    expect(job?.cron(w.app.config)).toBe('0 7 * * *');
  });
});

describe('early, on time, late', () => {
  const due = vnInstant('2026-03-10', '17:00');
  it('compares the day the result was ready with the original due date', () => {
    expect(classifyOutcome(due, vnInstant('2026-03-09', '16:59'))).toBe('early');
    expect(classifyOutcome(due, vnInstant('2026-03-10', '08:00'))).toBe('on_time');
    expect(classifyOutcome(due, vnInstant('2026-03-10', '17:00'))).toBe('on_time');
    expect(classifyOutcome(due, vnInstant('2026-03-10', '17:01'))).toBe('late');
  });
  it('counts the original due date whatever /trehan said: early stays early, late stays late', () => {
    expect(classifyOutcome(due, vnInstant('2026-03-09', '10:00'))).toBe('early');
    expect(classifyOutcome(due, vnInstant('2026-03-12', '10:00'))).toBe('late');
  });
});

describe('reporting periods', () => {
  const now = vnInstant('2026-05-20', '10:00');
  const range = (text: string) => {
    const p = parsePeriod(text, now);
    return p && `${p.kind} ${p.from.toISOString()} ${p.to.toISOString()}`;
  };
  it('understands months, quarters, half-years and years, with or without diacritics', () => {
    expect(range('')).toBe('month 2026-04-30T17:00:00.000Z 2026-05-31T17:00:00.000Z');
    expect(range('2026-03')).toBe('month 2026-02-28T17:00:00.000Z 2026-03-31T17:00:00.000Z');
    expect(range('tháng 12/2025')).toBe('month 2025-11-30T17:00:00.000Z 2025-12-31T17:00:00.000Z');
    expect(range('quý 1/2026')).toBe('quarter 2025-12-31T17:00:00.000Z 2026-03-31T17:00:00.000Z');
    expect(range('Q4 2025')).toBe('quarter 2025-09-30T17:00:00.000Z 2025-12-31T17:00:00.000Z');
    expect(range('6 tháng đầu năm 2026')).toBe('half 2025-12-31T17:00:00.000Z 2026-06-30T17:00:00.000Z');
    expect(range('6 thang cuoi nam')).toBe('half 2026-06-30T17:00:00.000Z 2026-12-31T17:00:00.000Z');
    expect(range('H2/2025')).toBe('half 2025-06-30T17:00:00.000Z 2025-12-31T17:00:00.000Z');
    expect(range('first half 2026')).toBe(range('h1 2026'));
    expect(range('năm 2025')).toBe('year 2024-12-31T17:00:00.000Z 2025-12-31T17:00:00.000Z');
  });
  it('refuses what it does not understand', () => {
    for (const text of ['quý 5/2026', '2026-13', 'tháng trước', 'BG-TANTIEN']) expect(parsePeriod(text, now), text).toBeNull();
  });
});

describe("the citizen's secrets", () => {
  const key = Buffer.from('a-test-key-of-sixteen-chars');
  it('fit a Telegram deep link and are stable for the same code and key', () => {
    const s = deriveSecrets(key, 'HS-1', 0);
    expect(`r_${s.token}`).toMatch(/^r_[A-Za-z0-9_-]{32}$/);
    expect(`r_${s.token}`.length).toBeLessThanOrEqual(64);
    expect(deriveSecrets(key, 'HS-1', 0)).toEqual(s);
    expect(deriveSecrets(key, 'HS-2', 0).token).not.toBe(s.token);
    expect(deriveSecrets(Buffer.from('another-key-of-sixteen'), 'HS-1', 0).token).not.toBe(s.token);
  });
  it('short codes avoid ambiguous letters and always mix letters and digits', () => {
    for (let i = 0; i < 300; i++) {
      const { shortCode } = deriveSecrets(key, `HS-${i}`, 0);
      expect(shortCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(shortCode).toMatch(/[0-9]/);
      expect(shortCode).toMatch(/[A-Z]/);
      expect(parseShortCode(displayShortCode(shortCode).toLowerCase())).toBe(shortCode);
    }
    expect(parseShortCode('khaisinh')).toBeNull();
    expect(parseShortCode('ABCD-0000')).toBeNull();
  });
  it('a repeated registration recovers the secrets from the stored hash', () => {
    const s = deriveSecrets(key, 'HS-9', 2);
    expect(recoverSecrets(key, 'HS-9', sha256(s.token))).toEqual(s);
    expect(recoverSecrets(Buffer.from('changed-key-changed'), 'HS-9', sha256(s.token))).toBeNull();
  });
});
