// The contract of `npm run cli -- import <kind> <file>`: an importer validates the whole file
// first and writes nothing unless every row is valid.
import type { Services } from '../services.js';

export type ImportResult = { ok: true; summary: string } | { ok: false; errors: string[] };
export type Importer = (services: Services, text: string, file: string) => Promise<ImportResult>;
