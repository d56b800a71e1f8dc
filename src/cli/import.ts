// `import <kind> <file>`: every importer validates the whole file first and writes nothing
// unless every row is valid; errors are printed one per row and field.
import { readFileSync } from 'node:fs';
import type { Importer } from '../shared/import-file.js';
import { UNSTORABLE_TEXT_MESSAGE } from '../shared/unicode.js';
import { UsageError, type CliCommand } from './io.js';
import { importProceduresFile } from '../procedures/import.js';
import { importAssignmentsFile, importCriteriaFile } from '../criteria/import.js';
import { importDossiersFile } from '../dossiers/import.js';
import { importReferralsFile } from '../referrals/import.js';
import { importQuestionnaireFile } from '../ratings/import.js';

const importers: Record<string, Importer> = {
  procedures: importProceduresFile,
  referrals: importReferralsFile,
  criteria: importCriteriaFile,
  assignments: importAssignmentsFile,
  dossiers: importDossiersFile,
  questionnaire: importQuestionnaireFile,
};

export const importCommand: CliCommand = {
  usage: `import <${Object.keys(importers).join('|')}> <file>   validate and load a data file (all or nothing)`,
  async run(args, io) {
    const [kind, file] = args;
    const importer = importers[kind ?? ''];
    if (!importer || !file) throw new UsageError(`import needs a kind (${Object.keys(importers).join(', ')}) and a file`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      io.stderr.write(`Không đọc được tệp ${file}.\n`);
      return 1;
    }
    // A NUL byte (a binary file, or a stray one in a CSV) cannot be stored on PostgreSQL.
    if (text.includes('\u0000')) {
      io.stderr.write(`Tệp ${file} không hợp lệ, không có gì được ghi:\n  file: ${UNSTORABLE_TEXT_MESSAGE}\n`);
      return 1;
    }
    const app = await io.openApp();
    try {
      const result = await importer(app, text, file);
      if (!result.ok) {
        io.stderr.write(`Tệp ${file} không hợp lệ, không có gì được ghi:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
        return 1;
      }
      io.stdout.write(`${result.summary}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
