// The conversation core alone, with stub modules and the hot path in memory: which handler an
// input reaches (command > button > dialogue > free text > fallback > help), role checks,
// deep links, refusals and failures. Replies render as message ids (IdI18n).
import { beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../src/conversation/core.js';
import { Refusal } from '../../src/conversation/refusal.js';
import type { ConversationModule, Inbound, Reply } from '../../src/conversation/types.js';
import { testConfig } from '../../src/config/index.js';
import { FakeClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/log.js';
import { Listeners } from '../../src/shared/listeners.js';
import { SharedLimiter } from '../../src/shared/rate-limit.js';
import type { Services } from '../../src/services.js';
import { MemoryHotPath } from '../support/memory-hot-path.js';
import { IdI18n } from '../support/i18n.js';

/** A service the core must not touch in these cases: using it fails the test. */
function untouchable<T>(name: string): T {
  return new Proxy({}, { get: (_t, key) => (key === 'then' ? undefined : fail(`the core used ${name}.${String(key)}`)) }) as T;
}
function fail(message: string): never {
  throw new Error(message);
}

let calls: string[];
let hot: MemoryHotPath;
let logged: string[];
let conversation: Conversation;

const say = (text: string, payload?: string): Inbound => ({ channel: 'console', userId: 'u1', text, payload });
const press = (payload: string): Inbound => ({ channel: 'console', userId: 'u1', payload });
const texts = (replies: Reply[]) => replies.map((r) => r.text);
const answer = (text: string): Reply[] => [{ text }];

/** Two modules that record which handler ran. */
function modules(): ConversationModule[] {
  return [
    {
      name: 'first',
      commands: [
        { name: 'lamgi', roles: ['citizen'], summary: 'cmd-help', run: async (_ctx, args) => (calls.push(`command:${args}`), answer('did-command')) },
        { name: 'canbo', roles: ['official'], summary: 'cmd-help', run: async () => answer('never') },
        {
          name: 'batdau',
          roles: ['citizen'],
          summary: 'cmd-help',
          run: async (ctx) => {
            await ctx.setDialogue('hoi', 'one');
            return answer('asked');
          },
        },
        {
          name: 'tuchoi',
          roles: ['citizen'],
          summary: 'cmd-help',
          run: async (ctx) => {
            await ctx.setDialogue('hoi', 'one');
            throw new Refusal('complaints-limit-reached', { limit: 5 });
          },
        },
        { name: 'hong', roles: ['citizen'], summary: 'cmd-help', run: async () => fail('broken') },
      ],
      flows: [
        {
          name: 'hoi',
          onInput: async (_ctx, state, input) => {
            calls.push(`flow:${state.step}:${input.text ?? input.payload}`);
            if (input.text === 'khác') return null;
            if (input.text === 'cấm') throw new Refusal('complaints-no-question', { code: 'PA-1' });
            return answer('flow-answered');
          },
        },
      ],
      buttons: [
        { prefix: 'nut', run: async (_ctx, rest) => (calls.push(`button:${rest}`), answer('pressed')) },
        { prefix: 'cam', run: async () => fail('refused buttons never run'), roles: ['manager'] },
        { prefix: 'xx', run: async () => { throw new Refusal('complaints-out-of-scope'); } },
      ],
      starts: [{ prefix: 'r_', run: async (_ctx, rest) => (calls.push(`start:${rest}`), answer('opened')) }],
      text: async (_ctx, text) => (text.startsWith('mã') ? (calls.push(`text1:${text}`), answer('code-text')) : null),
    },
    {
      name: 'second',
      text: async (_ctx, text) => (text.includes('xin chào') ? (calls.push(`text2:${text}`), answer('greeting')) : null),
      fallback: async (_ctx, text) => (text.includes('thủ tục') ? (calls.push(`fallback:${text}`), answer('searched')) : null),
    },
  ];
}

beforeEach(() => {
  calls = [];
  logged = [];
  hot = new MemoryHotPath();
  const config = testConfig({ RATE_LIMIT_MESSAGES_PER_MINUTE: '5' });
  const services: Services = {
    config,
    db: untouchable('db'),
    hotPath: hot,
    clock: new FakeClock('2026-12-01T03:00:00Z'),
    log: createLogger('error', { write: (line: string) => void logged.push(line) }),
    i18n: new IdI18n(),
    limits: { messages: new SharedLimiter('messages', 5, 60_000), wrongCodes: new SharedLimiter('wrong-codes', 10, 3_600_000) },
    redis: null,
    complaintCategories: untouchable('complaintCategories'),
    procedures: untouchable('procedures'),
    roleChanged: new Listeners(),
  };
  conversation = new Conversation(services, modules());
});

const dialogue = () => hot.dialogues.get('console:u1')?.flow ?? null;

describe('routing order', () => {
  it('a command wins over an open dialogue, and ends it', async () => {
    await conversation.handle(say('/batdau'));
    expect(dialogue()).toBe('hoi');
    expect(texts(await conversation.handle(say('/lamgi  việc này ')))).toEqual(['did-command']);
    expect(calls).toEqual(['command:việc này']);
    expect(dialogue()).toBeNull();
  });

  it('a button with a registered prefix wins over the dialogue, which stays open', async () => {
    await conversation.handle(say('/batdau'));
    expect(texts(await conversation.handle(press('nut:a:b')))).toEqual(['pressed']);
    expect(calls).toEqual(['button:a:b']);
    expect(dialogue()).toBe('hoi');
  });

  it('dialogue input wins over free text', async () => {
    await conversation.handle(say('/batdau'));
    expect(texts(await conversation.handle(say('mã ABC')))).toEqual(['flow-answered']);
    expect(calls).toEqual(['flow:one:mã ABC']);
  });

  it('a flow that declines the input ends the dialogue and the text is routed as if none were open', async () => {
    await conversation.handle(say('/batdau'));
    expect(texts(await conversation.handle(say('khác')))).toEqual([expect.stringContaining('help-intro')]);
    expect(calls).toEqual(['flow:one:khác']);
    expect(dialogue()).toBeNull();
  });

  it('free text goes to the modules’ text handlers in order, then the fallback', async () => {
    expect(texts(await conversation.handle(say('mã xin chào')))).toEqual(['code-text']);
    expect(texts(await conversation.handle(say('xin chào thủ tục')))).toEqual(['greeting']);
    expect(texts(await conversation.handle(say('thủ tục khai sinh')))).toEqual(['searched']);
    expect(calls).toEqual(['text1:mã xin chào', 'text2:xin chào thủ tục', 'fallback:thủ tục khai sinh']);
  });

  it('what nobody claims gets the help; an unknown button says it expired', async () => {
    const [help] = texts(await conversation.handle(say('gì đó')));
    expect(help).toContain('help-intro');
    expect(help).toContain('/lamgi — cmd-help');
    expect(help).toContain('/lang — cmd-lang');
    expect(help).not.toContain('/canbo');
    expect(texts(await conversation.handle(press('khongco:1')))).toEqual(['button-expired']);
    expect(calls).toEqual([]);
  });

  it('a deep link goes to the start route of its prefix; an unknown one gets the help', async () => {
    expect(texts(await conversation.handle(say('/start r_TOKEN')))).toEqual(['opened']);
    expect(calls).toEqual(['start:TOKEN']);
    const unknown = texts(await conversation.handle(say('/start zz')));
    expect(unknown[0]).toBe('start-link-unknown');
    expect(unknown[1]).toContain('help-intro');
  });
});

describe('roles', () => {
  it('refuses a command and a button of another role, saying whom they are for, running nothing', async () => {
    const [command] = texts(await conversation.handle(say('/canbo')));
    expect(command).toMatch(/^refused-role /);
    expect(command).toContain('refused-hint-signup');
    const [button] = texts(await conversation.handle(press('cam:1')));
    expect(button).toMatch(/^refused-role /);
  });

  it('answers an unknown command with the help', async () => {
    const replies = texts(await conversation.handle(say('/khongco')));
    expect(replies[0]).toBe('unknown-command {"command":"/khongco"}');
    expect(replies[1]).toContain('help-intro');
  });

  it('lists the same commands for /help as for menus, the core’s own last', () => {
    expect(conversation.menuFor('citizen').map((c) => c.name)).toEqual(['lamgi', 'batdau', 'tuchoi', 'hong', 'lang', 'huy', 'help']);
    expect(conversation.menuFor('official').map((c) => c.name)).toEqual(['canbo', 'lang', 'huy', 'help']);
  });
});

describe('refusals and failures', () => {
  it('answers a Refusal with its message and ends the dialogue the handler had started', async () => {
    expect(texts(await conversation.handle(say('/tuchoi')))).toEqual(['complaints-limit-reached {"limit":5}']);
    expect(dialogue()).toBeNull();
  });

  it('a Refusal inside a dialogue ends it', async () => {
    await conversation.handle(say('/batdau'));
    expect(texts(await conversation.handle(say('cấm')))).toEqual(['complaints-no-question {"code":"PA-1"}']);
    expect(dialogue()).toBeNull();
  });

  it('a Refusal from a button leaves an unrelated dialogue alone', async () => {
    await conversation.handle(say('/batdau'));
    expect(texts(await conversation.handle(press('xx:1')))).toEqual(['complaints-out-of-scope']);
    expect(dialogue()).toBe('hoi');
  });

  it('any other failure is logged and answered politely, never with the error', async () => {
    expect(texts(await conversation.handle(say('/hong')))).toEqual(['error-generic']);
    expect(logged.join('')).toContain('handler failed');
  });

  it('says "slow down" once per window to a flood, then nothing', async () => {
    const answers: string[][] = [];
    for (let i = 0; i < 8; i++) answers.push(texts(await conversation.handle(say('mã 1'))));
    expect(answers.slice(0, 5).every((a) => a[0] === 'code-text')).toBe(true);
    expect(answers[5]).toEqual(['rate-limited']);
    expect(answers.slice(6)).toEqual([[], []]);
  });
});
