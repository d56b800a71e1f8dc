// Hostile input at every way in: the Telegram webhook (right secret), the Zalo webhook (signed so
// that the parser is reached, and unsigned), the desk API (right token) and the CLI importers.
// Seeded cases (mulberry32, fixed seeds) plus hand-written nasty ones: malformed JSON, wrong
// types, missing fields, bodies over the 256 KiB limit, 10,000 levels of nesting, control
// characters and NUL, decomposed Vietnamese, lone surrogates, bidi marks, emoji, prototype keys.
//
// What must hold: no 5xx ever; the expected 4xx for what is refused; for what is accepted
// (a well-formed update, however odd its text) a normal answer and nothing harmful stored; for
// what is refused nothing stored at all; the importers end with a non-zero code, a readable
// message and the database untouched; and at the end the service still answers /healthz.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { runCli } from '../../src/cli/run.js';
import { importCommand } from '../../src/cli/import.js';
import { loadSeedCatalogue } from '../../src/procedures/catalogue.js';
import { seedDir } from '../../src/shared/seed-files.js';
import { DOSSIER_CODE } from '../../src/dossiers/register.js';
import { BODY_LIMIT_BYTES } from '../../src/http/server.js';
import { zaloKeys } from '../support/zalo-app.js';
import { eventTimestamp, signature } from '../support/zalo-webhook.js';
import { clone, deepArray, deepObject, illFormed, poisoned, pool, PROTO_KEYS, Random, setOwn } from './random.js';
import { DESK_TOKEN, fingerprint, startStack, TELEGRAM_SECRET, type Stack } from './stack.js';
import { onPostgres } from '../support/database.js';

/** Tables whose change would mean an outside input reached the domain. */
const DOMAIN_TABLES = [
  'Province',
  'Commune',
  'Procedure',
  'Dossier',
  'Rating',
  'Complaint',
  'ComplaintEvent',
  'CriteriaSet',
  'Criterion',
  'CommuneSet',
  'Assignment',
  'ProgressReport',
  'Invite',
  'ManagerScope',
  'Holiday',
];
const RANDOM_CASES = 240;
const OVER_LIMIT = 'x'.repeat(BODY_LIMIT_BYTES + 1);

type Json = Record<string, any>;
type Path = readonly string[];

/** One of four edits at `at`: another JSON type, a random value, removal, or an extra (maybe prototype) key. */
function mutate(rng: Random, root: unknown, paths: readonly Path[]): unknown {
  const at = rng.pick(paths);
  const op = rng.pick(['type', 'value', 'delete', 'key'] as const);
  if (!at.length) {
    if (op !== 'key' || root === null || typeof root !== 'object') return rng.otherType(root);
  }
  let parent: any = root;
  for (const key of at.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return root;
    parent = parent[key];
  }
  if (parent === null || typeof parent !== 'object') return root;
  const last = at.at(-1);
  if (op === 'key' || last === undefined) {
    const target = last === undefined ? parent : parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      setOwn(target, rng.chance(0.4) ? rng.pick(PROTO_KEYS) : `x-${rng.string(1)}`, rng.value(2));
    }
  } else if (op === 'delete') delete parent[last];
  else setOwn(parent, last, op === 'type' ? rng.otherType(parent[last]) : rng.value(2));
  return root;
}

async function domain(s: Stack): Promise<Record<string, string>> {
  const all = await fingerprint(s.app);
  return Object.fromEntries(DOMAIN_TABLES.map((t) => [t, all[t]]));
}

/** Times a calendar holds but no dossier has: before 2000, far in the future, beyond ISO's years. */
const TIME_EXTREMES = [
  '0001-01-01T00:00:00Z',
  '01/01/0001 00:00',
  '1970-01-01T00:00:00Z',
  '1999-12-31T23:59:59+07:00',
  '9999-12-31T23:59:59Z',
  '31/12/9999 23:59',
  '+275760-09-13T00:00:00Z',
  '2026-11-03T08:30:00+07:00', // a day ahead of the clock
];
/** Due dates at the edges: long past, more than 2 years after receipt, the last day a calendar has. */
const DATE_EXTREMES = ['0001-01-01', '01/01/1900', '1999-12-31', '2028-11-03', '31/12/9999', '9999-12-31'];

describe('fuzzing every way in', () => {
  let s: Stack;
  let baseline: Record<string, string>;

  beforeAll(async () => {
    s = await startStack();
    baseline = await domain(s);
  });
  afterAll(() => s?.close());

  // ─── Telegram ──────────────────────────────────────────────────────────────

  describe('Telegram webhook (right secret)', () => {
    const date = 1_793_584_800;
    const from = (chat: number) => ({ id: chat, is_bot: false, first_name: 'Người thử', language_code: 'vi' });
    const message = (id: number, chat: number, text: string) => ({
      update_id: id,
      message: { message_id: id, date, chat: { id: chat, type: 'private', first_name: 'Người thử' }, from: from(chat), text },
    });
    const press = (id: number, chat: number, data: string) => ({
      update_id: id,
      callback_query: { id: `cb-${id}`, from: from(chat), chat_instance: String(chat), data, message: { message_id: 1, date, chat: { id: chat, type: 'private' }, text: '…' } },
    });
    const paths: Path[] = [
      [],
      ['update_id'],
      ['message'],
      ['message', 'chat'],
      ['message', 'chat', 'id'],
      ['message', 'chat', 'type'],
      ['message', 'from'],
      ['message', 'from', 'language_code'],
      ['message', 'text'],
      ['message', 'photo'],
      ['message', 'document'],
      ['message', 'location'],
      ['callback_query'],
      ['callback_query', 'data'],
      ['callback_query', 'from'],
      ['callback_query', 'message'],
      ['callback_query', 'message', 'chat'],
    ];
    const isUpdate = (v: any) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) && Number.isSafeInteger(v.update_id) && v.update_id >= 0;

    interface Case {
      label: string;
      body: string;
      status: number;
      contentType?: string;
      /** A private message or button press the bot must store, handle and answer. */
      answeredChat?: number;
      updateId: number;
    }

    function cases(): Case[] {
      let id = 5_000_000;
      let chat = 710_000;
      const well = (label: string, make: (id: number, chat: number) => object): Case => {
        const u = ++id;
        const c = ++chat;
        return { label, body: JSON.stringify(make(u, c)), status: 200, answeredChat: c, updateId: u };
      };
      const raw = (label: string, body: string, status: number, contentType?: string): Case => ({ label, body, status, contentType, updateId: -1 });
      const shaped = (label: string, make: (id: number, chat: number) => object, status: number): Case => {
        const u = ++id;
        return { label, body: JSON.stringify(make(u, ++chat)), status, updateId: u };
      };
      const written: Case[] = [
        raw('truncated JSON', '{"update_id":1,"message":{', 400),
        raw('trailing comma', '{"update_id":1,}', 400),
        raw('single quotes', "{'update_id':1}", 400),
        raw('two documents', '{"update_id":1}{"update_id":2}', 400),
        raw('NaN literal', '{"update_id":NaN}', 400),
        raw('empty body', '', 400),
        raw('NUL byte', '\u0000', 400),
        raw('null', 'null', 400),
        raw('array', '[]', 400),
        raw('string', '"update"', 400),
        raw('number', '42', 400),
        raw('empty object', '{}', 400),
        raw('update_id as string', '{"update_id":"77"}', 400),
        raw('update_id fraction', '{"update_id":1.5}', 400),
        raw('update_id negative', '{"update_id":-3}', 400),
        raw('update_id overflow', '{"update_id":1e309}', 400),
        raw('10,000 nested arrays', deepArray(10_000), 400),
        raw('10,000 nested objects', deepObject(10_000), 400),
        raw('over the body limit', JSON.stringify(message(1, 1, OVER_LIMIT)), 413),
        raw('__proto__ key', `{"__proto__":{"polluted":true},"update_id":${++id}}`, 400),
        raw('constructor.prototype key', `{"update_id":${++id},"message":{"constructor":{"prototype":{"polluted":true}}}}`, 400),
        raw('text/plain', JSON.stringify(message(++id, 1, 'hi')), 400, 'text/plain'),
        raw('unknown content type', JSON.stringify(message(++id, 1, 'hi')), 415, 'application/xml'),
        { label: '10,000 nested arrays as the message', body: `{"update_id":${++id},"message":${deepArray(10_000)}}`, status: 200, updateId: id },
        shaped('chat id as a string', (u, c) => ({ ...message(u, c, 'hi'), message: { ...message(u, c, 'hi').message, chat: { id: String(c), type: 'private' } } }), 200),
        shaped('message as an array', (u) => ({ update_id: u, message: [] }), 200),
        shaped('chat as a number', (u) => ({ update_id: u, message: { chat: 5 } }), 200),
        shaped('chat id null', (u) => ({ update_id: u, message: { chat: { id: null } } }), 200),
        shaped('callback chat as a number', (u, c) => ({ update_id: u, callback_query: { id: 'q', from: from(c), data: 'x', message: { chat: 7 } } }), 200),
        shaped('group chat', (u, c) => ({ update_id: u, message: { ...message(u, c, '/phananh').message, chat: { id: -c, type: 'group' } } }), 200),
        shaped('unknown update kind', (u) => ({ update_id: u, edited_channel_post: { chat: { id: 1 } } }), 200),
        well('text just under the limit', (u, c) => message(u, c, 'ă'.repeat(100_000))),
        well('text of control characters and NUL', (u, c) => message(u, c, '\u0000\u0001\u0007\u001b[2J\u007f')),
        shaped('lone surrogates in the text', (u, c) => message(u, c, '\ud800 thủ tục \udfff'), 400),
        shaped('lone surrogate in the name', (u, c) => ({ ...message(u, c, 'hi'), message: { ...message(u, c, 'hi').message, from: { ...from(c), first_name: '\udc00' } } }), 400),
        well('decomposed Vietnamese', (u, c) => message(u, c, 'la\u0300m gia\u0302\u0301y khai sinh')),
        well('bidi override and emoji', (u, c) => message(u, c, '\u202eđăng ký kết hôn 👨‍👩‍👧‍👦\u202c')),
        well('prototype words as text', (u, c) => message(u, c, '__proto__ constructor prototype')),
        well('command with garbage', (u, c) => message(u, c, '/dangky \u0000\u202e')),
        well('/start with a forged rating token', (u, c) => message(u, c, '/start r_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')),
        well('staff command from a citizen', (u, c) => message(u, c, '/xuly PA-2611-ABCDE')),
        well('button payload of 64 bytes', (u, c) => press(u, c, `cp:v:${'Z'.repeat(59)}`)),
        well('button payload of another role', (u, c) => press(u, c, 'cro:1:1:1')),
      ];
      const rng = new Random(0x7e1e);
      const random: Case[] = [];
      for (let i = 0; i < RANDOM_CASES; i++) {
        const u = ++id;
        const c = ++chat;
        const wellFormed = rng.chance(0.7);
        let update: unknown = rng.chance(0.7) ? message(u, c, rng.string(4, wellFormed)) : press(u, c, rng.string(2, wellFormed));
        const edits = rng.chance(0.35) ? 0 : rng.int(1, 3);
        for (let e = 0; e < edits; e++) update = mutate(rng, update, paths);
        let body = JSON.stringify(update);
        let status = poisoned(update) || !isUpdate(update) || illFormed(update) ? 400 : 200;
        if (rng.chance(0.08)) {
          body = body.slice(0, rng.int(0, body.length - 1));
          status = 400;
        }
        random.push({ label: `random #${i}`, body, status, updateId: u, ...(edits === 0 && status === 200 ? { answeredChat: c } : {}) });
      }
      return [...written, ...random];
    }

    it('answers every case as expected, never 5xx, and stores only what it answered', async () => {
      const all = cases();
      const answers = await pool(all, 4, (c) =>
        s.send('POST', '/telegram/webhook', c.body, {
          'content-type': c.contentType ?? 'application/json',
          'x-telegram-bot-api-secret-token': TELEGRAM_SECRET,
        }),
      );
      // The ledger writes outcomes in batches, a moment after the last answer went out.
      const unfinished = async () => {
        await s.settle();
        return s.app.db.inboundUpdate.count({ where: { channel: 'telegram', status: 'received' } });
      };
      await expect.poll(unfinished).toBe(0);

      const wrong = all.flatMap((c, i) => (answers[i].status === c.status ? [] : [`${c.label}: ${answers[i].status} (expected ${c.status}) ${answers[i].body.slice(0, 120)}`]));
      expect(wrong).toEqual([]);
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);

      const rows = await s.app.db.inboundUpdate.findMany({ where: { channel: 'telegram' } });
      const stored = new Map(rows.map((r) => [Number(r.updateId), r.status]));
      const refused = all.filter((c) => c.status !== 200 && c.updateId > 0).map((c) => c.updateId);
      expect(refused.filter((u) => stored.has(u))).toEqual([]);
      const accepted = new Set(all.filter((_c, i) => answers[i].status === 200).map((c) => c.updateId));
      expect([...stored.keys()].filter((u) => !accepted.has(u))).toEqual([]);
      expect(rows.filter((r) => r.status !== 'processed').map((r) => `${r.updateId}:${r.status}`)).toEqual([]);

      // Every well-formed message, however odd its text, was handled and answered.
      const answered = all.flatMap((c, i) => (c.answeredChat ? [{ c, a: answers[i] }] : []));
      expect(answered.length).toBeGreaterThan(30);
      const silent = answered.filter(({ c, a }) => {
        if (!stored.has(c.updateId)) return true;
        const inResponse = a.body.startsWith('{') && (JSON.parse(a.body) as Json).chat_id === c.answeredChat;
        return !inResponse && !s.telegram.callsOf('sendMessage').some((call) => call.params.chat_id === c.answeredChat);
      });
      expect(silent.map(({ c }) => c.label)).toEqual([]);

      expect(await domain(s)).toEqual(baseline);
      expect(await s.app.db.account.count({ where: { channel: 'telegram', role: { not: 'citizen' } } })).toBe(0);
      expect(({} as Json).polluted).toBeUndefined();
    });
  });

  // ─── Zalo ──────────────────────────────────────────────────────────────────

  describe('Zalo webhook (signed and unsigned)', () => {
    const event = (i: number, text: string): Json => ({
      app_id: zaloKeys.appId,
      user_id_by_app: `app-zf-${i}`,
      event_name: 'user_send_text',
      timestamp: eventTimestamp(),
      sender: { id: `zf-${i}` },
      recipient: { id: zaloKeys.oaId },
      message: { text, msg_id: `zf-m-${i}` },
    });
    const paths: Path[] = [
      [],
      ['event_name'],
      ['sender'],
      ['sender', 'id'],
      ['recipient'],
      ['message'],
      ['message', 'text'],
      ['message', 'msg_id'],
      ['message', 'attachments'],
      ['user_id_by_app'],
    ];
    /** What the signature check reads from the body (bots/zalo/signature.ts), in the shape it needs. */
    const verifiable = (e: Json) => {
      const id = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 64;
      const party = (p: unknown) => p === undefined || (p !== null && typeof p === 'object' && !Array.isArray(p) && id((p as Json).id));
      return id(e.app_id) && party(e.sender) && party(e.recipient) && (e.event_name === undefined || typeof e.event_name === 'string');
    };
    const badTimestamps: unknown[] = ['abc', '', '-1', '1'.repeat(21), -1, 1.5, null, {}, [], true];

    interface Case {
      label: string;
      body: string;
      header: string | null;
      status: number;
      /** Sender and msg_id of the event, to look for what was stored. */
      user: string;
      msgId: string;
      /** Well-formed text the bot must store, handle and answer. */
      answered?: boolean;
    }

    function cases(): Case[] {
      let n = 0;
      const signed = (e: Json, body = JSON.stringify(e)) => signature(zaloKeys, body, String(e.timestamp));
      type Options = { header?: string | null; body?: string; answered?: boolean; ids?: { user: string; msgId: string } };
      const make = (label: string, e: Json, status: number, opts: Options = {}): Case => {
        const body = opts.body ?? JSON.stringify(e);
        return {
          label,
          body,
          header: opts.header === undefined ? signed(e, body) : opts.header,
          status,
          user: opts.ids?.user ?? String(e.sender?.id ?? ''),
          msgId: opts.ids?.msgId ?? String(e.message?.msg_id ?? ''),
          answered: opts.answered,
        };
      };
      const next = (text = 'lam giay khai sinh') => event(++n, text);
      /** JSON.stringify cannot write 10,000 levels, so the deep part is spliced in as text. */
      const nested = (label: string, e: Json, key: string, deep: string) => {
        const body = JSON.stringify({ ...e, [key]: 0 }).replace(`"${key}":0`, `"${key}":${deep}`);
        return make(label, e, 200, { body, header: signed(e, body) });
      };
      const written: Case[] = [
        make('unsigned', next(), 401, { header: null }),
        make('zero mac', next(), 401, { header: `mac=${'0'.repeat(64)}` }),
        make('header that is not hex', next(), 401, { header: `mac=${'z'.repeat(64)}` }),
        make('header of another scheme', next(), 401, { header: 'sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709' }),
        make('signed with another key', next(), 401, { header: signature({ ...zaloKeys, secretKey: 'not-the-key' }, '{}', '1') }),
        (() => {
          const e = next();
          return make('changed after signing', e, 401, { header: signed(e), body: JSON.stringify(e).replace('khai sinh', 'kết hôn') });
        })(),
        make('malformed JSON', next(), 400, { body: '{"app_id":"1234567890","timestamp":"1",' }),
        make('null body', next(), 400, { body: 'null', header: signature(zaloKeys, 'null', 'undefined') }),
        make('array body', next(), 400, { body: '[]', header: signature(zaloKeys, '[]', 'undefined') }),
        make('app_id missing', (({ app_id, ...e }) => e)(next()), 401),
        make('app_id as a number', { ...next(), app_id: 1234567890 }, 401),
        make('timestamp as an object', { ...next(), timestamp: { t: 1 } }, 401),
        make('over the body limit', next(OVER_LIMIT), 413),
        nested('10,000 nested arrays in an ignored event', { ...next(), event_name: 'oa_send_text' }, 'extra', deepArray(10_000)),
        nested('10,000 nested objects as the message', next(), 'message', deepObject(10_000)),
        // The sender and recipient ids are part of what is signed: malformed, the body cannot be verified.
        make('sender id as a number', { ...next(), sender: { id: 42 } }, 401),
        make('sender missing', (({ sender, ...e }) => e)(next()), 200),
        make('msg_id as a number', { ...next(), message: { text: 'hi', msg_id: 7 } }, 200),
        make('message as an array', { ...next(), message: [] }, 200),
        make('text over 10,000 characters', next('x'.repeat(10_001)), 200),
        make('__proto__ key', (() => {
          const e = next();
          setOwn(e, '__proto__', { polluted: true, app_id: 'other' });
          return e;
        })(), 200, { answered: true }),
        make('constructor.prototype key', { ...next(), constructor: { prototype: { polluted: true } } }, 200, { answered: true }),
        make('lone surrogates in the text', next('\ud800 thủ tục \udfff'), 400),
        make('lone surrogate as the msg_id', { ...next(), message: { text: 'hi', msg_id: '\udc00' } }, 400),
        ...['\u0000\u0001\u0007\u001b[2J\u007f', 'la\u0300m gia\u0302\u0301y khai sinh', '\u202eđăng ký 👨‍👩‍👧‍👦\u202c', '#cp:v:PA-2611-ABCDE', '#cro:1:1:1', '/xong HS-0001'].map(
          (text, i) => make(`nasty text ${i + 1}`, next(text), 200, { answered: true }),
        ),
      ];
      const rng = new Random(0x2a10);
      const random: Case[] = [];
      for (let i = 0; i < RANDOM_CASES; i++) {
        const e = next(rng.string(4, rng.chance(0.7)));
        const kind = rng.float();
        if (kind < 0.15) random.push(make(`random unsigned #${i}`, e, 401, { header: null }));
        else if (kind < 0.25) {
          const body = JSON.stringify(e);
          const junk = Array.from({ length: rng.int(0, 70) }, () => rng.pick([...'0123456789abcdefxyz =-'])).join('');
          const header = rng.pick([`mac=${junk}`, junk, signed(e, `${body} `), signature({ ...zaloKeys, appId: 'x' }, body, e.timestamp)]);
          random.push(make(`random bad signature #${i}`, e, 401, { header }));
        } else if (kind < 0.35) {
          const broken = rng.pick(['timestamp', 'timestamp', 'no app_id', 'app_id'] as const);
          if (broken === 'timestamp') e.timestamp = rng.pick(badTimestamps);
          else if (broken === 'no app_id') delete e.app_id;
          else e.app_id = rng.chance(0.5) ? rng.otherType(e.app_id) : rng.pick(['', 'x'.repeat(65)]);
          random.push(make(`random broken signed field #${i}`, e, 401));
        } else {
          const ids = { user: e.sender.id as string, msgId: e.message.msg_id as string };
          const edits = rng.chance(0.3) ? 0 : rng.int(1, 3);
          let mutated: unknown = e;
          for (let k = 0; k < edits; k++) mutated = mutate(rng, mutated, paths);
          // Replacing the whole body drops the signed fields: that is a signature failure, unless
          // the new body is no JSON object at all, which is refused as malformed first.
          const intact = mutated === e;
          const body = JSON.stringify(mutated);
          const isObject = typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated);
          const status = !isObject ? 400 : !intact || !verifiable(e) ? 401 : illFormed(mutated) ? 400 : 200;
          random.push(make(`random signed #${i}`, e, status, { body, header: signed(e, body), answered: edits === 0 && status === 200, ids }));
        }
      }
      return [...written, ...random];
    }

    it('answers every case as expected, never 5xx, and stores only signed, well-formed events', async () => {
      const all = cases();
      const answers = await pool(all, 4, (c) => s.zaloPost(c.body, c.header));
      await s.settle();

      const wrong = all.flatMap((c, i) => (answers[i].status === c.status ? [] : [`${c.label}: ${answers[i].status} (expected ${c.status})`]));
      expect(wrong).toEqual([]);

      const rows = await s.app.db.inboundUpdate.findMany({ where: { channel: 'zalo' } });
      const stored = new Map(rows.map((r) => [r.updateId, r.status]));
      const refused = all.filter((c) => c.status !== 200);
      expect(refused.filter((c) => stored.has(c.msgId)).map((c) => c.label)).toEqual([]);
      const refusedUsers = refused.map((c) => c.user).filter(Boolean);
      expect(await s.app.db.account.count({ where: { channel: 'zalo', externalId: { in: refusedUsers } } })).toBe(0);
      expect(rows.filter((r) => r.status !== 'processed').map((r) => `${r.updateId}:${r.status}`)).toEqual([]);

      const answered = all.filter((c) => c.answered);
      expect(answered.length).toBeGreaterThan(30);
      const silent = answered.filter((c) => !stored.has(c.msgId) || s.zalo.delivered(c.user).length === 0);
      expect(silent.map((c) => c.label)).toEqual([]);

      expect(await domain(s)).toEqual(baseline);
      expect(await s.app.db.account.count({ where: { channel: 'zalo', role: { not: 'citizen' } } })).toBe(0);
      expect(({} as Json).polluted).toBeUndefined();
    });
  });

  // ─── Desk API ──────────────────────────────────────────────────────────────

  describe('desk API (right token)', () => {
    const auth = { authorization: `Bearer ${DESK_TOKEN}` };
    const valid = (i: number): Json => ({
      code: `FZ-${i}`,
      commune: 'BG-TANTIEN',
      procedure: '1.004884',
      receivedAt: '2026-11-02T08:30:00+07:00',
      citizenName: 'Nguyễn Văn Thử',
    });
    const badTimes = ['hôm qua', '31/02/2026', '2026-02-30T08:00:00+07:00', '02/11/2026 24:00', '02/11/2026 08:61', '\ud800', '1e309', 'NaN', '2026-11-02T08:30:00', ...TIME_EXTREMES];
    const badDates = ['31/02/2026', '2026-13-01', '01/01/2020', '\u0000', '07/11/2026' /* Saturday */, 'mai', ...DATE_EXTREMES];

    /** Each edit makes the body invalid whatever else it holds. */
    function breakBody(rng: Random, body: Json, communes: string[], procedures: string[]): unknown {
      const field = rng.pick(['code', 'commune', 'procedure', 'receivedAt', 'dueDate', 'citizenName', 'extra', 'root'] as const);
      const nonNull = () => {
        const v = rng.otherType('');
        return v === null ? 0 : v;
      };
      switch (field) {
        case 'code': {
          if (rng.chance(0.3)) delete body.code;
          else if (rng.chance(0.4)) body.code = nonNull();
          else {
            let code = rng.string(2);
            while (DOSSIER_CODE.test(code.trim())) code += '\u0000';
            body.code = code;
          }
          return body;
        }
        case 'commune':
        case 'procedure': {
          const known = field === 'commune' ? communes : procedures;
          if (rng.chance(0.3)) delete body[field];
          else if (rng.chance(0.4)) body[field] = nonNull();
          else {
            let text = rng.string(2);
            while (known.includes(text.trim())) text += 'x';
            body[field] = text;
          }
          return body;
        }
        case 'receivedAt':
          body.receivedAt = rng.chance(0.4) ? nonNull() : rng.pick(badTimes);
          return body;
        case 'dueDate':
          body.dueDate = rng.chance(0.4) ? nonNull() : rng.pick(badDates);
          return body;
        case 'citizenName':
          body.citizenName = rng.chance(0.5) ? nonNull() : 'ă'.repeat(101);
          return body;
        case 'extra':
          setOwn(body, rng.chance(0.3) ? rng.pick(PROTO_KEYS) : `x-${rng.string(1)}`, rng.value(2));
          return body;
        case 'root':
          return rng.otherType(body);
      }
    }

    it('refuses every broken registration with 4xx and registers nothing', async () => {
      const communes = (await s.app.db.commune.findMany()).map((c) => c.code);
      const procedures = (await s.app.db.procedure.findMany()).map((p) => p.code);
      const before = await fingerprint(s.app);
      const json = { ...auth, 'content-type': 'application/json' };
      const written: { label: string; body: string; status: number; headers?: Record<string, string>; field?: string }[] = [
        { label: 'truncated JSON', body: '{"code":"FZ-1",', status: 400 },
        { label: 'single quotes', body: "{'code':'FZ-1'}", status: 400 },
        { label: 'empty body', body: '', status: 400 },
        { label: 'NUL byte', body: '\u0000', status: 400 },
        { label: 'null', body: 'null', status: 400 },
        { label: 'array', body: '[]', status: 400 },
        { label: 'array of bodies', body: JSON.stringify([valid(1)]), status: 400 },
        { label: 'string', body: '"FZ-1"', status: 400 },
        { label: 'number', body: '1', status: 400 },
        { label: 'empty object', body: '{}', status: 400 },
        { label: '10,000 nested arrays', body: deepArray(10_000), status: 400 },
        { label: '10,000 nested objects', body: deepObject(10_000), status: 400 },
        { label: 'over the body limit', body: JSON.stringify({ ...valid(2), citizenName: OVER_LIMIT }), status: 413 },
        { label: '__proto__ key', body: JSON.stringify(valid(3)).replace('{', '{"__proto__":{"polluted":true},'), status: 400 },
        { label: 'constructor.prototype', body: JSON.stringify({ ...valid(4), constructor: { prototype: { polluted: true } } }), status: 400 },
        { label: 'text/plain', body: JSON.stringify(valid(5)), status: 400, headers: { ...auth, 'content-type': 'text/plain' } },
        { label: 'unknown content type', body: JSON.stringify(valid(5)), status: 415, headers: { ...auth, 'content-type': 'application/xml' } },
        { label: 'code with NUL', body: JSON.stringify({ ...valid(6), code: 'FZ-\u00006' }), status: 400 },
        { label: 'code with bidi mark', body: JSON.stringify({ ...valid(7), code: 'FZ-\u202e7' }), status: 400 },
        { label: 'code with a lone surrogate', body: JSON.stringify({ ...valid(8), code: 'FZ-\ud8008' }), status: 400 },
        { label: 'code of 41 characters', body: JSON.stringify({ ...valid(9), code: `F${'Z'.repeat(40)}` }), status: 400 },
        { label: 'commune in NFD', body: JSON.stringify({ ...valid(10), commune: 'BG-TA\u0300NTIEN' }), status: 400 },
        { label: 'commune with NUL', body: JSON.stringify({ ...valid(11), commune: 'BG-TANTIEN\u0000' }), status: 400 },
        { label: 'procedure as a number', body: JSON.stringify({ ...valid(12), procedure: 1.004884 }), status: 400 },
        { label: 'code as a number', body: JSON.stringify({ ...valid(13), code: 13 }), status: 400 },
        { label: 'receivedAt as epoch number', body: JSON.stringify({ ...valid(14), receivedAt: 1_793_584_800 }), status: 400 },
        { label: 'receivedAt in the future', body: JSON.stringify({ ...valid(15), receivedAt: '2027-01-01T08:00:00+07:00' }), status: 400 },
        { label: 'dueDate in the past', body: JSON.stringify({ ...valid(16), dueDate: '01/01/2020' }), status: 400 },
        { label: 'citizenName as an object', body: JSON.stringify({ ...valid(17), citizenName: { first: 'A' } }), status: 400 },
        { label: 'fields as an array', body: JSON.stringify({ ...valid(18), commune: ['BG-TANTIEN'] }), status: 400 },
        // Dates at the edges of what a calendar holds, on every date field: 400 naming the field.
        ...TIME_EXTREMES.map((receivedAt, i) => ({ label: `receivedAt ${receivedAt}`, body: JSON.stringify({ ...valid(19 + i), receivedAt }), status: 400, field: 'receivedAt' })),
        ...DATE_EXTREMES.map((dueDate, i) => ({ label: `dueDate ${dueDate}`, body: JSON.stringify({ ...valid(40 + i), dueDate }), status: 400, field: 'dueDate' })),
      ];
      const rng = new Random(0xd35c);
      const random = Array.from({ length: RANDOM_CASES }, (_, i) => {
        let body: unknown = valid(1000 + i);
        if (rng.chance(0.5)) (body as Json).dueDate = '30/11/2026';
        for (let e = rng.int(1, 3); e > 0 && body !== null && typeof body === 'object' && !Array.isArray(body); e--) {
          body = breakBody(rng, body as Json, communes, procedures);
        }
        return { label: `random #${i}`, body: JSON.stringify(body), status: 400 };
      });
      const all: typeof written = [...written, ...random];
      const answers = await pool(all, 4, (c) => s.send('POST', '/api/dossiers', c.body, c.headers ?? json));
      const wrong = all.flatMap((c, i) => (answers[i].status === c.status ? [] : [`${c.label}: ${answers[i].status} (expected ${c.status}) ${answers[i].body.slice(0, 160)}`]));
      expect(wrong).toEqual([]);
      // A refusal names what is wrong.
      for (const [i, c] of all.entries()) if (c.status === 400) expect((JSON.parse(answers[i].body) as Json).error, c.label).toBeTruthy();
      for (const [i, c] of all.entries()) if (c.field) expect(Object.keys((JSON.parse(answers[i].body) as Json).fields), c.label).toEqual([c.field]);

      // The status route: odd codes in the path, odd bodies; nothing exists to change.
      const statusCases = Array.from({ length: 60 }, () => {
        const code = [...Buffer.from(rng.string(2), 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('') || '%20';
        const body = JSON.stringify(rng.chance(0.5) ? { status: rng.pick(['done', 'returned']) } : rng.value(2));
        return { code, body };
      });
      statusCases.push({ code: '%ZZ', body: '{"status":"done"}' }, { code: 'FZ-1', body: '{"status":"done","at":"\\ud800"}' });
      const statusAnswers = await pool(statusCases, 4, (c) => s.send('POST', `/api/dossiers/${c.code}/status`, c.body, json));
      expect(statusAnswers.filter((a) => a.status !== 400 && a.status !== 404).map((a) => `${a.status} ${a.body}`)).toEqual([]);

      expect(await fingerprint(s.app)).toEqual(before);

      // The same path does register a valid body (so the refusals above were not for nothing).
      const control = await s.send('POST', '/api/dossiers', JSON.stringify(valid(0)), json);
      expect(control.status).toBe(201);
      expect(await s.app.db.dossier.count()).toBe(1);

      // The status route's own date, at the same edges, on a dossier that exists: 400 naming it.
      const registered = await fingerprint(s.app);
      const atExtremes = [...TIME_EXTREMES.filter((t) => t.includes('T')), '2026-11-02T08:29:59+07:00' /* before receipt */];
      for (const at of atExtremes) {
        const res = await s.send('POST', '/api/dossiers/FZ-0/status', JSON.stringify({ status: 'returned', at }), json);
        expect(res.status, at).toBe(400);
        expect(Object.keys((JSON.parse(res.body) as Json).fields), at).toEqual(['at']);
      }
      expect(await fingerprint(s.app)).toEqual(registered);
    });
  });

  // ─── CLI importers ─────────────────────────────────────────────────────────

  describe('CLI importers', () => {
    let n = 0;
    const file = (ext: string, text: string) => {
      const name = path.join(s.app.dir, `import-${++n}.${ext}`);
      writeFileSync(name, text);
      return name;
    };
    const streams = () => {
      const out = { stdout: '', stderr: '' };
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
      stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
      return { out, io: { stdin: new PassThrough(), stdout, stderr } };
    };
    /** The real command line: config from the environment, its own app on the same file. */
    async function cli(kind: string, name: string) {
      const { out, io } = streams();
      const code = await runCli(['import', kind, name], io);
      return { code, ...out };
    }
    /** The same command on the suite's app, for the many seeded cases (no start-up per case). */
    async function command(kind: string, name: string) {
      const { out, io } = streams();
      const code = await importCommand.run([kind, name], { ...io, config: s.app.config, openApp: async () => ({ ...s.app, close: async () => {} }) });
      return { code, ...out };
    }

    // Valid rows to break, read once (the seed catalogue is large).
    const firstProcedure = loadSeedCatalogue()[0];
    const setFile = parseYaml(readFileSync(`${seedDir}criteria/bac-giang-710-2024.yaml`, 'utf8')) as Json;
    const seedProcedure = () => ({ ...clone(firstProcedure), code: 'FZ-P' });
    const seedSet = () => clone(setFile);
    const csv = (rows: unknown[][]) => rows.map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')).join('\n');

    const savedEnv: Record<string, string | undefined> = {};
    beforeAll(async () => {
      for (const [k, v] of Object.entries({ DATABASE_URL: s.app.config.DATABASE_URL, LOG_LEVEL: 'silent', DEMO_DATA: 'true' })) {
        savedEnv[k] = process.env[k];
        process.env[k] = v;
      }
      // An official who may own criteria, for the assignment rows that are valid.
      await s.app.db.account.create({ data: { channel: 'console', externalId: 'fz-official', role: 'official', communeId: (await s.app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } })).id } });
      // The first start of the CLI's own app fills in whatever it seeds; the cases come after.
      await cli('procedures', file('json', '[]'));
    });
    afterAll(() => {
      for (const [k, v] of Object.entries(savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    const aliasBomb = (list: boolean) =>
      ['a', 'b', 'c', 'd', 'e', 'f']
        .map((name, i) => {
          const items = i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${'abcdef'[i - 1]}`);
          return `${list ? '- ' : `${name}: `}&${name} [${items.join(',')}]`;
        })
        .join('\n');

    it('refuses every hostile file with a non-zero code and a clear message, writing nothing', async () => {
      const dbPath = s.app.dbPath;
      expect(dbPath).toBeTruthy();
      const before = await fingerprint(s.app);
      const procedure = seedProcedure();
      const written: [string, string, string][] = [
        ['procedures', 'json', '{'],
        ['procedures', 'json', ''],
        ['procedures', 'json', '\u0000\u0000'],
        ['procedures', 'json', deepArray(10_000)],
        ['procedures', 'json', deepObject(10_000)],
        ['procedures', 'json', JSON.stringify([procedure]).replace('{', '{"__proto__":{"polluted":true},')],
        ['procedures', 'json', JSON.stringify([{ ...procedure, constructor: { prototype: { polluted: true } } }])],
        ['procedures', 'json', JSON.stringify([{ ...procedure, code: 'FZ-\ud800' }])],
        ['procedures', 'json', JSON.stringify([{ ...procedure, name: 'Đăng ký \ud800' }])],
        ['procedures', 'yaml', stringifyYaml([{ ...procedure, aliases: ['khai sinh \udfff'] }])],
        ['procedures', 'json', JSON.stringify([{ ...procedure, name: 'Tha\u0300nh pho\u0302\u0301', timeLimitDays: '5' }])],
        ['procedures', 'json', JSON.stringify([{ ...procedure, documents: 'CCCD' }])],
        ['procedures', 'json', JSON.stringify({ ...procedure })],
        ['procedures', 'json', JSON.stringify([procedure, { ...procedure, code: 'fz-p' }])],
        ['procedures', 'json', JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ ...procedure, code: `FZ-${i}`, fee: null })))],
        ['procedures', 'yaml', aliasBomb(true)],
        ['procedures', 'yaml', deepArray(10_000)],
        ['procedures', 'yaml', `- !!js/function "function () { return 1 }"\n`],
        ['procedures', 'yaml', `- code: "a\u0000b"\n  __proto__: { polluted: true }\n`],
        ['procedures', 'yaml', '- a\n---\n- b\n'],
        ['criteria', 'yaml', aliasBomb(false)],
        ['criteria', 'yaml', deepArray(10_000)],
        ['criteria', 'yaml', stringifyYaml({ ...seedSet(), key: 'fz-set', year: '2026' })],
        ['criteria', 'yaml', stringifyYaml({ ...seedSet(), key: 'fz-set', criteria: {} })],
        ['criteria', 'yaml', JSON.stringify({ ...seedSet(), key: 'fz-set', __proto__x: 1 }).replace('__proto__x', '__proto__')],
        ['criteria', 'yaml', '\u202e\ud800\u0000'],
        ['criteria', 'yaml', JSON.stringify({ ...seedSet(), key: 'fz-set', decision: '710/QĐ-UBND \ud800' })],
        ['assignments', 'csv', '\u0000\u0000\u0000'],
        ['assignments', 'csv', 'commune,criterion,official\n"BG-TANTIEN,TC1,console:fz-official\n'],
        ['assignments', 'csv', `__proto__,commune,criterion,official\n1,BG-TANTIEN,TC1,console:fz-official\n`],
        ['assignments', 'csv', 'commune,criterion,official\nBG-TANTIEN,TC1,console:fz-official\nBG-TA\u0300NTIEN,TC2,console:fz-official\n'],
        ['assignments', 'csv', deepArray(10_000)],
        ['dossiers', 'csv', 'code,commune,procedure\n"unterminated,BG-TANTIEN,1.004884\n'],
        ['dossiers', 'csv', 'code,commune,procedure,constructor\nFZ-C1,BG-TANTIEN,1.004884,x\n'],
        ['dossiers', 'csv', 'code,commune,procedure\nFZ-C2,BG-TANTIEN,1.004884\nFZ-\u0000,BG-TANTIEN,1.004884\n'],
        ['dossiers', 'csv', `code,commune,procedure\n${Array.from({ length: 5001 }, (_, i) => `FZ-${i},BG-TANTIEN,1.004884`).join('\n')}\n`],
        ['dossiers', 'csv', '\ufeff\ufeffcode,commune,procedure\n'],
        // Date extremes on both date columns.
        ...TIME_EXTREMES.map((t): [string, string, string] => ['dossiers', 'csv', `code,commune,procedure,receivedAt\nFZ-T1,BG-TANTIEN,1.004884,${t}\n`]),
        ...DATE_EXTREMES.map((d): [string, string, string] => ['dossiers', 'csv', `code,commune,procedure,receivedAt,dueDate\nFZ-T2,BG-TANTIEN,1.004884,02/11/2026 08:30,${d}\n`]),
      ];
      // A few through the whole command line (config, start-up, exit code), the rest on the suite's app.
      const throughCli = new Set(['procedures json', 'procedures yaml', 'criteria yaml', 'assignments csv', 'dossiers csv']);
      const failures: string[] = [];
      for (const [kind, ext, text] of written) {
        const whole = throughCli.delete(`${kind} ${ext}`);
        const r = await (whole ? cli : command)(kind, file(ext, text));
        // The date extremes are refused naming their column.
        const field = text.includes('FZ-T1') ? 'receivedAt' : text.includes('FZ-T2') ? 'dueDate' : null;
        if (r.code !== 1 || !/không có gì được ghi:\n {2}\S/.test(r.stderr) || r.stdout || (field && !r.stderr.includes(`${field}:`))) {
          failures.push(`${kind} ${JSON.stringify(text.slice(0, 60))}: code ${r.code}, ${JSON.stringify(r.stderr.slice(0, 200))}`);
        }
      }
      expect(failures).toEqual([]);
      expect(throughCli.size).toBe(0);

      // A kind that does not exist, and a file that cannot be read.
      const unknownKind = await cli('hackers', file('json', '[]'));
      expect(unknownKind.code).toBe(2);
      expect(unknownKind.stderr).toContain('import needs a kind');
      const missing = await cli('procedures', path.join(s.app.dir, 'no-such-file.json'));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('Không đọc được tệp');

      expect(await fingerprint(s.app)).toEqual(before);
    });

    it('refuses seeded broken files of every kind, even when most rows are valid', async () => {
      const before = await fingerprint(s.app);
      const rng = new Random(0xc11);
      const procedureFields = ['code', 'name', 'field', 'documents', 'fee', 'feeByProvince', 'timeLimit', 'timeLimitDays', 'place', 'online', 'onlineUrl', 'verify', 'aliases'];
      const brokenProcedure = (i: number): unknown => {
        const row: Json = { ...seedProcedure(), code: `FZ-R${i}` };
        const field = rng.pick([...procedureFields, 'extra', 'row']);
        if (field === 'row') return rng.otherType(row);
        if (field === 'extra') setOwn(row, rng.chance(0.3) ? rng.pick(PROTO_KEYS) : `x-${rng.string(1)}`, rng.value(1));
        else if (field === 'verify') row.verify = rng.pick(['yes', 1, null, []]);
        else if (field === 'onlineUrl') row.onlineUrl = rng.pick(['javascript:alert(1)', 'ftp://x.vn', rng.string(1), 1]);
        else if (['code', 'name', 'documents', 'fee', 'timeLimit', 'place', 'online', 'field', 'feeByProvince', 'timeLimitDays'].includes(field) && rng.chance(0.3)) delete row[field];
        else row[field] = field === 'timeLimitDays' ? rng.pick([-1, 366, 1.5, '5']) : field === 'field' || field === 'place' ? `${rng.string(1)}?` : rng.otherType(row[field] ?? '');
        return row;
      };
      const setFields = ['key', 'decision', 'province', 'year', 'maxPoints', 'levels', 'criteria', 'floorPercent'];
      const brokenSet = (): unknown => {
        const set: Json = { ...seedSet(), key: `fz-set-${rng.int(0, 1e6)}` };
        const field = rng.pick([...setFields, 'criterion', 'extra']);
        if (field === 'extra') setOwn(set, rng.chance(0.3) ? rng.pick(PROTO_KEYS) : `x-${rng.string(1)}`, rng.value(1));
        else if (field === 'criterion') {
          const c = rng.pick(set.criteria as Json[]);
          const key = rng.pick(['code', 'title', 'maxPoints', 'evidence', 'bonus', 'extra']);
          if (key === 'extra') setOwn(c, `x-${rng.string(1)}`, 1);
          else if (key === 'bonus') c.bonus = rng.pick(['yes', 1, null, []]);
          else c[key] = key === 'maxPoints' ? rng.pick([0, -1, 1001, '20']) : key === 'code' ? `${rng.string(1)}!` : rng.otherType(c[key]);
        } else if (field === 'year') set.year = rng.pick([1999, 2101, 2026.5, '2026']);
        else if (field === 'maxPoints') set.maxPoints = rng.pick([99, 0, -100, '100']);
        else if (field === 'key') set.key = rng.chance(0.5) ? `${rng.string(1)}!` : rng.otherType('');
        else if (rng.chance(0.3) && field !== 'floorPercent') delete set[field];
        else set[field] = field === 'floorPercent' ? rng.pick([-1, 101, '50']) : rng.otherType(set[field]);
        return set;
      };
      const validAssignment = (withYear: boolean) => () => ['BG-TANTIEN', rng.pick(['TC1', 'TC2', 'TC3', 'TC4', 'TC5']), 'console:fz-official', ...(withYear ? ['2026'] : [])];
      const brokenAssignment = (withYear: boolean) => () => {
        const row = validAssignment(withYear)();
        const i = rng.int(0, withYear ? 3 : 2);
        row[i] = [`${rng.string(1)}?`, `${rng.string(1)}?`, rng.pick(['console:nobody-here', 'fz-official', `telegram:${rng.string(1)}`, '']), rng.pick(['1999x', 'năm', '20266'])][i];
        return row;
      };
      let dossier = 0;
      const validDossier = () => [`FZ-D${++dossier}`, 'BG-TANTIEN', '1.004884', '02/11/2026 08:30', 'Trần Thị Thử', ''];
      const brokenDossier = () => {
        const row = validDossier();
        const i = rng.int(0, 5);
        row[i] = [`${rng.string(1)}\u0000`, `${rng.string(1)}?`, `${rng.string(1)}?`, rng.pick(['31/02/2026', 'hôm qua', '\ud800', ...TIME_EXTREMES]), 'ă'.repeat(101), rng.pick(['01/01/2020', '07/11/2026', 'mai', ...DATE_EXTREMES])][i];
        return row;
      };
      /** A few valid rows around one or more broken ones: all or nothing. */
      const mix = (valid: () => unknown[], broken: () => unknown[]) => {
        const rows = Array.from({ length: rng.int(0, 4) }, valid);
        for (let b = rng.int(1, 2); b > 0; b--) rows.splice(rng.int(0, rows.length), 0, broken());
        return rows;
      };

      const cases: [string, string, string][] = [];
      for (let i = 0; i < RANDOM_CASES / 4; i++) {
        const rows = Array.from({ length: rng.int(0, 3) }, (_, k) => ({ ...seedProcedure(), code: `FZ-V${i}-${k}` }));
        rows.splice(rng.int(0, rows.length), 0, brokenProcedure(i) as never);
        const json = rng.chance(0.5);
        cases.push(['procedures', json ? 'json' : 'yaml', json ? JSON.stringify(rows) : stringifyYaml(rows)]);
        const set = brokenSet();
        cases.push(['criteria', 'yaml', rng.chance(0.5) ? stringifyYaml(set) : JSON.stringify(set)]);
        const withYear = rng.chance(0.3);
        cases.push(['assignments', 'csv', csv([['commune', 'criterion', 'official', ...(withYear ? ['year'] : [])], ...mix(validAssignment(withYear), brokenAssignment(withYear))])]);
        cases.push(['dossiers', 'csv', csv([['code', 'commune', 'procedure', 'receivedAt', 'citizenName', 'dueDate'], ...mix(validDossier, brokenDossier)])]);
      }
      const failures: string[] = [];
      for (const [kind, ext, text] of cases) {
        const r = await command(kind, file(ext, text));
        if (r.code !== 1 || !/không có gì được ghi:\n {2}\S/.test(r.stderr) || r.stdout) {
          failures.push(`${kind} ${JSON.stringify(text.slice(0, 300))}: code ${r.code}, ${JSON.stringify((r.stderr || r.stdout).slice(0, 200))}`);
        }
      }
      expect(failures).toEqual([]);
      expect(cases.length).toBe(RANDOM_CASES);
      expect(await fingerprint(s.app)).toEqual(before);

      // The same importers accept a valid file (so the refusals above were not for nothing).
      const ok = await command('dossiers', file('csv', csv([['code', 'commune', 'procedure', 'receivedAt'], ['FZ-OK-1', 'BG-TANTIEN', '1.004884', '02/11/2026 08:30']])));
      expect(ok.code, ok.stderr).toBe(0);
      expect(await s.app.db.dossier.count({ where: { code: 'FZ-OK-1' } })).toBe(1);
      const assigned = await command('assignments', file('csv', csv([['commune', 'criterion', 'official'], ['BG-TANTIEN', 'TC1', 'console:fz-official']])));
      expect(assigned.code, assigned.stderr).toBe(0);
    });
  });

  // ─── Afterwards ────────────────────────────────────────────────────────────

  it('is still up, and nothing was logged as an error', async () => {
    const health = await s.send('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true, db: 'up', provider: onPostgres ? 'postgresql' : 'sqlite' });
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(s.errorLogs()).toEqual([]);
  });
});
