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

/** Logs go to stderr by default, so stdout stays clean for the console chat and CLI JSON. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { svc: 'cqtt' } },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
