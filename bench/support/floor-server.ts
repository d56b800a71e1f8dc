// The floor for the webhook benchmark: the least a webhook can do and still be exactly-once,
// a bare node:http server that parses the update and INSERTs its id into SQLite (same WAL
// settings as the service), then answers 200. Started as a child process by bench/webhook.ts.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [file, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS seen (update_id TEXT PRIMARY KEY)');
const insert = db.prepare('INSERT OR IGNORE INTO seen (update_id) VALUES (?)');

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { update_id: number };
    insert.run(String(update.update_id));
    res.writeHead(200).end();
  });
});
server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
