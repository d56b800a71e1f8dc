// A CLI command run in-process against a test app, with what it prints captured.
import { PassThrough } from 'node:stream';
import type { App } from '../../src/app.js';
import type { CliCommand, CliIo } from '../../src/cli/io.js';

export interface Printed {
  code: number;
  out: string;
  err: string;
}

/** Runs `run` with an empty stdin and captured stdout and stderr. */
export async function captured(run: (streams: Pick<CliIo, 'stdin' | 'stdout' | 'stderr'>) => Promise<number>): Promise<Printed> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await run({ stdin: new PassThrough(), stdout, stderr });
  return { code, out, err };
}

/**
 * `command args` on the app's configuration. The app is lent to the command (its close does
 * nothing) unless `openApp` opens one of its own.
 */
export function runCommand(command: CliCommand, args: string[], app: App, openApp?: () => Promise<App>): Promise<Printed> {
  return captured((streams) =>
    command.run(args, { ...streams, config: app.config, openApp: openApp ?? (async () => ({ ...app, close: async () => {} })) }),
  );
}
