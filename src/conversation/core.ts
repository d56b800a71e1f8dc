// The one brain behind every channel: Inbound in, Reply[] out. It resolves the person,
// routes commands (with role checks), buttons, deep links and dialogue input to the domain
// modules, and turns any failure into a polite message instead of a stack trace.
import type { App } from '../app.js';
import { resolveAccount, roleOf, localeOf } from '../accounts/accounts.js';
import { loadDialogue, saveDialogue, clearDialogue } from './dialogue.js';
import type { MessageArgs } from '../i18n/index.js';
import { WindowLimiter } from '../shared/rate-limit.js';
import type {
  ButtonRoute,
  CommandSpec,
  ConversationModule,
  Ctx,
  FlowSpec,
  Inbound,
  Reply,
  Role,
  StartRoute,
  TextHandler,
} from './types.js';

const COMMAND = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i;
const MAX_INPUT_CHARS = 4000;

export class Conversation {
  private readonly commands = new Map<string, CommandSpec>();
  private readonly flows = new Map<string, FlowSpec>();
  private readonly buttons = new Map<string, ButtonRoute>();
  private readonly starts: StartRoute[] = [];
  private readonly texts: TextHandler[] = [];
  private fallback?: TextHandler;
  private readonly perAccount: WindowLimiter;

  constructor(
    private readonly app: App,
    modules: ConversationModule[],
  ) {
    this.perAccount = new WindowLimiter(app.config.RATE_LIMIT_MESSAGES_PER_MINUTE, 60_000);
    this.register({ name: 'core', buttons: [this.languageButton] });
    for (const m of modules) this.register(m);
  }

  private register(m: ConversationModule): void {
    for (const c of m.commands ?? []) {
      if (this.commands.has(c.name)) throw new Error(`command /${c.name} registered twice`);
      this.commands.set(c.name, c);
    }
    for (const f of m.flows ?? []) this.flows.set(f.name, f);
    for (const b of m.buttons ?? []) {
      if (this.buttons.has(b.prefix)) throw new Error(`button prefix ${b.prefix} registered twice`);
      this.buttons.set(b.prefix, b);
    }
    this.starts.push(...(m.starts ?? []));
    if (m.text) this.texts.push(m.text);
    if (m.fallback) {
      if (this.fallback) throw new Error(`second fallback text handler in ${m.name}`);
      this.fallback = m.fallback;
    }
  }

  /** Commands a role may run, in registration order (what /help and Telegram's menu show). */
  commandsFor(role: Role): CommandSpec[] {
    return [...this.commands.values()].filter((c) => c.roles.includes(role));
  }

  async handle(inbound: Inbound): Promise<Reply[]> {
    const { db, clock, log } = this.app;
    const account = await resolveAccount(db, inbound.channel, inbound.userId, {
      locale: inbound.locale,
      displayName: inbound.displayName,
      now: clock.now(),
    });
    const ctx = this.context(inbound, account);
    const flood = this.perAccount.hit(`${inbound.channel}:${inbound.userId}`, clock.now().getTime());
    if (!flood.allowed) {
      // Say it once per window; after that stay silent so a flood is not answered by a flood.
      return flood.count === this.app.config.RATE_LIMIT_MESSAGES_PER_MINUTE + 1 ? [{ text: ctx.t('rate-limited') }] : [];
    }
    try {
      return await this.route(ctx);
    } catch (error) {
      log.error({ err: error, channel: inbound.channel, updateId: inbound.updateId }, 'handler failed');
      return [{ text: ctx.t('error-generic') }];
    }
  }

  private context(inbound: Inbound, account: Ctx['account']): Ctx {
    const { app } = this;
    const locale = localeOf(account);
    return {
      app,
      inbound,
      account,
      role: roleOf(account),
      locale,
      t: (id: string, args?: MessageArgs) => app.i18n.t(locale, id, args),
      setDialogue: (flow, step, data = {}) =>
        saveDialogue(app.db, inbound.channel, inbound.userId, { flow, step, data }, app.clock.now()),
      clearDialogue: () => clearDialogue(app.db, inbound.channel, inbound.userId),
    };
  }

  private async route(ctx: Ctx): Promise<Reply[]> {
    const { inbound } = ctx;
    const typed = inbound.text?.normalize('NFC').trim() ?? '';
    if (typed.length > MAX_INPUT_CHARS) return [{ text: ctx.t('error-too-long', { max: MAX_INPUT_CHARS }) }];

    const command = COMMAND.exec(typed);
    if (command) return this.runCommand(ctx, command[1].toLowerCase(), (command[2] ?? '').trim());

    if (inbound.payload) {
      const [prefix, ...rest] = inbound.payload.split(':');
      const route = this.buttons.get(prefix);
      if (route) {
        if (route.roles && !route.roles.includes(ctx.role)) return [this.refusal(ctx, route.roles)];
        return route.run(ctx, rest.join(':'));
      }
    }

    const dialogue = await loadDialogue(this.app.db, inbound.channel, inbound.userId, this.app.clock.now());
    const flow = dialogue && this.flows.get(dialogue.flow);
    if (dialogue && flow) {
      const input = { text: typed || undefined, payload: inbound.payload, attachments: inbound.attachments };
      const replies = await flow.onInput(ctx, dialogue, input);
      if (replies) return replies;
      // The flow says this is not an answer to it: the dialogue ends and the message is
      // handled as if none were open.
      await ctx.clearDialogue();
    }
    if (inbound.payload) return [{ text: ctx.t('button-expired') }];

    if (typed) {
      for (const handler of [...this.texts, ...(this.fallback ? [this.fallback] : [])]) {
        const replies = await handler(ctx, typed);
        if (replies) return replies;
      }
    }
    return this.help(ctx);
  }

  private async runCommand(ctx: Ctx, name: string, args: string): Promise<Reply[]> {
    switch (name) {
      case 'start':
        return this.start(ctx, args);
      case 'help':
      case 'trogiup':
        return this.help(ctx);
      case 'huy':
      case 'cancel':
        await ctx.clearDialogue();
        return [{ text: ctx.t('cancelled') }];
      case 'lang':
        return this.setLanguage(ctx, args);
    }
    const spec = this.commands.get(name);
    if (!spec) return [{ text: ctx.t('unknown-command', { command: `/${name}` }) }, ...(await this.help(ctx))];
    if (!spec.roles.includes(ctx.role)) return [this.refusal(ctx, spec.roles)];
    // A new command abandons any half-finished dialogue.
    await ctx.clearDialogue();
    return spec.run(ctx, args);
  }

  private async start(ctx: Ctx, payload: string): Promise<Reply[]> {
    if (payload) {
      const route = this.starts.find((r) => payload.startsWith(r.prefix));
      if (route) return route.run(ctx, payload.slice(route.prefix.length));
      return [{ text: ctx.t('start-link-unknown') }, ...(await this.help(ctx))];
    }
    await ctx.clearDialogue();
    return [{ text: ctx.t('welcome', { role: ctx.role }) }, ...(await this.help(ctx))];
  }

  async help(ctx: Ctx): Promise<Reply[]> {
    const lines = this.commandsFor(ctx.role).map((c) => `/${c.name} — ${ctx.t(c.summary)}`);
    lines.push(`/lang — ${ctx.t('cmd-lang')}`, `/huy — ${ctx.t('cmd-cancel')}`, `/help — ${ctx.t('cmd-help')}`);
    return [{ text: `${ctx.t('help-intro', { role: ctx.role })}\n\n${lines.join('\n')}\n\n${ctx.t('help-ask')}` }];
  }

  private async setLanguage(ctx: Ctx, args: string): Promise<Reply[]> {
    const wanted = args.toLowerCase();
    if (wanted !== 'vi' && wanted !== 'en') {
      return [{ text: ctx.t('lang-choose'), buttons: [[{ label: 'Tiếng Việt', payload: 'lang:vi' }, { label: 'English', payload: 'lang:en' }]] }];
    }
    await this.app.db.account.update({ where: { id: ctx.account.id }, data: { locale: wanted } });
    return [{ text: this.app.i18n.t(wanted, 'lang-set') }];
  }

  /** The /lang buttons come back here. */
  readonly languageButton: ButtonRoute = {
    prefix: 'lang',
    run: (ctx, rest) => this.setLanguage(ctx, rest),
  };

  private refusal(ctx: Ctx, allowed: readonly Role[]): Reply {
    const who = allowed.map((r) => ctx.t(`role-${r}`)).join(', ');
    const hint = ctx.role === 'citizen' ? `\n${ctx.t('refused-hint-signup')}` : '';
    return { text: `${ctx.t('refused-role', { allowed: who, role: ctx.t(`role-${ctx.role}`) })}${hint}` };
  }
}
