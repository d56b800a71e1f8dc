// An instance for the "two instances refresh at once" test: opens the database named on the
// command line with the fake Zalo's address, and on "go" asks for the access token from a few
// callers at once, printing the tokens it got as one JSON line.
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { ZaloTokens } from '../../bots/zalo/tokens.js';

const [databaseUrl, fakeUrl, appId, appSecret] = process.argv.slice(2);
const app = await createApp(
  testConfig({
    DATABASE_URL: databaseUrl,
    ZALO_APP_ID: appId,
    ZALO_APP_SECRET: appSecret,
    ZALO_OAUTH_BASE: fakeUrl,
    ZALO_API_BASE: fakeUrl,
  }),
  { seed: false },
);
const tokens = new ZaloTokens(app);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const got = await Promise.all(Array.from({ length: 4 }, () => tokens.accessToken()));
process.stdout.write(`${JSON.stringify(got)}\n`);
await app.close();
