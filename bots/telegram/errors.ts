// Telegram API failures: what may be logged about them, and what the outbox should do next.
import { BotError, GrammyError, HttpError } from 'grammy';
import type { Logger } from '../../src/shared/log.js';
import type { SendOutcome } from '../../src/outbox/types.js';

/** Loggable facts of a failure; never the payload, which holds people's messages. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return { name: error.name, method: error.method, code: error.error_code, description: error.description };
  }
  if (error instanceof HttpError) return { name: error.name, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: String(error) };
}

/**
 * 429 carries the wait Telegram wants; 403 (bot blocked, user deactivated) and 400 (chat not
 * found, malformed request) will not succeed by trying again; anything else (network, 5xx,
 * a revoked token being fixed) is worth another attempt later.
 */
export function outcomeOf(error: unknown): Exclude<SendOutcome, { ok: true }> {
  const described = JSON.stringify(describeError(error));
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after;
      return { ok: false, kind: 'retry', error: described, ...(seconds !== undefined ? { retryAfterMs: seconds * 1000 } : {}) };
    }
    if (error.error_code === 403 || error.error_code === 400) return { ok: false, kind: 'permanent', error: described };
  }
  return { ok: false, kind: 'retry', error: described };
}

/** One line per failed update: its id and the cause, never the update (it holds the message). */
export function logUpdateFailure(log: Logger, error: unknown): void {
  const updateId = error instanceof BotError ? error.ctx.update.update_id : undefined;
  const cause = error instanceof BotError ? error.error : error;
  log.error({ updateId, err: describeError(cause) }, 'telegram update failed');
}
