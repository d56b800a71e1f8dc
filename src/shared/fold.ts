// Vietnamese text folded to lowercase ASCII: whatever the Unicode form (NFC or NFD), the tone
// placement ("hòa"/"hoà") or whether accents were typed at all, the same words become the same
// string. The one home of this rule; the procedure search builds its normaliser on it.

/** Lowercase, no diacritics, đ → d, runs of whitespace as one space; punctuation is kept. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '') // all combining marks: tones and shapes (ă â ê ô ơ ư)
    .replace(/[đð]/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}
