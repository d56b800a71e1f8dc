import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeedCatalogue, parseCatalogue, PROCEDURE_FIELDS, SEED_CATALOGUE_URL } from '../../src/procedures/catalogue.js';

const valid = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  documents: ['Tờ khai'],
  fee: 'Miễn phí',
  feeByProvince: false,
  timeLimit: 'Trong ngày',
  timeLimitDays: 0,
  place: 'desk',
  online: 'Có',
};

describe('seed catalogue', () => {
  const procedures = loadSeedCatalogue();

  it('has at least 75 procedures with unique codes', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(75);
    expect(new Set(procedures.map((p) => p.code.toLowerCase())).size).toBe(procedures.length);
  });

  it('sends residence procedures to the commune police and the rest to the desk', () => {
    const police = procedures.filter((p) => p.place === 'police');
    expect(police).toHaveLength(10);
    for (const p of police) expect(p.field).toBe('Cư trú');
  });

  it('has NFC names and aliases for every procedure', () => {
    for (const p of procedures) {
      expect(p.name).toBe(p.name.normalize('NFC'));
      expect(p.aliases.length, p.code).toBeGreaterThanOrEqual(8);
    }
  });

  it('has an English name, at least three English phrasings and a source for every procedure', () => {
    for (const p of procedures) {
      expect(p.nameEn, p.code).toMatch(/^[\x20-\x7e]+$/);
      expect(p.aliasesEn.length, p.code).toBeGreaterThanOrEqual(3);
      expect(p.source, p.code).toMatch(/\S/);
    }
  });

  it('keeps uncertainty in the verify flag, not inline in citizen-facing values', () => {
    for (const p of procedures) {
      const shown = [p.name, p.fee, p.timeLimit, p.online, ...p.documents].join(' ');
      expect(shown, p.code).not.toMatch(/cần kiểm chứng|chưa xác định/i);
    }
  });

  it('parses the same file through parseCatalogue', () => {
    const result = parseCatalogue(readFileSync(SEED_CATALOGUE_URL, 'utf8'), 'yaml');
    expect(result.ok).toBe(true);
  });
});

describe('parseCatalogue', () => {
  it('accepts a valid JSON file and normalises text', () => {
    const row = { ...valid, name: '  Đăng ký khai sinh  '.normalize('NFD'), aliases: [' khai sinh '] };
    const result = parseCatalogue(JSON.stringify([row]), 'json');
    expect(result).toEqual({ ok: true, procedures: [{ ...valid, aliases: ['khai sinh'], aliasesEn: [] }] });
    if (result.ok) expect(result.procedures[0].name).toBe('Đăng ký khai sinh'.normalize('NFC'));
  });

  it('rejects the whole file with one line per bad row and field', () => {
    const rows = [
      valid,
      { ...valid, code: '1.000894', timeLimitDays: 2.5, place: 'office' },
      { ...valid, code: '1.000656', documents: [] },
      { code: '1.004873', name: '' },
      { ...valid, code: 'bad code!', feeByProvince: 'yes' },
      { ...valid, onlineUrl: 'not a url', extra: 1 },
      { ...valid, code: 'X-1', field: 'Thể thao', timeLimitDays: 400 },
      { ...valid, code: 'X-2', nameEn: '', aliasesEn: 'birth', source: 7 },
    ];
    const result = parseCatalogue(JSON.stringify(rows), 'json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('row 2 (1.000894): timeLimitDays: expected an integer 0–365');
    expect(result.errors).toContain('row 2 (1.000894): place: expected one of: desk, police');
    expect(result.errors).toContain('row 3 (1.000656): documents: expected at least one document');
    expect(result.errors).toContain('row 4 (1.004873): name: must not be empty');
    expect(result.errors).toContain('row 4 (1.004873): field: expected text');
    expect(result.errors).toContain('row 4 (1.004873): timeLimitDays: expected an integer 0–365 or null');
    expect(result.errors).toContain('row 5 (bad code!): code: expected 1–40 characters of letters, digits, . - _');
    expect(result.errors).toContain('row 5 (bad code!): feeByProvince: expected true or false');
    expect(result.errors).toContain('row 6 (1.001193): onlineUrl: expected an http(s) URL');
    expect(result.errors).toContain('row 6 (1.001193): extra: unknown field');
    expect(result.errors).toContain(
      `row 7 (X-1): field: expected one of: ${PROCEDURE_FIELDS.join(', ')}`,
    );
    expect(result.errors).toContain('row 7 (X-1): timeLimitDays: expected an integer 0–365');
    expect(result.errors).toContain('row 8 (X-2): nameEn: must not be empty');
    expect(result.errors).toContain('row 8 (X-2): aliasesEn: expected a list of texts');
    expect(result.errors).toContain('row 8 (X-2): source: expected text');
    expect(result.errors.some((e) => e.startsWith('row 1'))).toBe(false);
  });

  it('keeps the English name, English aliases and the source', () => {
    const row = { ...valid, nameEn: ' Birth registration ', aliasesEn: ['birth certificate'], source: 'https://dichvucong.gov.vn' };
    const result = parseCatalogue(JSON.stringify([row]), 'json');
    expect(result).toEqual({ ok: true, procedures: [{ ...row, nameEn: 'Birth registration', aliases: [] }] });
  });

  it('reports duplicate codes', () => {
    const result = parseCatalogue(JSON.stringify([valid, { ...valid, name: 'Khác' }]), 'json');
    expect(result).toEqual({ ok: false, errors: ['row 2 (1.001193): code: duplicate of row 1'] });
  });

  it('reports a bad field inside a list', () => {
    const result = parseCatalogue(JSON.stringify([{ ...valid, aliases: ['ok', 42] }]), 'json');
    expect(result).toEqual({ ok: false, errors: ['row 1 (1.001193): aliases[1]: expected text'] });
  });

  it('rejects a top level that is not a list, an empty list and a row that is not a mapping', () => {
    expect(parseCatalogue('code: "1.001193"\nname: x\n', 'yaml')).toEqual({
      ok: false,
      errors: ['top level: expected a list of procedures'],
    });
    expect(parseCatalogue('[]', 'json')).toEqual({ ok: false, errors: ['top level: expected at least one procedure'] });
    expect(parseCatalogue('- just text\n', 'yaml')).toEqual({ ok: false, errors: ['row 1: expected a mapping of fields'] });
  });

  it('reports unparsable YAML and JSON', () => {
    const yaml = parseCatalogue('- code: "1\n  name: [unclosed\n', 'yaml');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.errors[0]).toMatch(/^YAML: /);
    const json = parseCatalogue('[{"code": }]', 'json');
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.errors[0]).toMatch(/^JSON: /);
  });
});
