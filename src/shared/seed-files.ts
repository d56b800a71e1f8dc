// The bundled data files under prisma/seed/ (catalogue, holidays, criteria sets, demo data).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';

export const seedDir = fileURLToPath(new URL('../../prisma/seed/', import.meta.url));

export function readSeed<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(parse(readFileSync(`${seedDir}${file}`, 'utf8')));
}
