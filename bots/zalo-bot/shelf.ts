// Pictures and files for Zalo to fetch. The Bot platform takes no uploads: sendPhoto names a
// URL that Zalo downloads. So a chart or a receipt's QR code is put on this shelf under an
// unguessable name, served at PUBLIC_URL/zalobot/media/<name> for an hour (Zalo fetches it
// while the send is being answered; the hour covers retries), then dropped. Files, which the
// platform cannot send at all, are offered the same way as a download link. In memory: with
// several instances behind one address, send /zalobot/media/ to the instance that sends.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { HttpRoutes } from '../../src/http/server.js';

export const MEDIA_PATH = '/zalobot/media';
export const SHELF_LIFE_MS = 60 * 60_000;
/** The shelf never holds more than this; the oldest items go first. */
const MAX_BYTES = 64 * 1024 * 1024;

interface Item {
  bytes: Buffer;
  mime: string;
  filename: string;
  expiresAt: number;
}

export class MediaShelf {
  private readonly items = new Map<string, Item>();
  private bytes = 0;
  private readonly base: string;

  constructor(
    publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    this.base = `${publicUrl.replace(/\/+$/, '')}${MEDIA_PATH}`;
  }

  /** Puts the bytes on the shelf and returns the public URL that serves them. */
  put(bytes: Buffer, mime: string, filename: string): string {
    this.forget();
    const name = `${randomBytes(18).toString('base64url')}${/\.[a-z0-9]{1,5}$/i.exec(filename)?.[0] ?? ''}`;
    this.items.set(name, { bytes, mime, filename, expiresAt: this.now() + SHELF_LIFE_MS });
    this.bytes += bytes.length;
    for (const [old, item] of this.items) {
      if (this.bytes <= MAX_BYTES || old === name) break;
      this.drop(old, item);
    }
    return `${this.base}/${name}`;
  }

  routes(): HttpRoutes {
    return (server: FastifyInstance) => {
      server.get<{ Params: { name: string } }>(`${MEDIA_PATH}/:name`, async (request, reply) => {
        this.forget();
        const item = this.items.get(request.params.name);
        if (!item) return reply.code(404).send({ ok: false, error: 'not found or expired' });
        const ascii = item.filename.normalize('NFD').replace(/[^A-Za-z0-9._-]+/g, '-');
        return reply
          .header('content-type', item.mime)
          .header('cache-control', 'private, max-age=3600')
          .header('content-disposition', `${item.mime.startsWith('image/') ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(item.filename)}`)
          .send(item.bytes);
      });
    };
  }

  private forget(): void {
    const now = this.now();
    for (const [name, item] of this.items) if (item.expiresAt <= now) this.drop(name, item);
  }

  private drop(name: string, item: Item): void {
    this.items.delete(name);
    this.bytes -= item.bytes.length;
  }
}
