// Structured logs. Personal data never goes in: callers log ids and kinds, and these paths
// are redacted in case an object slips through.
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

export const redactPaths = [
  'text',
  '*.text',
  'phone',
  '*.phone',
  'token',
  '*.token',
  'accessToken',
  'refreshToken',
  '*.accessToken',
  '*.refreshToken',
  'citizenName',
  '*.citizenName',
  'body',
  '*.body',
];

/**
 * Prisma's error messages quote the failed call with its arguments (a complaint's text, a
 * citizen's name), and their stacks repeat the message. Such an error is logged with the call's
 * name, the reason (the message's last line) and the stack frames, never the quoted arguments.
 */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error);
  if (!(err instanceof Error) || !err.name.startsWith('PrismaClient')) return serialized;
  const lines = err.message.split('\n').map((l) => l.trim()).filter(Boolean);
  const call = /^Invalid `[^`]*` invocation/.exec(lines[0] ?? '')?.[0];
  const message = call && lines.length > 1 ? `${call}: ${lines.at(-1)}` : (lines.at(-1) ?? '');
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return { ...serialized, message, stack: [`${err.name}: ${message}`, ...frames].join('\n') };
}

/** Logs go to stderr by default, so stdout stays clean for the console chat and CLI JSON. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: serializeError },
      base: { svc: 'cqtt' },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
