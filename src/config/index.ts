// Configuration from the environment, validated once at start-up. A bad value stops the
// process with one message that lists every problem and what a valid value looks like.
import { existsSync } from 'node:fs';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const urlString = (example: string) =>
  z.string().trim().url({ message: `must be a URL such as ${example}` });

const secretToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: '1–256 characters of A-Z a-z 0-9 _ -' });

const cronString = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron string such as "0 8 1 * *"' });

const intIn = (min: number, max: number, dflt: number) =>
  z.coerce
    .number({ message: `must be a whole number ${min}–${max}` })
    .int({ message: `must be a whole number ${min}–${max}` })
    .min(min, { message: `must be a whole number ${min}–${max}` })
    .max(max, { message: `must be a whole number ${min}–${max}` })
    .default(dflt);

/** The widest replay window ZALO_WEBHOOK_MAX_SKEW_MINUTES may set (7 days). */
export const MAX_REPLAY_WINDOW_MINUTES = 7 * 24 * 60;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, {
        message: 'must be a SQLite file URL such as file:./data/cqtt.db or a PostgreSQL URL such as postgresql://cqtt@127.0.0.1:5432/cqtt',
      })
      .default('file:./data/cqtt.db'),
    PORT: intIn(0, 65535, 3000),
    HOST: z.string().trim().default('127.0.0.1'),
    PUBLIC_URL: urlString('https://bot.example.gov.vn').optional().or(z.literal('').transform(() => undefined)),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, { message: 'must look like 123456:ABC-DEF… (from @BotFather)' }).optional(),
    ),
    TELEGRAM_API_ROOT: urlString('https://api.telegram.org').default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(secretToken.optional()),
    TELEGRAM_BOT_USERNAME: optionalString,
    ZALO_APP_ID: optionalString,
    ZALO_APP_SECRET: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_ACCESS_TOKEN: optionalString,
    ZALO_REFRESH_TOKEN: optionalString,
    ZALO_API_BASE: urlString('https://openapi.zalo.me').default('https://openapi.zalo.me'),
    ZALO_OAUTH_BASE: urlString('https://oauth.zaloapp.com').default('https://oauth.zaloapp.com'),
    /// Which id Zalo puts first in the signed string: app_id (documented) or oa_id (some integrations).
    ZALO_SIGNATURE_ID: z.enum(['app_id', 'oa_id']).default('app_id'),
    /// Zalo OA API calls per minute for the whole app (Zalo's limit is 4,000 unless raised).
    ZALO_REQUESTS_PER_MINUTE: intIn(1, 1_000_000, 4000),
    /// Zalo Bot platform (no Official Account needed): the token from Zalo Bot Creator, `<bot id>:<secret>`.
    ZALO_BOT_TOKEN: optionalString.pipe(
      z.string().regex(/^\d+:[^\s/?#%]{8,}$/, { message: 'must look like 1234567890:AbCd… (from Zalo Bot Creator)' }).optional(),
    ),
    ZALO_BOT_API_BASE: urlString('https://bot-api.zaloplatforms.com').default('https://bot-api.zaloplatforms.com'),
    /// Sent back by Zalo in X-Bot-Api-Secret-Token; Zalo asks for 8–256 characters.
    ZALO_BOT_WEBHOOK_SECRET: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, { message: '8–256 characters of A-Z a-z 0-9 _ -' }).optional(),
    ),
    /// Zalo events whose timestamp is further than this from now are refused (replays). At most
    /// 7 days, well inside the 30 days the delivery records are kept to recognise a repeat.
    ZALO_WEBHOOK_MAX_SKEW_MINUTES: intIn(1, MAX_REPLAY_WINDOW_MINUTES, 15),
    /// YAML or JSON: the approved template (ZBS Template Message) for each kind of push, with its
    /// parameters; pushes outside Zalo's 7-day window go as template messages (docs/zalo.md).
    ZALO_TEMPLATES_FILE: optionalString,
    /// Host of Zalo's template messages by phone number.
    ZALO_BUSINESS_API_BASE: urlString('https://business.openapi.zalo.me').default('https://business.openapi.zalo.me'),
    DESK_API_TOKEN: optionalString.pipe(
      z.string().min(16, { message: 'must be at least 16 characters (a long random string)' }).optional(),
    ),
    RATING_TOKEN_DAYS: intIn(1, 365, 30),
    /// Key from which rating links and Zalo codes are derived (so the desk API can answer a repeated
    /// registration with the same link). Falls back to DESK_API_TOKEN; without either, a per-process key.
    RATING_TOKEN_SECRET: optionalString.pipe(
      z.string().min(16, { message: 'must be at least 16 characters (a long random string)' }).optional(),
    ),
    /// Working days allowed for a procedure whose time limit is not in the catalogue.
    DOSSIER_DEFAULT_DAYS: intIn(0, 365, 5),
    INVITE_TTL_HOURS: intIn(1, 24 * 30, 72),
    COMPLAINTS_PER_DAY: intIn(1, 1000, 5),
    /// YAML list of complaint categories and their deadlines; default prisma/seed/complaint-categories.yaml.
    COMPLAINT_CATEGORIES_FILE: optionalString,
    /// Key of the rating questionnaire asked after a transaction (prisma/seed/questionnaires/).
    RATING_QUESTIONNAIRE: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'must be a questionnaire key such as mot-cua-2025' })
      .default('mot-cua-2025'),
    /// Where the console channel writes the files and pictures replies carry.
    EXPORT_DIR: z.string().trim().min(1).default('./data/exports'),
    OUTBOX_MAX_ATTEMPTS: intIn(1, 100, 8),
    /// Messages one account may send per minute before being asked to slow down.
    RATE_LIMIT_MESSAGES_PER_MINUTE: intIn(1, 10_000, 30),
    /// Wrong rating links / short codes one account may try per hour before lookups stop.
    RATE_LIMIT_WRONG_CODES_PER_HOUR: intIn(1, 10_000, 10),
    /// Requests per minute per IP on the webhooks (Telegram and Zalo send from few addresses).
    RATE_LIMIT_WEBHOOK_IP_PER_MINUTE: intIn(1, 10_000_000, 600_000),
    /// Requests per minute per IP on the desk API and public pages.
    RATE_LIMIT_IP_PER_MINUTE: intIn(1, 1_000_000, 300),
    /// Several instances: how long an instance's leases (a channel's sending, one person's Zalo
    /// events) last unrenewed; after a crash another instance takes over within this plus a third.
    LEASE_SECONDS: intIn(3, 300, 15),
    /// Redis shared by the instances for the rate limits (per IP and per account); unset: each
    /// instance counts in its own memory.
    REDIS_URL: optionalString.pipe(
      z.string().regex(/^rediss?:\/\/.+/, { message: 'must be a Redis URL such as redis://127.0.0.1:6379' }).optional(),
    ),
    /// Prefix of every Redis key, so several services can share one Redis.
    REDIS_KEY_PREFIX: z.string().trim().min(1).default('cqtt:'),
    CRITERIA_REMINDER_CRON: cronString.default('0 8 1 * *'),
    CRITERIA_NUDGE_CRON: cronString.default('0 8 20 * *'),
    CRITERIA_SUMMARY_CRON: cronString.default('0 8 26 * *'),
    CRITERIA_REPORT_DAY: intIn(1, 28, 25),
    DAILY_JOBS_CRON: cronString.default('0 7 * * *'),
    DEMO_DATA: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(true),
    CONSOLE_CHAT: z
      .enum(['auto', 'true', 'false'])
      .default('auto'),
  })
  .superRefine((env, ctx) => {
    if (env.PUBLIC_URL && env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required in webhook mode (PUBLIC_URL set): 1–256 characters of A-Z a-z 0-9 _ -',
      });
    }
    if (env.PUBLIC_URL && env.ZALO_BOT_TOKEN && !env.ZALO_BOT_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_BOT_WEBHOOK_SECRET'],
        message: 'is required in webhook mode (PUBLIC_URL set): 8–256 characters of A-Z a-z 0-9 _ -',
      });
    }
    const zalo = [env.ZALO_APP_ID, env.ZALO_OA_SECRET_KEY];
    if (env.ZALO_ACCESS_TOKEN && zalo.some((v) => !v)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_APP_ID'],
        message: 'ZALO_APP_ID and ZALO_OA_SECRET_KEY are required when ZALO_ACCESS_TOKEN is set',
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads `.env` from the working directory, if there is one, into process.env. Variables
 * already set in the environment win over the file.
 */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const value = issue.path.length ? env[String(issue.path[0])] : undefined;
    const shown = value === undefined ? 'missing' : `got "${redact(String(issue.path[0]), value)}"`;
    return `${name}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}

function redact(name: string, value: string): string {
  return /TOKEN|SECRET|KEY/.test(name) ? '***' : value;
}

/** Config for tests and tools: defaults plus overrides, validated the same way. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...overrides });
}
