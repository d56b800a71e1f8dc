// The one brain behind every channel: Inbound in, Reply[] out. It resolves the person,
// routes commands (with role checks), buttons, deep links and dialogue input to the domain
// modules, answers a Refusal with its message, and turns any other failure into a polite
// message instead of a stack trace.
//
// Routing order: a command; else a pressed button with a registered prefix; else the open
// dialogue's input; else free text (the modules' text handlers, then the fallback); else help.
import type { Services } from '../services.js';
import { resolveAccount, roleOf, localeOf } from '../accounts/accounts.js';
import type { Role } from '../accounts/roles.js';
import type { MessageId } from '../i18n/index.js';
import { loadDialogue, saveDialogue, clearDialogue } from './dialogue.js';
import { Refusal } from './refusal.js';
import type { ButtonRoute, CommandSpec, ConversationModule, Ctx, FlowSpec, Inbound, Reply, StartRoute, TextHandler } from './types.js';
import { withoutNul } from '../shared/unicode.js';

const COMMAND = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i;
const MAX_INPUT_CHARS = 4000;

/** A command as /help and Telegram's menu list it. */
export interface CommandSummary {
  name: string;
  summary: MessageId;
}

/** The core's own commands, open to everyone and listed after each role's own. */
export const builtInCommands: readonly CommandSummary[] = [
  { name: 'lang', summary: 'cmd-lang' },
  { name: 'huy', summary: 'cmd-cancel' },
  { name: 'help', summary: 'cmd-help' },
];


export class Conversation {
  private readonly commands = new Map<string, CommandSpec>();
  private readonly flows = new Map<string, FlowSpec>();
  private readonly buttons = new Map<string, ButtonRoute>();
  private readonly starts: StartRoute[] = [];
  private readonly texts: TextHandler[] = [];
  private fallback?: TextHandler;

  constructor(
    private readonly services: Services,
    modules: ConversationModule[],
  ) {
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

  /** The modules' commands a role may run, in registration order. */
  commandsFor(role: Role): CommandSpec[] {
    return [...this.commands.values()].filter((c) => c.roles.includes(role));
  }

  /** Everything /help lists for a role: its commands, then the core's own. */
  menuFor(role: Role): CommandSummary[] {
    return [...this.commandsFor(role), ...builtInCommands];
  }

  async handle(received: Inbound): Promise<Reply[]> {
    const { clock, log, config, limits } = this.services;
    // What a person typed may be stored (a complaint, a name): without NUL, which PostgreSQL refuses.
    const inbound = {
      ...received,
      text: received.text === undefined ? undefined : withoutNul(received.text),
      displayName: received.displayName === undefined ? undefined : withoutNul(received.displayName),
    };
    const account = await resolveAccount(this.services, inbound.channel, inbound.userId, {
      locale: inbound.locale,
      displayName: inbound.displayName,
      now: clock.now(),
    });
    // Set when this update starts or moves a dialogue, or answers one: a refusal then ends it.
    const dialogue = { involved: false };
    const ctx = this.context(inbound, account, dialogue);
    const flood = await limits.messages.hit(`${inbound.channel}:${inbound.userId}`, clock.now().getTime());
    if (!flood.allowed) {
      // Say it once per window; after that stay silent so a flood is not answered by a flood.
      return flood.count === config.RATE_LIMIT_MESSAGES_PER_MINUTE + 1 ? [{ text: ctx.t('rate-limited') }] : [];
    }
    try {
      return await this.route(ctx, dialogue);
    } catch (error) {
      if (error instanceof Refusal) {
        if (dialogue.involved) await ctx.clearDialogue();
        return [{ text: ctx.t(error.messageId, error.args) }];
      }
      log.error({ err: error, channel: inbound.channel, updateId: inbound.updateId }, 'handler failed');
      return [{ text: ctx.t('error-generic') }];
    }
  }

  private context(inbound: Inbound, account: Ctx['account'], dialogue: { involved: boolean }): Ctx {
    const { services } = this;
    const locale = localeOf(account);
    const role = roleOf(account);
    const t = services.i18n.in(locale);
    return {
      services,
      inbound,
      account,
      role,
      locale,
      t,
      setDialogue: (flow, step, data = {}) => {
        dialogue.involved = true;
        return saveDialogue(services, inbound.channel, inbound.userId, { flow, step, data });
      },
      clearDialogue: () => clearDialogue(services, inbound.channel, inbound.userId),
      help: (forRole = role) => [this.helpText(t, forRole)],
    };
  }

  private async route(ctx: Ctx, dialogue: { involved: boolean }): Promise<Reply[]> {
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

    const open = await loadDialogue(this.services, inbound.channel, inbound.userId);
    const flow = open && this.flows.get(open.flow);
    if (open && flow) {
      dialogue.involved = true;
      const input = { text: typed || undefined, payload: inbound.payload, attachments: inbound.attachments };
      const replies = await flow.onInput(ctx, open, input);
      if (replies) return replies;
      // The flow says this is not an answer to it: the dialogue ends and the message is
      // handled as if none were open.
      dialogue.involved = false;
      await ctx.clearDialogue();
    }
    if (inbound.payload) return [{ text: ctx.t('button-expired') }];

    if (typed) {
      for (const handler of [...this.texts, ...(this.fallback ? [this.fallback] : [])]) {
        const replies = await handler(ctx, typed);
        if (replies) return replies;
      }
    }
    return ctx.help();
  }

  private async runCommand(ctx: Ctx, name: string, args: string): Promise<Reply[]> {
    switch (name) {
      case 'start':
        return this.start(ctx, args);
      case 'help':
      case 'trogiup':
        return ctx.help();
      case 'huy':
      case 'cancel':
        await ctx.clearDialogue();
        return [{ text: ctx.t('cancelled') }];
      case 'lang':
        return this.setLanguage(ctx, args);
    }
    const spec = this.commands.get(name);
    if (!spec) return [{ text: ctx.t('unknown-command', { command: `/${name}` }) }, ...ctx.help()];
    if (!spec.roles.includes(ctx.role)) return [this.refusal(ctx, spec.roles)];
    // A new command abandons any half-finished dialogue.
    await ctx.clearDialogue();
    return spec.run(ctx, args);
  }

  private async start(ctx: Ctx, payload: string): Promise<Reply[]> {
    if (payload) {
      const route = this.starts.find((r) => payload.startsWith(r.prefix));
      if (route) return route.run(ctx, payload.slice(route.prefix.length));
      return [{ text: ctx.t('start-link-unknown') }, ...ctx.help()];
    }
    await ctx.clearDialogue();
    return [{ text: ctx.t('welcome', { role: ctx.role }) }, ...ctx.help()];
  }

  private helpText(t: Ctx['t'], role: Role): Reply {
    const lines = this.menuFor(role).map((c) => `/${c.name} — ${t(c.summary)}`);
    return { text: `${t('help-intro', { role })}\n\n${lines.join('\n')}\n\n${t('help-ask')}` };
  }

  private async setLanguage(ctx: Ctx, args: string): Promise<Reply[]> {
    const wanted = args.toLowerCase();
    if (wanted !== 'vi' && wanted !== 'en') {
      return [{ text: ctx.t('lang-choose'), buttons: [[{ label: 'Tiếng Việt', payload: 'lang:vi' }, { label: 'English', payload: 'lang:en' }]] }];
    }
    await this.services.db.account.update({ where: { id: ctx.account.id }, data: { locale: wanted } });
    return [{ text: this.services.i18n.t(wanted, 'lang-set') }];
  }

  /** The /lang buttons come back here. */
  private readonly languageButton: ButtonRoute = {
    prefix: 'lang',
    run: (ctx, rest) => this.setLanguage(ctx, rest),
  };

  private refusal(ctx: Ctx, allowed: readonly Role[]): Reply {
    const who = allowed.map((r) => ctx.t(`role-${r}`)).join(', ');
    const hint = ctx.role === 'citizen' ? `\n${ctx.t('refused-hint-signup')}` : '';
    return { text: `${ctx.t('refused-role', { allowed: who, role: ctx.t(`role-${ctx.role}`) })}${hint}` };
  }
}
