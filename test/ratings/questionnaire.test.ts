// The rating questionnaire is versioned data: the shipped versions, what a bad file gets, the
// import, switching versions while old ratings stay readable, and the migration that moved the
// ratings given on the old 4-level scale onto the national 3-level one.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsDir } from '../../src/db/migrate.js';
import { seedDir } from '../../src/shared/seed-files.js';
import { alertingAnswers, loadQuestionnaire, parseQuestionnaire, scoreAnswers, type Questionnaire } from '../../src/ratings/questionnaire.js';
import { satisfactionFigures } from '../../src/ratings/figures.js';
import { importCommand } from '../../src/cli/import.js';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { manager } from '../complaints/support.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { expectSaid, person, said } from '../support/conversation.js';
import { RecordingI18n } from '../support/i18n.js';

const shipped = (file: string): Questionnaire => {
  const parsed = parseQuestionnaire(readFileSync(path.join(seedDir, 'questionnaires', file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.questionnaire;
};

describe('the shipped questionnaires', () => {
  it('the default asks the national 3 levels, then timeliness, attitude, guidance and extra payment', () => {
    const q = shipped('mot-cua-2025.yaml');
    expect(q.key).toBe('mot-cua-2025');
    expect(q.questions.map((x) => x.id)).toEqual(['overall', 'timeliness', 'attitude', 'guidance', 'extra']);
    const overall = q.questions[0];
    expect(overall.answers.map((a) => [a.text.vi, a.national])).toEqual([
      ['Rất hài lòng', 'very_satisfied'],
      ['Hài lòng', 'satisfied'],
      ['Không hài lòng', 'unsatisfied'],
    ]);
    // Which answers alert the leadership is data: "Không hài lòng" and "yes, I was asked to pay extra".
    const alerting = q.questions.flatMap((x) => x.answers.filter((a) => a.alert).map((a) => `${x.id}:${a.value}`));
    expect(alerting).toEqual(['overall:unsatisfied', 'extra:yes']);
    expect(q.comment?.maxChars).toBe(1000);
  });

  it('the former 4-level form maps "Bình thường" to "Hài lòng"', () => {
    const q = shipped('mot-cua-4-muc-2024.yaml');
    expect(q.questions[0].answers.map((a) => [a.value, a.text.vi, a.national])).toEqual([
      ['4', 'Rất hài lòng', 'very_satisfied'],
      ['3', 'Hài lòng', 'satisfied'],
      ['2', 'Bình thường', 'satisfied'],
      ['1', 'Không hài lòng', 'unsatisfied'],
    ]);
  });

  it('scores a complete set of answers and lists the alerting ones; an incomplete set is not scored', () => {
    const q = shipped('mot-cua-2025.yaml');
    const answers = { overall: 'unsatisfied', timeliness: 'late_unnotified', attitude: 'ordinary', guidance: 'clear', extra: 'yes' };
    expect(scoreAnswers(q, answers)).toEqual({ level: 'unsatisfied', askedExtra: true });
    expect(alertingAnswers(q, answers).map((a) => a.question.id)).toEqual(['overall', 'extra']);
    expect(scoreAnswers(q, { ...answers, extra: 'maybe' })).toBeNull();
    expect(scoreAnswers(q, { overall: 'satisfied' })).toBeNull();
  });
});

describe('a bad questionnaire file', () => {
  const base = readFileSync(path.join(seedDir, 'questionnaires', 'mot-cua-2025.yaml'), 'utf8');

  it.each([
    ['two national questions', base.replace('  - id: timeliness\n', '  - id: timeliness\n    scale: national\n'), /exactly one question must be marked scale: national|needs a level on every answer/],
    ['an answer without its national level', base.replace('value: satisfied, national: satisfied,', 'value: satisfied,'), /questions\[0\]\.answers\[1\]\.national: the national-scale question needs a level/],
    ['a level on another question', base.replace('{ value: early,', '{ value: early, national: satisfied,'), /questions\[1\]\.answers\[0\]\.national: only the question marked scale: national/],
    ['a duplicate question id', base.replace('  - id: guidance', '  - id: attitude'), /questions\[3\]\.id: duplicate question id/],
    ['a missing English text', base.replace('en: Very satisfied', 'fr: Très satisfait'), /questions\[0\]\.answers\[0\]\.text.*(en|fr)/],
    ['an id that does not fit a button', base.replace('id: timeliness', 'id: Thời-hạn'), /questions\[1\]\.id: expected 1–16 characters/],
    ['an unknown field', base.replace('comment:\n', 'colour: red\ncomment:\n'), /colour: unknown field/],
    ['broken YAML', 'key: [', /^YAML:/],
  ])('%s is refused with the field named', (_name, text, message) => {
    const parsed = parseQuestionnaire(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.errors.join('\n')).toMatch(message);
  });
});

describe('importing and switching versions', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    app = await makeTestApp({ DEMO_DATA: 'true' });
    dir = mkdtempSync(path.join(tmpdir(), 'cqtt-questionnaire-'));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `npm run cli -- import questionnaire <file>`, against the test database. */
  async function runImport(text: string): Promise<{ code: number; out: string; err: string }> {
    const file = path.join(dir, `q-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await importCommand.run(['questionnaire', file], {
      stdin: new PassThrough(),
      stdout,
      stderr,
      config: app.config,
      openApp: () => createApp(app.config, { clock: app.clock, i18n: app.i18n }),
    });
    return { code, out, err };
  }

  const twoQuestions = `key: thu-nghiem-2027
title: { vi: Phiếu rút gọn, en: Short form }
questions:
  - id: overall
    scale: national
    label: { vi: Mức độ hài lòng, en: Satisfaction }
    text: { vi: Anh/chị có hài lòng không?, en: Are you satisfied? }
    answers:
      - { value: yes_very, national: very_satisfied, text: { vi: Rất hài lòng, en: Very } }
      - { value: yes, national: satisfied, text: { vi: Hài lòng, en: "Yes" } }
      - { value: "no", national: unsatisfied, alert: true, text: { vi: Không hài lòng, en: "No" } }
  - id: wait
    label: { vi: Thời gian chờ, en: Waiting }
    text: { vi: Anh/chị chờ bao lâu?, en: How long did you wait? }
    answers:
      - { value: short, text: { vi: Dưới 15 phút, en: Under 15 minutes } }
      - { value: long, text: { vi: Trên 15 phút, en: Over 15 minutes } }
`;

  it('saves a new version, accepts the same file again, refuses a changed one under the same key', async () => {
    const key = `thu-nghiem-${Math.random().toString(36).slice(2, 8)}`;
    const mine = twoQuestions.replace('thu-nghiem-2027', key);
    said(app).take();
    const first = await runImport(mine);
    expect(first).toMatchObject({ code: 0, err: '' });
    expectSaid(said(app).take(), 'rating-import-created', { key, count: 2 });
    expect((await runImport(mine)).code).toBe(0);
    expectSaid(said(app).take(), 'rating-import-unchanged', { key });
    const changed = await runImport(mine.replace('Dưới 15 phút', 'Dưới 10 phút'));
    expect(changed.code).toBe(1);
    expect(changed.err).toContain(`${key} is already saved with other content; a changed questionnaire needs a new key`);
    expect((await loadQuestionnaire(app.db, key))?.questions[1].answers[0].text.vi).toBe('Dưới 15 phút');
    const bad = await runImport(mine.replace('scale: national', ''));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('không có gì được ghi');
  });

  it('a service set to the new version asks its questions; ratings of both versions count on the national scale', async () => {
    await runImport(twoQuestions); // saved, or already saved by the test above
    const other = await createApp({ ...app.config, RATING_QUESTIONNAIRE: 'thu-nghiem-2027' }, { clock: app.clock, i18n: new RecordingI18n() });
    try {
      const commune = await other.db.commune.findFirstOrThrow({ where: { code: 'BG-TANTIEN' } });
      const procedure = await other.db.procedure.findFirstOrThrow();
      const { registerDossier } = await import('../../src/dossiers/register.js');
      const { changeDossierStatus } = await import('../../src/dossiers/status.js');
      /** Opens a returned dossier's link as `user` and presses "rate", then these answers (by payload). */
      const rate = async (a: typeof other, user: string, answers: string[]) => {
        const reg = await registerDossier(a, { communeId: commune.id, procedureId: procedure.id }, { qr: false });
        await changeDossierStatus(a, reg.dossier.id, 'returned');
        const dan = person(a, user);
        await dan.say(`/start ${reg.startPayload}`);
        const asked = [await dan.press('dso:rate')];
        for (const answer of answers) asked.push(await dan.press(answer));
        return { asked: asked.flat().map((r) => r.text).join('\n'), id: reg.dossier.id };
      };
      await manager(app, 'lanhdao-tt', { communeId: commune.id });
      said(other).take();
      const newer = await rate(other, 'dan-moi', ['rf:overall:no', 'rf:wait:long']);
      // The questions are the file's own words.
      expect(newer.asked).toContain('Anh/chị chờ bao lâu?');
      expect(newer.asked).not.toContain('Thái độ của cán bộ');
      expectSaid(said(other).take(), 'rating-thanks-concern', { extra: 'no' });
      const older = await rate(app, 'dan-cu', [
        'rf:overall:very_satisfied',
        'rf:timeliness:early',
        'rf:attitude:very_polite',
        'rf:guidance:very_clear',
        'rf:extra:no',
        'rf:skip',
      ]);
      expect(older.asked).toContain('Thái độ của cán bộ');

      const ratings = await other.db.rating.findMany({ where: { dossierId: { in: [newer.id, older.id] } }, orderBy: { id: 'asc' } });
      expect(ratings.map((r) => [r.questionnaire, r.level, JSON.parse(r.answers)])).toEqual([
        ['thu-nghiem-2027', 'unsatisfied', { overall: 'no', wait: 'long' }],
        ['mot-cua-2025', 'very_satisfied', { overall: 'very_satisfied', timeliness: 'early', attitude: 'very_polite', guidance: 'very_clear', extra: 'no' }],
      ]);
      // "no" on the new form alerts, as its file says.
      expect(await other.db.outboxMessage.count({ where: { dedupKey: { startsWith: `rating-alert:${newer.id}:` } } })).toBeGreaterThan(0);
      const all = await satisfactionFigures(other.db, [commune.id], vnInstant('2000-01-01'), vnInstant('2100-01-01'));
      expect(all.levels).toEqual({ very_satisfied: 1, satisfied: 0, unsatisfied: 1 });
    } finally {
      await other.close();
    }
  });

  it('a start with an unknown RATING_QUESTIONNAIRE stops with a clear message', async () => {
    const where = mkdtempSync(path.join(tmpdir(), 'cqtt-q-missing-'));
    try {
      await expect(createApp(testConfig({ DATABASE_URL: `file:${path.join(where, 'x.db')}`, RATING_QUESTIONNAIRE: 'khong-co' }))).rejects.toThrow(
        /RATING_QUESTIONNAIRE=khong-co: no questionnaire with that key; import it first/,
      );
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  });
});

describe('ratings given on the 4-level scale before the migration', () => {
  /** How Prisma stores a DateTime in SQLite. */
  const ISO = '2026-05-10T03:00:00.000+00:00';

  it('keep their answers, point to the former form and get their national level', async () => {
    const where = mkdtempSync(path.join(tmpdir(), 'cqtt-migrate-'));
    try {
      // The database as it was: only the first migration applied, ratings in the old columns.
      const before = path.join(where, 'migrations');
      const [first, ...later] = readdirSync(migrationsDir).filter((d) => /^\d+_/.test(d)).sort();
      expect(later.some((d) => d.endsWith('_rating_questionnaires'))).toBe(true);
      mkdirSync(path.join(before, first), { recursive: true });
      copyFileSync(path.join(migrationsDir, first, 'migration.sql'), path.join(before, first, 'migration.sql'));
      const file = path.join(where, 'old.db');
      const sqlite = new Database(file);
      applyMigrations(sqlite, before);
      sqlite.exec(`INSERT INTO Province (id, code, name) VALUES (1, 'BG', 'Bắc Giang');
        INSERT INTO Commune (id, code, name, provinceId) VALUES (1, 'BG-X', 'Xã X', 1);
        INSERT INTO Procedure (id, code, name, field, documents, fee, timeLimit, place, online, updatedAt) VALUES (1, 'P1', 'Thủ tục', 'Hộ tịch', '[]', '0', '1 ngày', 'desk', 'none', '${ISO}');`);
      const old = [
        [4, 'early', 4, 4, 0],
        [3, 'on_time', 3, 3, 0],
        [2, 'late_notified', 2, 2, 0],
        [1, 'late_unnotified', 1, 1, 1],
      ];
      old.forEach(([overall, timeliness, attitude, guidance, extra], i) => {
        const id = i + 1;
        sqlite
          .prepare(
            `INSERT INTO Dossier (id, code, communeId, procedureId, receivedAt, dueAt, status, returnedAt, outcome, ratingTokenHash, shortCodeHash, tokenExpiresAt, createdAt)
             VALUES (?, ?, 1, 1, ?, ?, 'returned', ?, 'on_time', ?, ?, ?, ?)`,
          )
          .run(id, `HS-${id}`, ISO, ISO, ISO, `t${id}`, `s${id}`, ISO, ISO);
        sqlite
          .prepare('INSERT INTO Rating (dossierId, accountId, overall, timeliness, attitude, guidance, askedExtra, comment, createdAt) VALUES (?, 1, ?, ?, ?, ?, ?, NULL, ?)')
          .run(id, overall, timeliness, attitude, guidance, extra, ISO);
      });
      sqlite.close();

      // The service starts on it: the remaining migrations run, the questionnaires are seeded.
      const app = await createApp(testConfig({ DATABASE_URL: `file:${file}` }));
      try {
        const rows = await app.db.rating.findMany({ orderBy: { dossierId: 'asc' } });
        expect(rows.map((r) => [r.questionnaire, r.level, r.askedExtra])).toEqual([
          ['mot-cua-4-muc-2024', 'very_satisfied', false],
          ['mot-cua-4-muc-2024', 'satisfied', false],
          ['mot-cua-4-muc-2024', 'satisfied', false],
          ['mot-cua-4-muc-2024', 'unsatisfied', true],
        ]);
        expect(JSON.parse(rows[3].answers)).toEqual({ overall: '1', timeliness: 'late_unnotified', attitude: '1', guidance: '1', extra: 'yes' });
        // The migration's table is the one the former form's file states.
        const form = (await loadQuestionnaire(app.db, 'mot-cua-4-muc-2024'))!;
        for (const r of rows) expect(scoreAnswers(form, JSON.parse(r.answers))).toEqual({ level: r.level, askedExtra: r.askedExtra });
      } finally {
        await app.close();
      }
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  });
});
