// A push someone asked for — an official declaring a dossier ready (/xong), handed back (/tra)
// or late (/trehan) — that cannot reach the citizen: the platform refuses it for good (blocked,
// unfollowed) or holds it until they write again (Zalo's 7 days). The official was told "the
// citizen is being told"; now they are told it did not arrive, so that nobody believes the
// citizen knows when they do not, and they use another way (a call, the printed letter).
import type { OutboxMessage } from '../generated/prisma/client.js';
import type { Tx } from '../db/index.js';
import type { Services } from '../services.js';
import { speakerFor } from '../accounts/speaker.js';
import { enqueue, pushOf } from './enqueue.js';

export type Undelivered = 'held' | 'failed';

type Row = Pick<OutboxMessage, 'id' | 'channel' | 'reportToId' | 'pushKind' | 'pushData'>;

/** Tells each row's reportTo account (once per row) that it did not reach the person. */
export async function reportUndelivered(tx: Tx, services: Pick<Services, 'i18n'>, rows: readonly Row[], why: Undelivered): Promise<void> {
  for (const row of rows) {
    if (row.reportToId === null) continue;
    const to = await tx.account.findUnique({ where: { id: row.reportToId } });
    if (!to) continue;
    const push = pushOf(row);
    const { t } = speakerFor(services.i18n, to);
    const text = t('outbox-undelivered', { what: push?.kind ?? 'other', code: push?.data.code ?? '', why, channel: row.channel });
    await enqueue(tx, { to, reply: { text }, dedupKey: `undelivered:${row.id}` });
  }
}
