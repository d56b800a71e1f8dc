// Prisma CLI configuration (`--config prisma.postgresql.config.ts`) for the PostgreSQL copy of the schema (generated from
// prisma/schema.prisma): the JS schema engine with the pg adapter, so generate and migrate diff
// run without downloading native engines. The URL only matters to commands that connect.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const url = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgresql://postgres@127.0.0.1:5432/test';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'postgresql', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'postgresql', 'migrations') },
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
