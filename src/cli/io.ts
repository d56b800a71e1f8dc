// What every CLI command gets: its arguments, the streams, and a way to open the app.
import type { Readable, Writable } from 'node:stream';
import type { App } from '../app.js';
import type { Config } from '../config/index.js';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** The validated configuration (environment and .env). */
  config: Config;
  /** Opens the app on the configured database (migrated and seeded). */
  openApp(): Promise<App>;
}

export interface CliCommand {
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}
