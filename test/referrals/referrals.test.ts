// Referral files: the bundled one is valid and complete, and every bad input gets a clear line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeedReferrals, parseReferrals, SEED_REFERRALS_URL } from '../../src/referrals/referrals.js';
import { validReferral } from './fixture.js';

const file = (items: unknown[], version: unknown = 1) => JSON.stringify({ version, items });

describe('seed referrals', () => {
  const referrals = loadSeedReferrals();

  it('has at least 30 referrals across the agencies people are sent to', () => {
    expect(referrals.length).toBeGreaterThanOrEqual(30);
    const agencies = referrals.map((r) => r.agency).join(' ');
    for (const agency of ['Công an', 'Tòa án', 'thuế', 'Bảo hiểm xã hội', 'công chứng', 'Nhà trường']) expect(agencies).toContain(agency);
  });

  it('parses the bundled file with unique codes', () => {
    expect(parseReferrals(readFileSync(SEED_REFERRALS_URL, 'utf8'), 'yaml').ok).toBe(true);
    expect(new Set(referrals.map((r) => r.code)).size).toBe(referrals.length);
  });

  it('has English names and at least three English phrasings per referral', () => {
    for (const r of referrals) expect(r.aliasesEn.length, r.code).toBeGreaterThanOrEqual(3);
  });
});

describe('parseReferrals', () => {
  it('accepts a valid file, normalises text and fills the optional lists', () => {
    const row = { ...validReferral, name: ' Cấp thẻ căn cước '.normalize('NFD') };
    expect(parseReferrals(file([row]), 'json')).toEqual({
      ok: true,
      referrals: [{ ...validReferral, bring: [], aliasesEn: [] }],
    });
  });

  it('reads YAML', () => {
    const yaml = `version: 1\nitems:\n  - code: REF-X\n    name: X\n    nameEn: X\n    agency: A\n    where: W\n    online: Không\n    aliases: [x]\n    verify: true\n`;
    const result = parseReferrals(yaml, 'yaml');
    expect(result.ok && result.referrals[0]).toMatchObject({ code: 'REF-X', verify: true, bring: [] });
  });

  it('rejects the whole file with one line per bad row and field', () => {
    const rows = [
      validReferral,
      { ...validReferral, code: 'cccd', nameEn: '' },
      { ...validReferral, code: 'REF-B', aliases: [], bring: 'giấy tờ', onlineUrl: 'vneid' },
      { ...validReferral, code: 'REF-C', source: undefined },
      { ...validReferral, code: 'REF-D', source: undefined, verify: 'yes', extra: 1 },
      { code: 'REF-E' },
      'just text',
      { ...validReferral, code: 'REF-cccd' },
    ];
    const result = parseReferrals(file(rows), 'json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'row 2 (cccd): code: expected REF- followed by 1–36 capital letters, digits or -',
        'row 2 (cccd): nameEn: must not be empty',
        'row 3 (REF-B): bring: expected a list of texts',
        'row 3 (REF-B): onlineUrl: expected an http(s) URL',
        'row 3 (REF-B): aliases: expected at least one alias',
        'row 4 (REF-C): source: expected a source (URL or citation), or verify: true',
        'row 5 (REF-D): verify: expected true or false',
        'row 5 (REF-D): extra: unknown field',
        'row 6 (REF-E): name: expected text',
        'row 6 (REF-E): agency: expected text',
        'row 6 (REF-E): aliases: expected a list of texts',
        'row 7: expected a mapping of fields',
      ]),
    );
    expect(result.errors.some((e) => e.startsWith('row 1 '))).toBe(false);
    // REF-cccd fails the pattern; a differently-cased duplicate of a valid code is caught too.
    expect(parseReferrals(file([validReferral, { ...validReferral, name: 'Khác' }]), 'json')).toEqual({
      ok: false,
      errors: ['row 2 (REF-CCCD): code: duplicate of row 1'],
    });
  });

  it('checks the top level: version, items, nothing else', () => {
    expect(parseReferrals(JSON.stringify([validReferral]), 'json')).toEqual({
      ok: false,
      errors: ['top level: expected a mapping with version and items'],
    });
    expect(parseReferrals(file([validReferral], 2), 'json')).toEqual({
      ok: false,
      errors: ['top level: version: expected 1 (the referral file format this service reads)'],
    });
    expect(parseReferrals(JSON.stringify({ items: [validReferral] }), 'json')).toEqual({
      ok: false,
      errors: ['top level: version: expected 1 (the referral file format this service reads)'],
    });
    expect(parseReferrals(file([]), 'json')).toEqual({ ok: false, errors: ['top level: items: expected at least one referral'] });
    expect(parseReferrals(JSON.stringify({ version: 1, items: 'x', other: 1 }), 'json')).toEqual({
      ok: false,
      errors: ['top level: items: expected a list of referrals', 'top level: other: unknown field'],
    });
  });

  it('reports unparsable YAML and JSON and ill-formed text', () => {
    const yaml = parseReferrals('version: 1\nitems: [unclosed\n', 'yaml');
    expect(yaml.ok === false && yaml.errors[0]).toMatch(/^YAML: /);
    const json = parseReferrals('{"version": }', 'json');
    expect(json.ok === false && json.errors[0]).toMatch(/^JSON: /);
    const surrogate = parseReferrals('{"version": 1, "items": [{"code": "REF-A", "name": "\\ud800"}]}', 'json');
    expect(surrogate.ok === false && surrogate.errors[0]).toMatch(/^file: /);
  });
});
