// Vietnamese in the charts: the font ships with the npm package (Be Vietnam Pro) and system
// fonts are never used, so every letter must come from it. Each letter with its diacritics is
// drawn alone: it has ink (a letter the font lacks draws nothing), and it is not drawn like its
// bare base letter (the marks are there).
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/charts/render.js';
import { decodePng } from '../support/png.js';

/** A letter drawn at 60 px: its pixels, or null when nothing was drawn. */
async function drawn(letter: string): Promise<Buffer | null> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="120"><rect width="100" height="120" fill="#fff"/><text x="20" y="85" font-family="Be Vietnam Pro" font-size="60" fill="#000">${letter}</text></svg>`;
  const png = decodePng((await svgToPng(svg)).png);
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 128) return png.data;
  return null;
}

const bases: Record<string, string> = { a: 'aàáảãạăằắẳẵặâầấẩẫậ', e: 'eèéẻẽẹêềếểễệ', i: 'iìíỉĩị', o: 'oòóỏõọôồốổỗộơờớởỡợ', u: 'uùúủũụưừứửữự', y: 'yỳýỷỹỵ' };

describe('Vietnamese letters in chart pictures', () => {
  it('draws every vowel with every tone mark, and đ, in both cases', async () => {
    for (const [base, letters] of Object.entries(bases)) {
      for (const upper of [false, true]) {
        const cased = (t: string) => (upper ? t.toUpperCase() : t);
        const plain = await drawn(cased(base));
        expect(plain, cased(base)).not.toBeNull();
        for (const letter of cased(letters.slice(1))) {
          const pixels = await drawn(letter);
          expect(pixels, `${letter} is drawn`).not.toBeNull();
          expect(pixels!.equals(plain!), `${letter} has its marks`).toBe(false);
        }
      }
    }
    for (const letter of ['đ', 'Đ']) expect(await drawn(letter), letter).not.toBeNull();
    expect((await drawn('đ'))!.equals((await drawn('d'))!)).toBe(false);
  });

  it('never falls back to a font of the machine: a letter the font lacks draws nothing', async () => {
    // U+2605 BLACK STAR is not in Be Vietnam Pro; with system fonts it would be drawn.
    expect(await drawn('★')).toBeNull();
  });
});
