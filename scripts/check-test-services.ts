// `.ci/run` calls this before the tests: the PostgreSQL and Redis named by TEST_POSTGRES_URL and
// TEST_REDIS_URL must answer, so CI fails loudly instead of skipping their suites.
import { connect } from 'node:net';
import pg from 'pg';

async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

/** One PING over the Redis protocol; no client library needed for that. */
function checkRedis(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 5000 });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith('+PONG')) resolve();
      else reject(new Error(`answered ${JSON.stringify(data.toString().trim())}`));
    });
    socket.once('timeout', () => socket.destroy(new Error('no answer in 5 s')));
    socket.once('error', reject);
  });
}

const checks: [string, string | undefined, (url: string) => Promise<void>][] = [
  ['TEST_POSTGRES_URL', process.env.TEST_POSTGRES_URL, checkPostgres],
  ['TEST_REDIS_URL', process.env.TEST_REDIS_URL, checkRedis],
];
let failed = false;
for (const [name, url, check] of checks) {
  if (!url) {
    process.stderr.write(`${name} is not set\n`);
    failed = true;
    continue;
  }
  try {
    await check(url);
    process.stdout.write(`${name}: ${url} answers\n`);
  } catch (error) {
    process.stderr.write(`${name}: ${url} is unreachable: ${(error as Error).message}\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
