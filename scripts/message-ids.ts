// Message ids, typed: writes src/i18n/message-ids.ts from locales/vi/*.ftl (Vietnamese is the
// source language), so that a missing id is a type error. With --check it writes nothing and
// fails when the file is stale, or when English lacks a message, has one Vietnamese lacks, or
// uses other variables than the Vietnamese message (CI runs it that way).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localeProblems, readLocale, renderMessageIds, SOURCE } from './i18n-messages.js';

const OUTPUT = path.join('src', 'i18n', 'message-ids.ts');

const check = process.argv.includes('--check');
const source = readLocale(SOURCE);
const generated = renderMessageIds([...source.keys()].sort());
const problems = localeProblems();
let current = '';
try {
  current = readFileSync(OUTPUT, 'utf8');
} catch {
  // not generated yet
}
if (check) {
  if (current !== generated) problems.push(`${OUTPUT} is out of date: run npm run i18n:ids`);
} else if (current !== generated) {
  writeFileSync(OUTPUT, generated);
  process.stdout.write(`${OUTPUT}: ${source.size} message ids\n`);
}
if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
