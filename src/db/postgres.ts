// PostgreSQL connections: the URL's `?schema=` (Prisma's convention) names the schema the
// service lives in, default public. One pg pool serves Prisma (through @prisma/adapter-pg) and
// the hot path's prepared statements; every connection has that schema first on its
// search_path, so hand-written SQL needs no qualification.
import pg from 'pg';

export interface PostgresTarget {
  /** The URL without `schema`, as pg understands it. */
  connectionString: string;
  schema: string;
}

export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') || 'public';
  parsed.searchParams.delete('schema');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`DATABASE_URL: schema must be a plain name (got "${schema}")`);
  return { connectionString: parsed.toString(), schema };
}

export function postgresPool(target: PostgresTarget, max = 10): pg.Pool {
  return new pg.Pool({
    connectionString: target.connectionString,
    max,
    options: `-c search_path="${target.schema}"`,
    // A server that does not answer in time is reported, not waited for forever.
    connectionTimeoutMillis: 10_000,
  });
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
