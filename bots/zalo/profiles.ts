// Names for Zalo accounts. A Zalo event carries only the person's id; the OA API tells their
// name (user/detail). An account without one is given it after its first event here has been
// answered, so that a signed complaint, the officials' lists and the workbook name Zalo users
// as they name Telegram users (by their profile). Asked once per person and process: a person
// Zalo says nothing about (not a follower) is not asked again at every message.
import type { Services } from '../../src/services.js';
import { withoutNul } from '../../src/shared/unicode.js';
import type { ZaloClient } from './client.js';

/** As long as the names typed with /ten may be. */
const NAME_MAX = 100;
/** People remembered as asked; beyond this many the memory starts again (a few more calls). */
const REMEMBERED = 50_000;

export class ZaloProfiles {
  private readonly asked = new Set<string>();

  constructor(
    private readonly services: Pick<Services, 'db' | 'log'>,
    private readonly client: Pick<ZaloClient, 'displayName'>,
  ) {}

  /** Gives the account of `userId` its Zalo name when it has none; never fails the caller. */
  async fillIn(userId: string): Promise<void> {
    if (this.asked.has(userId)) return;
    if (this.asked.size >= REMEMBERED) this.asked.clear();
    this.asked.add(userId);
    try {
      const name = await this.client.displayName(userId);
      const clean = name ? withoutNul(name).trim().slice(0, NAME_MAX) : '';
      if (!clean) return;
      // Only an account still without a name: one given by an invitation or /ten stays.
      await this.services.db.account.updateMany({
        where: { channel: 'zalo', externalId: userId, displayName: null },
        data: { displayName: clean },
      });
    } catch (error) {
      this.services.log.warn({ err: error }, 'zalo profile name not read');
    }
  }
}
